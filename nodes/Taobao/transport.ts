// The one way the Taobao nodes reach TOP: the credential read into lib's Taobao client, which signs,
// pages, retries and classifies; HTTP goes through n8n's request helper.
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { createTaobaoClient, type TaobaoClient } from '../../lib/channels/taobao/client';
import { taobaoCredentialsFrom } from '../../lib/channels/taobao/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const TAOBAO_CREDENTIAL = 'taobaoApi';

export async function taobaoClient(context: IExecuteFunctions | IPollFunctions): Promise<TaobaoClient> {
	const credentials = await context.getCredentials(TAOBAO_CREDENTIAL);
	// nodeHttpClient only uses helpers.httpRequest, which poll and execute contexts share.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createTaobaoClient({ credentials: taobaoCredentialsFrom(credentials), http });
}
