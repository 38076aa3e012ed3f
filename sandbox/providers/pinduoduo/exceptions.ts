// Pinduoduo error codes and the `error_response` envelope (channels.md §6.9). HTTP status is always 200.

export class PddError extends Error {
	constructor(
		readonly code: number,
		readonly msg: string,
		readonly subMsg = '',
		readonly subCode = '',
	) {
		super(`${code} ${msg}${subMsg ? `: ${subMsg}` : ''}`);
	}
}

/** Codes the spec lists [C-3p]; [I] marks the ones the sandbox had to choose. */
export const PDD_CODES = {
	/** [I] parameter errors (missing, malformed, out of range, window too long). */
	invalidParameter: 10000,
	/** [I] unknown client_id. */
	unknownClient: 10001,
	tokenExpired: 10019,
	signature: 20004,
	noPermission: 20031,
	throttled: 52101,
	internal: 50000,
} as const;

export const invalidParameter = (name: string, why: string) => new PddError(PDD_CODES.invalidParameter, '参数错误', `${name}: ${why}`, 'isv.invalid-parameter');
export const missingParameter = (name: string) => new PddError(PDD_CODES.invalidParameter, '参数错误', `缺少必选参数: ${name}`, 'isv.missing-parameter');
export const unknownClient = () => new PddError(PDD_CODES.unknownClient, 'client_id不存在');
export const invalidSignature = () => new PddError(PDD_CODES.signature, '签名验证失败');
export const tokenExpired = (expired: boolean) => new PddError(PDD_CODES.tokenExpired, expired ? 'access_token已过期' : 'access_token不存在');
export const unknownType = (type: string) => new PddError(PDD_CODES.noPermission, '接口不存在或无权限', `type: ${type}`);
export const throttled = () => new PddError(PDD_CODES.throttled, '调用太频繁，请稍后再试');
export const businessError = (why: string) => new PddError(PDD_CODES.invalidParameter, '业务错误', why, 'isv.business-error');

export function pddErrorBody(error: PddError, requestId: string): string {
	return JSON.stringify({
		error_response: { error_code: error.code, error_msg: error.msg, sub_code: error.subCode, sub_msg: error.subMsg, request_id: requestId },
	});
}
