// The one way the Douyin nodes reach 抖店: the credential read into lib's client, which signs, pages,
// retries, classifies and renews an expired access token with the refresh token; HTTP goes through n8n.
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { createDouyinClient, type DouyinClient } from '../../lib/channels/douyin/client';
import { douyinCredentialsFrom } from '../../lib/channels/douyin/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const DOUYIN_CREDENTIAL = 'douyinApi';

export async function douyinClient(context: IExecuteFunctions | IPollFunctions): Promise<DouyinClient> {
	const credentials = douyinCredentialsFrom(await context.getCredentials(DOUYIN_CREDENTIAL));
	// nodeHttpClient only uses helpers.httpRequest, which every context shares.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createDouyinClient({ credentials, http });
}
