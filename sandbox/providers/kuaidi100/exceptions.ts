// Kuaidi100 failure bodies: `{result:false, returnCode, message}` with HTTP 200 (logistics.md §1.1, §1.2).
// 400 and the subscription codes are confirmed; the query codes marked [I] are commonly documented only.

export class Kuaidi100Error extends Error {
	constructor(
		readonly returnCode: string,
		message: string,
	) {
		super(message);
	}
}

export const QUERY_ERRORS = {
	/** Incomplete data, wrong customer, not form-urlencoded, no quota. */
	badRequest: (why: string) => new Kuaidi100Error('400', `找不到对应公司或数据不完整：${why}`),
	/** [I] SF and 丰网 check the phone's last four digits. */
	phoneMismatch: () => new Kuaidi100Error('408', '快递公司参数异常：验证码错误'),
	/** [I] No tracking for this number (yet). */
	noResult: () => new Kuaidi100Error('500', '查询无结果，请隔段时间再查'),
	/** [I] Server busy: also what the sandbox answers when throttling. */
	busy: () => new Kuaidi100Error('502', '服务器繁忙，请稍后再试'),
	/** [I] */
	badSign: () => new Kuaidi100Error('503', '验证签名失败'),
	/** [I] */
	keyExpired: () => new Kuaidi100Error('601', 'key已过期或余额不足'),
};

export const SUBSCRIBE_ERRORS = {
	duplicate: () => new Kuaidi100Error('501', '重复订阅'),
	notSubscriber: () => new Kuaidi100Error('600', '您不是合法的订阅者（即授权Key出错）'),
	keyExpired: () => new Kuaidi100Error('601', 'POLL:KEY已过期'),
	badData: (why: string) => new Kuaidi100Error('700', `订阅方的订阅数据存在错误：${why}`),
	unknownCompany: () => new Kuaidi100Error('702', 'POLL:识别不到该单号对应的快递公司'),
	busy: () => new Kuaidi100Error('500', '服务器错误'),
};

export function failureBody(error: Kuaidi100Error): string {
	return JSON.stringify({ result: false, returnCode: error.returnCode, message: error.message });
}

/** The label API's own envelope: `{code, message, time?, data}`. */
export function labelFailureBody(code: number, message: string): string {
	return JSON.stringify({ code, message, data: null });
}
