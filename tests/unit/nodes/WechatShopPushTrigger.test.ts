// The push trigger behind a real HTTP server (tests/helpers/webhookServer): requests go over the wire to webhook().
import type { IDataObject } from 'n8n-workflow';
import { WechatShopPushTrigger } from '../../../nodes/WechatShop/WechatShopPushTrigger.node';
import { encryptPushMessage, msgSignature, urlSignature } from '../../../lib/channels/wechatShop/sign';
import { webhookServer } from '../../helpers/webhookServer';

const TOKEN = 'pamtest';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const APP_ID = 'wxb11529c136998cb6';
const credentials = { appId: APP_ID, appSecret: 's', environment: 'custom', customUrl: 'http://127.0.0.1:1', pushToken: TOKEN, pushAesSecret: AES_KEY };

let parameters: IDataObject = {};
const triggered: IDataObject[][] = [];
const staticData: IDataObject = {};

const server = webhookServer(() => new WechatShopPushTrigger(), {
	parameters: () => parameters,
	credentials: () => credentials,
	staticData: () => staticData,
	onRun: (outputs) => triggered.push(outputs[0]),
});
beforeEach(() => {
	parameters = { events: [], options: {} };
	triggered.length = 0;
});

const nowSeconds = () => String(Math.floor(Date.now() / 1000));
const orderPay = (orderId = '3705115058471208928') =>
	`{"ToUserName":"gh_1","FromUserName":"o1","CreateTime":${nowSeconds()},"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":${orderId},"pay_time":${nowSeconds()}}}`;

function signedPost(message: string, overrides: { timestamp?: string; encrypt?: string; msgSignature?: string } = {}) {
	const timestamp = overrides.timestamp ?? nowSeconds();
	const nonce = 'abc123';
	const encrypt = overrides.encrypt ?? encryptPushMessage(message, AES_KEY, APP_ID);
	const signature = overrides.msgSignature ?? msgSignature(TOKEN, timestamp, nonce, encrypt);
	const qs = new URLSearchParams({ timestamp, nonce, encrypt_type: 'aes', msg_signature: signature, signature: urlSignature(TOKEN, timestamp, nonce) });
	return fetch(`${server.url()}?${qs}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ToUserName: 'gh_1', Encrypt: encrypt }) });
}

describe('WeChat Shop Push Trigger over HTTP', () => {
	it('answers the GET verification with echostr, and 401 for a wrong signature', async () => {
		const timestamp = nowSeconds();
		const ok = new URLSearchParams({ timestamp, nonce: 'n', echostr: '1234567890', signature: urlSignature(TOKEN, timestamp, 'n') });
		const good = await fetch(`${server.url()}?${ok}`);
		expect([good.status, await good.text()]).toEqual([200, '1234567890']);
		ok.set('signature', '0'.repeat(40));
		const bad = await fetch(`${server.url()}?${ok}`);
		expect(bad.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('decrypts a signed push, answers "success" and outputs the event with the exact order id', async () => {
		const res = await signedPost(orderPay());
		expect([res.status, await res.text()]).toEqual([200, 'success']);
		expect(triggered).toHaveLength(1);
		expect(triggered[0][0]).toMatchObject({ event: 'channels_ec_order_pay', orderId: '3705115058471208928' });
	});

	it('refuses a forged msg_signature with 401 and triggers nothing', async () => {
		const res = await signedPost(orderPay(), { msgSignature: 'f'.repeat(40) });
		expect(res.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a tampered body (Encrypt swapped, signature of the original) with 401', async () => {
		const original = encryptPushMessage(orderPay(), AES_KEY, APP_ID);
		const timestamp = nowSeconds();
		const forged = encryptPushMessage(orderPay('1'), AES_KEY, APP_ID);
		const res = await signedPost('', { timestamp, encrypt: forged, msgSignature: msgSignature(TOKEN, timestamp, 'abc123', original) });
		expect(res.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a correctly signed but stale replay with 401; a wider window accepts it', async () => {
		const old = String(Math.floor(Date.now() / 1000) - 3600);
		const res = await signedPost(orderPay(), { timestamp: old });
		expect(res.status).toBe(401);
		expect(triggered).toEqual([]);
		parameters.options = { maxAgeSeconds: 7200 };
		expect((await signedPost(orderPay(), { timestamp: old })).status).toBe(200);
		expect(triggered).toHaveLength(1);
	});

	it('answers "success" without triggering for events not selected', async () => {
		parameters.events = ['channels_ec_order_cancel'];
		const res = await signedPost(orderPay());
		expect([res.status, await res.text()]).toEqual([200, 'success']);
		expect(triggered).toEqual([]);
	});

	it('records the push URL on create and forgets it on delete (the console holds the registration)', async () => {
		const hooks = new WechatShopPushTrigger().webhookMethods.default;
		const ctx = server.hookContext();
		expect(await hooks.checkExists.call(ctx)).toBe(false);
		expect(await hooks.create.call(ctx)).toBe(true);
		expect(await hooks.checkExists.call(ctx)).toBe(true);
		expect(await hooks.delete.call(ctx)).toBe(true);
		expect(await hooks.checkExists.call(ctx)).toBe(false);
	});
});
