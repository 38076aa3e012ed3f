// authenticate() for XiaohongshuApi: a JSON request whose body names an Ark `method` (plus its business
// parameters) gets the signed system parameters and the access token, and goes to the credential's gateway.
// Used by the credential test and by HTTP Request nodes that pick this credential; the XHS nodes sign
// through lib/channels/xiaohongshu.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { xhsCredentialsFrom, xhsSystemParams } from '../lib/channels/xiaohongshu/sign';

export const signXhsRequest: IAuthenticate = async (credentials, requestOptions) => {
	const body = requestOptions.body && typeof requestOptions.body === 'object' ? (requestOptions.body as IDataObject) : {};
	const method = body.method;
	if (typeof method !== 'string' || method === '') return requestOptions;
	const xhs = xhsCredentialsFrom(credentials);
	const business = { ...body };
	// A test request may give relative times (seconds before now) so it stays inside XHS's window limits.
	const nowSeconds = Math.floor(Date.now() / 1000);
	if (typeof business.secondsAgo === 'number') {
		business.startTime = nowSeconds - business.secondsAgo;
		business.endTime = nowSeconds;
		delete business.secondsAgo;
	}
	return {
		...requestOptions,
		method: 'POST',
		baseURL: undefined,
		url: xhs.url,
		headers: { ...requestOptions.headers, 'content-type': 'application/json;charset=utf-8' },
		body: { ...business, ...xhsSystemParams(method, xhs, Date.now()) },
		json: true,
	};
};
