// Feishu bot answers (notify.md §3): {code, msg, data}; HTTP 200 [I].

export class FeishuError extends Error {
	constructor(
		readonly code: number,
		readonly msg: string,
	) {
		super(`${code} ${msg}`);
	}
}

export const signMatchFail = () => new FeishuError(19021, 'sign match fail or timestamp is not within one hour from current time');
export const frequencyLimited = () => new FeishuError(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]');
// [I] codes below are not confirmed.
export const tokenInvalid = () => new FeishuError(19001, 'param invalid: incoming webhook access token invalid');
export const keyWordsNotFound = () => new FeishuError(19024, 'Key Words Not Found');
export const badRequest = () => new FeishuError(9499, 'Bad Request');

export function feishuBody(error?: FeishuError): string {
	return JSON.stringify(error ? { code: error.code, msg: error.msg, data: {} } : { code: 0, msg: 'success', data: {} });
}
