// authenticate() for the carrier credentials: turns a request whose body holds the business JSON into the
// signed form POST the provider expects. Used by the credential tests and by HTTP Request nodes that pick
// these credentials; the carrier nodes sign through lib/carriers.
import { randomUUID } from 'node:crypto';
import type { IAuthenticate, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { kdniaoDataSign } from '../lib/carriers/kdniao/sign';
import { KDNIAO_PATHS, KDNIAO_PRODUCTION_URL, KDNIAO_SANDBOX_URL } from '../lib/carriers/kdniao/client';
import { KUAIDI100_BASE_URLS, KUAIDI100_PATHS } from '../lib/carriers/kuaidi100/client';
import { kuaidi100QuerySign } from '../lib/carriers/kuaidi100/sign';
import { SF_PATHS, SF_URLS } from '../lib/carriers/sf/client';
import { sfMsgDigest } from '../lib/carriers/sf/sign';
import { kdniaoSettings, kuaidi100Settings, sfSettings } from './carrierSettings';

const FORM = 'application/x-www-form-urlencoded;charset=UTF-8';

function businessBody(options: IHttpRequestOptions): IDataObject {
	return options.body && typeof options.body === 'object' ? (options.body as IDataObject) : {};
}

function formPost(options: IHttpRequestOptions, url: string, fields: Record<string, string>): IHttpRequestOptions {
	return {
		...options,
		method: 'POST',
		baseURL: undefined,
		url,
		headers: { ...options.headers, 'content-type': FORM },
		body: new URLSearchParams(fields).toString(),
	};
}

/** Body `{ param: {...} }` -> a signed real-time query (poll/query.do). */
export const signKuaidi100Request: IAuthenticate = async (credentials, options) => {
	const { param } = businessBody(options);
	if (param === undefined) return options;
	const settings = kuaidi100Settings(credentials);
	const { customer, key } = settings.credentials;
	const paramText = typeof param === 'string' ? param : JSON.stringify(param);
	const url = (settings.baseUrl ?? KUAIDI100_BASE_URLS.poll) + KUAIDI100_PATHS.query;
	return formPost(options, url, { customer, sign: kuaidi100QuerySign(paramText, key, customer), param: paramText });
};

/** Body `{ RequestType, RequestData: {...} }` -> a signed Kdniao instant-query form POST. */
export const signKdniaoRequest: IAuthenticate = async (credentials, options) => {
	const { RequestType, RequestData } = businessBody(options);
	if (RequestType === undefined || RequestData === undefined) return options;
	const settings = kdniaoSettings(credentials);
	const data = typeof RequestData === 'string' ? RequestData : JSON.stringify(RequestData);
	let url = KDNIAO_PRODUCTION_URL + KDNIAO_PATHS.query;
	if (settings.baseUrl) url = settings.baseUrl + KDNIAO_PATHS.query;
	else if (settings.environment === 'sandbox') url = KDNIAO_SANDBOX_URL;
	return formPost(options, url, {
		EBusinessID: settings.credentials.eBusinessId,
		RequestType: String(RequestType),
		RequestData: data,
		DataSign: kdniaoDataSign(data, settings.credentials.appKey),
		DataType: '2',
	});
};

/** Body `{ serviceCode, msgData: {...} }` -> an SF std/service call signed with msgDigest. */
export const signSfRequest: IAuthenticate = async (credentials, options) => {
	const { serviceCode, msgData } = businessBody(options);
	if (serviceCode === undefined || msgData === undefined) return options;
	const settings = sfSettings(credentials);
	const data = typeof msgData === 'string' ? msgData : JSON.stringify(msgData);
	const timestamp = String(Date.now());
	return formPost(options, (settings.baseUrl ?? SF_URLS[settings.environment]) + SF_PATHS.service, {
		partnerID: settings.credentials.partnerId,
		requestID: randomUUID(),
		serviceCode: String(serviceCode),
		timestamp,
		msgData: data,
		msgDigest: sfMsgDigest(data, timestamp, settings.credentials.checkWord),
	});
};
