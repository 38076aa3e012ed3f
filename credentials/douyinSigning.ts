// authenticate() for DouyinApi: a request to a 抖店 method path (e.g. /order/searchList, or a body naming
// `method`) gets the signed system parameters in its query, the access token, and its business parameters
// as the param_json body, and goes to the credential's gateway. Used by the credential test and by HTTP
// Request nodes that pick this credential; the Douyin nodes sign through lib/channels/douyin.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { douyinCredentialsFrom, douyinRequest } from '../lib/channels/douyin/sign';

export const signDouyinRequest: IAuthenticate = async (credentials, requestOptions) => {
	const body = requestOptions.body && typeof requestOptions.body === 'object' ? { ...(requestOptions.body as IDataObject) } : {};
	const fromPath = String(requestOptions.url ?? '')
		.replace(/^[a-z]+:\/\/[^/]+/i, '')
		.replace(/^\/+/, '')
		.split('?')[0]
		.split('/')
		.filter(Boolean)
		.slice(-2)
		.join('.');
	const method = typeof body.method === 'string' && body.method !== '' ? body.method : fromPath;
	delete body.method;
	if (!/^[A-Za-z]+\.[A-Za-z]+$/.test(method)) return requestOptions;
	const douyin = douyinCredentialsFrom(credentials);
	// A test request may give relative times (seconds before now) so it stays inside Douyin's window limits.
	const nowSeconds = Math.floor(Date.now() / 1000);
	if (typeof body.secondsAgo === 'number') {
		body.create_time_start = nowSeconds - body.secondsAgo;
		body.create_time_end = nowSeconds;
		delete body.secondsAgo;
	}
	const wire = douyinRequest(method, body, douyin, Date.now());
	return {
		...requestOptions,
		method: 'POST',
		baseURL: undefined,
		url: wire.url,
		qs: { ...(requestOptions.qs ?? {}), ...wire.qs },
		headers: { ...requestOptions.headers, ...wire.headers, 'content-type': 'application/json;charset=utf-8' },
		body: wire.body,
		json: true,
	};
};
