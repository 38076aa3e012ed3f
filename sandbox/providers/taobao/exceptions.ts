// TOP error codes and the `error_response` envelope (channels.md §1.9). HTTP status is always 200.

export class TopError extends Error {
	constructor(
		readonly code: number,
		readonly msg: string,
		readonly subCode?: string,
		readonly subMsg?: string,
	) {
		super(`${code} ${msg}${subCode ? ` (${subCode})` : ''}`);
	}
}

export const missingMethod = () => new TopError(21, 'Missing Method');
export const invalidMethod = (method: string) => new TopError(22, 'Invalid Method', 'isv.invalid-method', `不存在的方法名: ${method}`);
export const missingSignature = () => new TopError(24, 'Missing signature');
export const invalidSignature = () => new TopError(25, 'Invalid signature');
export const missingSession = () => new TopError(26, 'Missing session');
/** [I] sub_code for an unknown or expired session; the platform's exact sub codes are not public. */
export const INVALID_SESSION_SUB_CODE = 'invalid-sessionkey';
export const SESSION_EXPIRED_SUB_CODE = 'sessionkey-expired';
export const invalidSession = (expired: boolean) =>
	expired
		? new TopError(27, 'Invalid session', SESSION_EXPIRED_SUB_CODE, 'SessionKey已过期')
		: new TopError(27, 'Invalid session', INVALID_SESSION_SUB_CODE, 'SessionKey非法');
export const missingAppKey = () => new TopError(28, 'Missing app key');
export const invalidAppKey = () => new TopError(29, 'Invalid app Key');
export const missingTimestamp = () => new TopError(30, 'Missing timestamp');
export const invalidTimestamp = (why: string) => new TopError(31, 'Invalid timestamp', 'isv.invalid-timestamp', why);
export const missingVersion = () => new TopError(32, 'Missing version');
export const invalidVersion = () => new TopError(33, 'Invalid version');
export const httpMethodNotAllowed = () => new TopError(9, 'Http Action Not Allowed');
export const missingArgument = (name: string) =>
	new TopError(40, `Missing required arguments:${name}`, `isv.missing-parameter:${name}`, `缺少必选参数:${name}`);
export const invalidArgument = (name: string, why: string) =>
	new TopError(41, `Invalid arguments:${name}`, `isv.invalid-parameter:${name}`, why);

/** App-level call quota, with the ban length in the text clients parse (channels.md §1.9). */
export const appCallLimited = (seconds: number) =>
	new TopError(7, 'App Call Limited', 'accesscontrol.limited-by-app-access-count', `This ban will last for ${seconds} more seconds`);

/** [I] Business errors come back as code 15 with an isv.* sub code; these sub codes are our best reading. */
export const TOP_BUSINESS_SUB_CODES = {
	tradeNotExist: 'isv.trade-not-exist',
	refundNotExist: 'isv.refund-not-exist',
	itemNotExist: 'isv.item-not-exist',
	skuNotExist: 'isv.sku-not-exist',
	logisticsCompanyNotExist: 'isv.logistics-company-not-exist',
	consignStatusError: 'isv.logistics-offline-service-error:B04',
	refundStatusError: 'isv.refund-status-not-support',
} as const;
export const businessError = (subCode: string, subMsg: string) => new TopError(15, 'Remote service error', subCode, subMsg);
/** Platform-side failure the caller may retry (isp.* prefix). */
export const serviceUnavailable = () =>
	new TopError(15, 'Remote service error', 'isp.top-remote-connection-timeout', '远程服务调用超时，请稍后重试');

export function topErrorBody(error: TopError, requestId: string): string {
	const body: Record<string, unknown> = { code: error.code, msg: error.msg };
	if (error.subCode) body.sub_code = error.subCode;
	if (error.subMsg) body.sub_msg = error.subMsg;
	body.request_id = requestId;
	return JSON.stringify({ error_response: body });
}
