// DingTalk robot answers (notify.md §1): always HTTP 200, {errcode, errmsg}.

export class DingTalkError extends Error {
	constructor(
		readonly errcode: number,
		readonly errmsg: string,
	) {
		super(`${errcode} ${errmsg}`);
	}
}

export const tokenNotExist = () => new DingTalkError(300001, 'token is not exist');
export const signNotMatch = () => new DingTalkError(310000, 'sign not match');
export const invalidTimestamp = () => new DingTalkError(310000, 'invalid timestamp');
export const keywordsNotInContent = () => new DingTalkError(310000, 'keywords not in content');
export const sendTooFast = () => new DingTalkError(130101, 'send too fast, exceed 20 times per minute');
// [I] codes for malformed messages; the public lists disagree.
export const missingParameter = (name: string) => new DingTalkError(40035, `缺少参数 ${name}`);
export const unsupportedMsgType = () => new DingTalkError(400105, '不支持的消息类型');

export function dingtalkBody(error?: DingTalkError): string {
	return JSON.stringify(error ? { errcode: error.errcode, errmsg: error.errmsg } : { errcode: 0, errmsg: 'ok' });
}
