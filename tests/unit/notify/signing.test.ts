// Signing vectors (ids as in the API notes' vector table) and the property that any one-character change
// of an input changes the signature.
import { dingtalkSign, dingtalkUrl } from '../../../lib/notify/dingtalk';
import { feishuRequest, feishuSign } from '../../../lib/notify/feishu';

const DINGTALK_VECTOR = {
	id: 'dingtalk-robot-sign-derived',
	timestamp: '1700000000000',
	secret: 'SECtest0000000000000000000000000000000000000000000000000000000000',
	signBase64: 'szPcgtoCabDjIT69N8i2Omun8ktW8akfg42aQqadSCU=',
	signUrlEncoded: 'szPcgtoCabDjIT69N8i2Omun8ktW8akfg42aQqadSCU%3D',
};

const FEISHU_VECTOR = {
	id: 'feishu-bot-sign-derived',
	timestamp: '1700000000',
	secret: 'testsecret',
	sign: 'AOc8oJ7//5OlQlfWC3nRL0R+IkuzcD1FKcAyibRK9Q8=',
	wrongDingTalkStyle: 'QtI24SK3/m8+lKf0d89/bclcePXhBxolugiWin8Kl3c=',
};

/** Every variant of `value` with one character replaced, one added and one removed. */
function oneCharChanges(value: string): string[] {
	const flip = (char: string) => (char === 'a' ? 'b' : 'a');
	const variants = new Set<string>();
	for (let i = 0; i < value.length; i++) {
		variants.add(value.slice(0, i) + flip(value[i]) + value.slice(i + 1));
		variants.add(value.slice(0, i) + value.slice(i + 1));
	}
	variants.add(`${value}0`);
	variants.delete(value);
	return [...variants];
}

describe('DingTalk 加签', () => {
	it(`matches vector ${DINGTALK_VECTOR.id}`, () => {
		const sign = dingtalkSign(DINGTALK_VECTOR.timestamp, DINGTALK_VECTOR.secret);
		expect(sign).toBe(DINGTALK_VECTOR.signBase64);
		expect(encodeURIComponent(sign)).toBe(DINGTALK_VECTOR.signUrlEncoded);
	});

	it('puts timestamp and the once-encoded sign in the query', () => {
		const url = dingtalkUrl(
			'abc123',
			{ baseUrl: 'https://oapi.dingtalk.com', secret: DINGTALK_VECTOR.secret },
			Number(DINGTALK_VECTOR.timestamp),
		);
		expect(url).toBe(
			`https://oapi.dingtalk.com/robot/send?access_token=abc123&timestamp=1700000000000&sign=${DINGTALK_VECTOR.signUrlEncoded}`,
		);
	});

	it('adds no timestamp or sign when the robot does not sign', () => {
		expect(dingtalkUrl('abc123', { baseUrl: 'http://127.0.0.1:18080/dingtalk' }, 1)).toBe(
			'http://127.0.0.1:18080/dingtalk/robot/send?access_token=abc123',
		);
	});

	it('changes when any one character of the timestamp or secret changes', () => {
		const variants = [
			...oneCharChanges(DINGTALK_VECTOR.timestamp).map((ts) => dingtalkSign(ts, DINGTALK_VECTOR.secret)),
			...oneCharChanges(DINGTALK_VECTOR.secret).map((secret) => dingtalkSign(DINGTALK_VECTOR.timestamp, secret)),
		];
		expect(variants.length).toBeGreaterThan(50);
		for (const sign of variants) expect(sign).not.toBe(DINGTALK_VECTOR.signBase64);
	});
});

describe('Feishu signature', () => {
	it(`matches vector ${FEISHU_VECTOR.id} and is not DingTalk's algorithm`, () => {
		expect(feishuSign(FEISHU_VECTOR.timestamp, FEISHU_VECTOR.secret)).toBe(FEISHU_VECTOR.sign);
		expect(dingtalkSign(FEISHU_VECTOR.timestamp, FEISHU_VECTOR.secret)).toBe(FEISHU_VECTOR.wrongDingTalkStyle);
	});

	it('puts the timestamp in seconds and the sign in the body, not the URL', () => {
		const { url, body } = feishuRequest(
			{ msg_type: 'text', content: { text: 'hi' } },
			'hook-1',
			{ baseUrl: 'https://open.feishu.cn', secret: FEISHU_VECTOR.secret },
			Number(FEISHU_VECTOR.timestamp) * 1000 + 999,
		);
		expect(url).toBe('https://open.feishu.cn/open-apis/bot/v2/hook/hook-1');
		expect(body).toEqual({
			timestamp: FEISHU_VECTOR.timestamp,
			sign: FEISHU_VECTOR.sign,
			msg_type: 'text',
			content: { text: 'hi' },
		});
	});

	it('changes when any one character of the timestamp or secret changes', () => {
		const variants = [
			...oneCharChanges(FEISHU_VECTOR.timestamp).map((ts) => feishuSign(ts, FEISHU_VECTOR.secret)),
			...oneCharChanges(FEISHU_VECTOR.secret).map((secret) => feishuSign(FEISHU_VECTOR.timestamp, secret)),
		];
		expect(variants.length).toBeGreaterThan(20);
		for (const sign of variants) expect(sign).not.toBe(FEISHU_VECTOR.sign);
	});
});
