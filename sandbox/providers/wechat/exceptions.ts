// WeChat's error envelope {errcode, errmsg} and the codes the emulator answers with (channels.md §3.1).
import { plainText, type SandboxReply } from '../../core/http';

export class WechatError extends Error {
	constructor(
		readonly errcode: number,
		readonly errmsg: string,
	) {
		super(errmsg);
	}
}

/** WeChat appends " rid: ..." to errmsg; the emulator does the same so clients quote it faithfully. */
export function wechatErrorBody(error: WechatError, rid: string): string {
	return JSON.stringify({ errcode: error.errcode, errmsg: `${error.errmsg} rid: ${rid}` });
}

export const systemBusy = () => new WechatError(-1, 'system error');
export const invalidCredential = () => new WechatError(40001, 'invalid credential, access_token is invalid or not latest');
export const invalidAppId = () => new WechatError(40013, 'invalid appid');
export const invalidAccessToken = () => new WechatError(40014, 'invalid access_token');
export const missingAccessToken = () => new WechatError(41001, 'access_token missing');
export const accessTokenExpired = () => new WechatError(42001, 'access_token expired');
export const invalidSecret = () => new WechatError(40125, 'invalid appsecret');
export const quotaReached = () => new WechatError(45009, 'reach max api daily quota limit');
export const frequencyLimited = () => new WechatError(45011, 'api minute-quota reach limit  mustslower  retry next minute');
export const invalidArgs = (detail: string) => new WechatError(40097, `invalid args: ${detail}`);
export const dataFormatError = () => new WechatError(47001, 'data format error');
export const notFound = (what: string) => new WechatError(100002, `${what} not exist`);

/** What the front proxy answers when the API servers are down (no errcode envelope). */
export function gatewayDown(status: number): SandboxReply {
	const text = status === 504 ? 'Gateway Time-out' : status === 503 ? 'Service Unavailable' : 'Bad Gateway';
	return plainText(`<html><body><h1>${status} ${text}</h1></body></html>`, status, 'text/html');
}
