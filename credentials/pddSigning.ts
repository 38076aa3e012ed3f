// authenticate() for PinduoduoApi: turns a request whose body names a gateway `type` (plus its business
// parameters) into the signed form POST the Pinduoduo gateway expects. Used by the credential test and by
// HTTP Request nodes that pick this credential; the Pinduoduo nodes sign through lib/channels/pinduoduo.
import type { IAuthenticate, IDataObject } from 'n8n-workflow';
import { pddTimestamp, pinduoduoCredentialsFrom, signedPddParams } from '../lib/channels/pinduoduo/sign';

export const signPddRequest: IAuthenticate = async (credentials, requestOptions) => {
	const body = requestOptions.body && typeof requestOptions.body === 'object' ? (requestOptions.body as IDataObject) : {};
	const { type, ...business } = body;
	if (typeof type !== 'string' || type === '') return requestOptions;
	const pdd = pinduoduoCredentialsFrom(credentials);
	const signed = signedPddParams(type, business as Record<string, string | number | boolean>, pdd, pddTimestamp(Date.now()));
	return {
		...requestOptions,
		method: 'POST',
		baseURL: undefined,
		url: pdd.url,
		headers: { ...requestOptions.headers, 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
		body: new URLSearchParams(signed).toString(),
	};
};
