// WeCom robot answers (notify.md §2): always HTTP 200, {errcode, errmsg}; errors carry a hint and a link.

export class WeComError extends Error {
	constructor(
		readonly errcode: number,
		readonly errmsg: string,
	) {
		super(`${errcode} ${errmsg}`);
	}
}

export const invalidWebhookUrl = () => new WeComError(93000, 'invalid webhook url');
export const freqOutOfLimit = () => new WeComError(45009, 'api freq out of limit');
export const contentTooLong = (field: string, max: number) =>
	new WeComError(40058, `${field}.content exceed max length ${max}. invalid Request Parameter`);
// [I] commonly listed code for a missing or unknown msgtype.
export const invalidMessageType = () => new WeComError(40008, 'invalid message type');

/** The errmsg tail WeCom adds: a request hint, the caller's IP and where to look the code up. */
export function wecomBody(error: WeComError | undefined, hint: string, ip: string): string {
	if (!error) return JSON.stringify({ errcode: 0, errmsg: 'ok' });
	const errmsg = `${error.errmsg}, hint: [${hint}], from ip: ${ip}, more info at https://open.work.weixin.qq.com/devtool/query?e=${error.errcode}`;
	return JSON.stringify({ errcode: error.errcode, errmsg });
}
