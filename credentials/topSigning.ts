// authenticate() for TaobaoApi: turns a request whose body names a TOP `method` (plus its business
// parameters) into the signed form POST the TOP gateway expects. Used by the credential test and by
// HTTP Request nodes that pick this credential; the Taobao nodes sign through lib/channels/taobao.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { toShanghaiLocal } from '../lib/model';
import { signedTopParams, taobaoCredentialsFrom } from '../lib/channels/taobao/sign';

export const signTopRequest: IAuthenticate = async (credentials, requestOptions) => {
	const body = requestOptions.body && typeof requestOptions.body === 'object' ? (requestOptions.body as IDataObject) : {};
	const { method, ...business } = body;
	if (typeof method !== 'string' || method === '') return requestOptions;
	const taobao = taobaoCredentialsFrom(credentials);
	const timestamp = toShanghaiLocal(new Date().toISOString());
	const signed = signedTopParams(method, business as Record<string, string | number | boolean>, taobao, timestamp);
	return {
		...requestOptions,
		method: 'POST',
		baseURL: undefined,
		url: taobao.url,
		headers: { ...requestOptions.headers, 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
		body: new URLSearchParams(signed).toString(),
	};
};
