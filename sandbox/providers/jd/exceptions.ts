// JOS gateway error codes and envelopes (channels.md §2.9). HTTP status is always 200. Gateway failures
// come as `error_response` {code, zh_desc, en_desc} with string codes; a method's own refusal comes inside
// its `<method>_responce`, on the result member's apiResult (or the result itself) with success false.

export class JosError extends Error {
	constructor(
		readonly code: string,
		readonly zhDesc: string,
		readonly enDesc: string,
	) {
		super(`${code} ${enDesc}`);
	}
}

/** Codes from JD's published gateway table; 19 and 21 are [I] (seen in SDK comments and live probes). */
export const JOS_CODES = {
	appCallLimited: '2',
	missingVersion: '4',
	unsupportedVersion: '5',
	missingTimestamp: '7',
	invalidTimestamp: '8',
	missingSignature: '11',
	invalidSignature: '12',
	missingMethod: '14',
	invalidMethod: '15',
	invalidAccessToken: '19',
	invalidAppKey: '21',
} as const;

export const appCallLimited = () => new JosError(JOS_CODES.appCallLimited, '限制时间内调用失败次数', 'App Call Limited');
export const missingVersion = () => new JosError(JOS_CODES.missingVersion, '缺少版本参数', 'Missing Version');
export const unsupportedVersion = () => new JosError(JOS_CODES.unsupportedVersion, '不支持的版本号', 'Unsupported Version');
export const missingTimestamp = () => new JosError(JOS_CODES.missingTimestamp, '缺少时间戳参数', 'Missing Timestamp');
export const invalidTimestamp = () => new JosError(JOS_CODES.invalidTimestamp, '非法的时间戳参数', 'Invalid Timestamp');
export const missingSignature = () => new JosError(JOS_CODES.missingSignature, '缺少签名参数', 'Missing Signature');
export const invalidSignature = () => new JosError(JOS_CODES.invalidSignature, '无效签名', 'Invalid Signature');
export const missingMethod = () => new JosError(JOS_CODES.missingMethod, '缺少方法名参数', 'Missing Method');
export const invalidMethod = () => new JosError(JOS_CODES.invalidMethod, '不存在的方法名', 'Invalid Method');
export const invalidAccessToken = () => new JosError(JOS_CODES.invalidAccessToken, '无效access_token', 'Invalid access_token');
export const invalidAppKey = (appKey: string) => new JosError(JOS_CODES.invalidAppKey, `key=${appKey || 0} 信息无效`, 'Invalid app_key');

export function josErrorBody(error: JosError): string {
	return JSON.stringify({ error_response: { code: error.code, zh_desc: error.zhDesc, en_desc: error.enDesc } });
}

/**
 * [I] A method's own refusal (bad parameter, unknown order, wrong state): apiResult-style fields on the
 * method's result member. The numbers are ours; JD's are not public.
 */
export const JOS_BUSINESS_CODES = {
	invalidParameter: 10001,
	orderNotFound: 10100,
	orderStateNotAllowed: 10101,
	unknownCarrier: 10102,
	skuNotFound: 10200,
} as const;

export class JosBusinessError extends Error {
	constructor(
		readonly numberCode: number,
		readonly englishErrCode: string,
		readonly chineseErrCode: string,
	) {
		super(`${numberCode} ${englishErrCode}`);
	}

	/** The apiResult object JD puts on a result member. */
	apiResult() {
		return { success: false, numberCode: this.numberCode, englishErrCode: this.englishErrCode, chineseErrCode: this.chineseErrCode };
	}
}

export const invalidParameter = (name: string, why: string) =>
	new JosBusinessError(JOS_BUSINESS_CODES.invalidParameter, `invalid_parameter:${name}`, `参数错误(${name}): ${why}`);
export const orderNotFound = (orderId: string) => new JosBusinessError(JOS_BUSINESS_CODES.orderNotFound, 'order_not_found', `订单不存在: ${orderId}`);
export const orderStateNotAllowed = (orderId: string) =>
	new JosBusinessError(JOS_BUSINESS_CODES.orderStateNotAllowed, 'order_state_not_allowed', `当前订单状态不允许出库: ${orderId}`);
export const unknownCarrier = (id: string) => new JosBusinessError(JOS_BUSINESS_CODES.unknownCarrier, 'unknown_carrier', `物流公司不存在: ${id}`);
export const skuNotFound = (skuId: string) => new JosBusinessError(JOS_BUSINESS_CODES.skuNotFound, 'sku_not_found', `SKU不存在: ${skuId}`);
