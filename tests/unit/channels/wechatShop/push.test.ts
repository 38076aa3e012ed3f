import { DEFAULT_PUSH_MAX_AGE_SECONDS, parseMessage, pushEventOf, verifyHandshake, verifyPush } from '../../../../lib/channels/wechatShop/push';
import { encryptPushMessage, msgSignature, urlSignature } from '../../../../lib/channels/wechatShop/sign';

const secrets = { token: 'pamtest', encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', appId: 'wxb11529c136998cb6' };
const nowMs = 1_714_700_000_000;
const timestamp = String(nowMs / 1000);
const nonce = 'n0nce';
const event = { ToUserName: 'gh_1', FromUserName: 'o1', CreateTime: nowMs / 1000, MsgType: 'event', Event: 'channels_ec_order_pay', order_info: { order_id: 3705115058471208928n } };
const eventJson = JSON.stringify(event, (_k, v) => (typeof v === 'bigint' ? (JSON as unknown as { rawJSON(t: string): unknown }).rawJSON(v.toString()) : v));

function signedPush(overrides: { encrypt?: string; timestamp?: string; signatureOf?: string } = {}) {
	const encrypt = overrides.encrypt ?? encryptPushMessage(eventJson, secrets.encodingAesKey, secrets.appId);
	const ts = overrides.timestamp ?? timestamp;
	const query = { timestamp: ts, nonce, encrypt_type: 'aes', msg_signature: msgSignature(secrets.token, ts, nonce, overrides.signatureOf ?? encrypt), signature: urlSignature(secrets.token, ts, nonce) };
	return { query, body: JSON.stringify({ ToUserName: 'gh_1', Encrypt: encrypt }) };
}

describe('WeChat shop push verification', () => {
	it('answers the GET handshake with echostr only when the signature matches', () => {
		const query = { timestamp: '1409304348', nonce: 'xxxxxx', echostr: 'hello', signature: '76480565cbe296026c53aaacd1ad523a1ddba24f' };
		expect(verifyHandshake(query, secrets)).toBe('hello');
		expect(verifyHandshake({ ...query, signature: '0'.repeat(40) }, secrets)).toBeUndefined();
	});

	it('accepts a correct safe-mode push and keeps the 19-digit order id exact', () => {
		const { query, body } = signedPush();
		const verdict = verifyPush(query, body, secrets, { nowMs });
		expect(verdict.ok).toBe(true);
		if (!verdict.ok) return;
		expect(pushEventOf(verdict.message)).toMatchObject({ event: 'channels_ec_order_pay', orderId: '3705115058471208928' });
	});

	it('accepts the XML envelope too', () => {
		const { query } = signedPush();
		const encrypt = encryptPushMessage(eventJson, secrets.encodingAesKey, secrets.appId);
		const q = { ...query, msg_signature: msgSignature(secrets.token, timestamp, nonce, encrypt) };
		const xml = `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
		expect(verifyPush(q, xml, secrets, { nowMs }).ok).toBe(true);
	});

	it('refuses a forged msg_signature', () => {
		const { query, body } = signedPush();
		expect(verifyPush({ ...query, msg_signature: 'f'.repeat(40) }, body, secrets, { nowMs })).toEqual({ ok: false, reason: 'msg_signature does not match' });
	});

	it('refuses a tampered Encrypt body', () => {
		const { query } = signedPush();
		const other = encryptPushMessage('{"Event":"x"}', secrets.encodingAesKey, secrets.appId);
		expect(verifyPush(query, JSON.stringify({ Encrypt: other }), secrets, { nowMs }).ok).toBe(false);
	});

	it('refuses a stale replay outside the window and accepts it when the check is off', () => {
		const old = String(nowMs / 1000 - DEFAULT_PUSH_MAX_AGE_SECONDS - 1);
		const { query, body } = signedPush({ timestamp: old });
		const verdict = verifyPush(query, body, secrets, { nowMs });
		expect(verdict.ok).toBe(false);
		expect(verifyPush(query, body, secrets, { nowMs, maxAgeSeconds: 0 }).ok).toBe(true);
	});

	it('refuses a plain push when safe mode is configured, accepts it when not', () => {
		const query = { timestamp, nonce, signature: urlSignature(secrets.token, timestamp, nonce) };
		expect(verifyPush(query, eventJson, secrets, { nowMs }).ok).toBe(false);
		expect(verifyPush(query, eventJson, { token: secrets.token }, { nowMs }).ok).toBe(true);
	});

	it('parses WeChat flat XML with nested elements', () => {
		expect(parseMessage('<xml><Event><![CDATA[e]]></Event><order_info><order_id>12</order_id></order_info></xml>')).toEqual({
			Event: 'e',
			order_info: { order_id: '12' },
		});
	});

	it('reads after-sale events', () => {
		const msg = { Event: 'channels_ec_aftersale_update', finder_shop_aftersale_status_update: { after_sale_order_id: '9', status: 'MERCHANT_PROCESSING', order_id: '7' } };
		expect(pushEventOf(msg)).toMatchObject({ event: 'channels_ec_aftersale_update', orderId: '7', afterSaleOrderId: '9' });
	});
});
