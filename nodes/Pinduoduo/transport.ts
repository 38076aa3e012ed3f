// The one way the Pinduoduo nodes reach the gateway: the credential read into lib's client, which signs,
// pages, retries and classifies; HTTP goes through n8n's request helper.
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { createPinduoduoClient, type PinduoduoClient } from '../../lib/channels/pinduoduo/client';
import { pinduoduoCredentialsFrom } from '../../lib/channels/pinduoduo/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const PDD_CREDENTIAL = 'pinduoduoApi';

export async function pinduoduoClient(context: IExecuteFunctions | IPollFunctions): Promise<PinduoduoClient> {
	const credentials = await context.getCredentials(PDD_CREDENTIAL);
	// nodeHttpClient only uses helpers.httpRequest, which poll and execute contexts share.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createPinduoduoClient({ credentials: pinduoduoCredentialsFrom(credentials), http });
}
