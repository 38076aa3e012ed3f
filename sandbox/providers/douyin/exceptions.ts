// Douyin Shop's error envelope {code, msg, sub_code, sub_msg, log_id, data} and the codes the emulator answers
// with (channels.md §5.9). 10000 (success) is confirmed; every error code is the pack's inferred value [I].

export class DouyinError extends Error {
	constructor(
		readonly code: number,
		readonly msg: string,
		readonly subCode: string,
		readonly subMsg: string,
	) {
		super(msg);
	}
}

export function douyinErrorBody(error: DouyinError, logId: string): string {
	return JSON.stringify({ code: error.code, msg: error.msg, sub_code: error.subCode, sub_msg: error.subMsg, log_id: logId, data: null });
}

/** [I] all but success. */
export const DOUYIN_SANDBOX_CODES = {
	success: 10000,
	serviceUnavailable: 20000,
	accessTokenInvalid: 30001,
	accessTokenExpired: 30002,
	missingParam: 40001,
	invalidParam: 40002,
	permissionDenied: 40004,
	signInvalid: 40005,
	timestampInvalid: 40006,
	appKeyInvalid: 40007,
	refreshTokenInvalid: 40008,
	windowTooLong: 40009,
	businessFailed: 50002,
	notFound: 50004,
	throttled: 90000,
} as const;

const C = DOUYIN_SANDBOX_CODES;
export const throttled = () => new DouyinError(C.throttled, '调用频率超限', 'isp.frequency-limit', '请求太频繁，请稍后重试');
export const missingParam = (name: string) => new DouyinError(C.missingParam, '缺少必选参数', 'isv.missing-parameter', `缺少参数 ${name}`);
export const invalidParam = (detail: string) => new DouyinError(C.invalidParam, '非法的参数', 'isv.invalid-parameter', detail);
export const accessTokenExpired = () => new DouyinError(C.accessTokenExpired, 'access_token已过期', 'isv.access-token-expired', 'access_token已过期，请刷新');
export const accessTokenInvalid = () => new DouyinError(C.accessTokenInvalid, 'access_token不存在', 'isv.access-token-no-existed', 'access_token不存在，请使用最新的access_token访问');
export const signInvalid = () => new DouyinError(C.signInvalid, '签名校验失败', 'isv.sign-invalid', 'sign不正确');
export const timestampInvalid = () => new DouyinError(C.timestampInvalid, 'timestamp已过期', 'isv.timestamp-invalid', '请检查timestamp');
export const appKeyInvalid = () => new DouyinError(C.appKeyInvalid, 'app_key不存在', 'isv.app-key-invalid', 'app_key不存在');
export const refreshTokenInvalid = () => new DouyinError(C.refreshTokenInvalid, 'refresh_token无效', 'isv.refresh-token-invalid', 'refresh_token无效或已过期');
export const windowTooLong = (maxText: string) => new DouyinError(C.windowTooLong, '非法的参数', 'isv.time-range-too-long', `查询时间范围不能超过${maxText}`);
export const notFound = (what: string) => new DouyinError(C.notFound, '业务处理失败', 'isv.business-failed:not-found', `${what}不存在`);
export const businessFailed = (detail: string) => new DouyinError(C.businessFailed, '业务处理失败', 'isv.business-failed', detail);
export const unknownMethod = (method: string) => new DouyinError(C.invalidParam, '非法的参数', 'isv.method-not-found', `method ${method} 不存在`);
