// authenticate() for JdApi: turns a request whose body names a JOS `method` (plus its business parameters)
// into the signed routerjson form POST, business parameters packed into 360buy_param_json. Used by the
// credential test and by HTTP Request nodes that pick this credential; the JD nodes sign through lib/channels/jd.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { jdCredentialsFrom, jdTimestamp, signedJdParams } from '../lib/channels/jd/sign';

export const signJosRequest: IAuthenticate = async (credentials, requestOptions) => {
	const body = requestOptions.body && typeof requestOptions.body === 'object' ? (requestOptions.body as IDataObject) : {};
	const { method, ...business } = body;
	if (typeof method !== 'string' || method === '') return requestOptions;
	const jd = jdCredentialsFrom(credentials);
	const signed = signedJdParams(method, business, jd, jdTimestamp(Date.now()));
	return {
		...requestOptions,
		method: 'POST',
		baseURL: undefined,
		url: jd.url,
		headers: { ...requestOptions.headers, 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
		body: new URLSearchParams(signed).toString(),
	};
};
