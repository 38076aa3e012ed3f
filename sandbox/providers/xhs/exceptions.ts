// Xiaohongshu Ark's error envelope {success: false, error_code, error_msg} and the codes the emulator answers
// with (channels.md §4.9). -9013 is confirmed; the others are the pack's inferred values [I], kept here once.

export class XhsError extends Error {
	constructor(
		readonly code: number,
		readonly msg: string,
	) {
		super(msg);
	}
}

export function xhsErrorBody(error: XhsError): string {
	return JSON.stringify({ success: false, error_code: error.code, error_msg: error.msg, data: null });
}

/** [I] except throttled (-9013) and invalidParams (-2000400, third-party). */
export const XHS_SANDBOX_CODES = {
	throttled: -9013,
	invalidParams: -2000400,
	systemBusy: -1,
	accessTokenExpired: -1001,
	accessTokenInvalid: -1002,
	signInvalid: -1003,
	appIdInvalid: -1004,
	timestampInvalid: -1005,
	refreshTokenInvalid: -1006,
	windowTooLong: -2000401,
	notFound: -2000404,
} as const;

const C = XHS_SANDBOX_CODES;
export const throttled = () => new XhsError(C.throttled, '触发Method维度的限流');
export const invalidParams = (detail: string) => new XhsError(C.invalidParams, `参数错误: ${detail}`);
export const systemBusy = () => new XhsError(C.systemBusy, '系统繁忙，请稍后重试');
export const accessTokenExpired = () => new XhsError(C.accessTokenExpired, 'accessToken已过期');
export const accessTokenInvalid = () => new XhsError(C.accessTokenInvalid, 'accessToken无效');
export const signInvalid = () => new XhsError(C.signInvalid, '签名验证失败');
export const appIdInvalid = () => new XhsError(C.appIdInvalid, 'appId不存在');
export const timestampInvalid = () => new XhsError(C.timestampInvalid, 'timestamp已过期');
export const refreshTokenInvalid = () => new XhsError(C.refreshTokenInvalid, 'refreshToken无效或已过期');
export const windowTooLong = (maxText: string) => new XhsError(C.windowTooLong, `查询时间范围不能超过${maxText}`);
export const notFound = (what: string) => new XhsError(C.notFound, `${what}不存在`);
export const unknownMethod = (method: string) => new XhsError(C.invalidParams, `method ${method} 不存在`);
