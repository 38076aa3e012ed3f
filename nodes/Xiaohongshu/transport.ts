// The one way the Xiaohongshu nodes reach XHS: the credential read into lib's client, which signs, pages,
// retries, classifies and renews an expired access token with the refresh token; HTTP goes through n8n.
import type { IExecuteFunctions, IPollFunctions } from 'n8n-workflow';
import { createXhsClient, type XhsClient } from '../../lib/channels/xiaohongshu/client';
import { xhsCredentialsFrom } from '../../lib/channels/xiaohongshu/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const XHS_CREDENTIAL = 'xiaohongshuApi';

export async function xhsClient(context: IExecuteFunctions | IPollFunctions): Promise<XhsClient> {
	const credentials = xhsCredentialsFrom(await context.getCredentials(XHS_CREDENTIAL));
	// nodeHttpClient only uses helpers.httpRequest, which every context shares.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createXhsClient({ credentials, http });
}
