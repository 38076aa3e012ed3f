// The push trigger behind a real HTTP server (tests/helpers/webhookServer): requests go over the wire to webhook().
import type { IDataObject } from 'n8n-workflow';
import { DouyinPushTrigger } from '../../../nodes/Douyin/DouyinPushTrigger.node';
import { douyinPushSign } from '../../../lib/channels/douyin/push';
import { webhookServer } from '../../helpers/webhookServer';
import vectors from '../../fixtures/vectors/channels.json';

type Vector = { id: string; inputs: Record<string, string>; expected: Record<string, string> };
const PUSH = (vectors as unknown as Vector[]).find((v) => v.id === 'douyin-push-event-sign-derived') as Vector;
const APP_KEY = PUSH.inputs.app_key;
const SECRET = PUSH.inputs.app_secret;
const credentials = { environment: 'custom', customUrl: 'http://127.0.0.1:1', appKey: APP_KEY, appSecret: SECRET, shopId: '1234567', accessToken: 'T' };

let parameters: IDataObject = {};
const triggered: IDataObject[][] = [];
const staticData: IDataObject = {};

const server = webhookServer(() => new DouyinPushTrigger(), {
	parameters: () => parameters,
	credentials: () => credentials,
	staticData: () => staticData,
	onRun: (outputs) => triggered.push(outputs[0]),
});
beforeEach(() => {
	parameters = { tags: [] };
	triggered.length = 0;
});

async function push(body: string, headers: Record<string, string>) {
	const res = await fetch(server.url(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	return { status: res.status, body: await res.text() };
}
const signed = (body: string) => ({ 'app-id': APP_KEY, 'event-sign': douyinPushSign(APP_KEY, body, SECRET) });

describe('Douyin Shop Push Trigger', () => {
	it('the spec vector body with its event-sign is answered with success and triggers once, ids exact', async () => {
		const reply = await push(PUSH.inputs.body, { 'app-id': APP_KEY, 'event-sign': PUSH.expected.event_sign });
		expect(reply).toEqual({ status: 200, body: '{"code":0,"msg":"success"}' });
		expect(triggered).toEqual([[{ channel: 'douyin', tag: '101', event: 'order_paid', msgId: '7000000000000000001', orderId: '4900000000000000000', shopId: '1234567', data: { p_id: '4900000000000000000', shop_id: 1234567 } }]]);
	});

	it.each([
		['a forged sign', (b: string) => ({ body: b, headers: { 'event-sign': 'f'.repeat(32) } })],
		['a tampered body', (b: string) => ({ body: b.replace('1234567', '7654321'), headers: signed(b) })],
		['no sign at all', (b: string) => ({ body: b, headers: {} as Record<string, string> })],
		['another app', (b: string) => ({ body: b, headers: { ...signed(b), 'app-id': '42' } })],
	])('%s gets 401 and triggers nothing', async (_name, make) => {
		const { body, headers } = make(PUSH.inputs.body);
		const reply = await push(body, headers);
		expect(reply.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('the URL check (tag 0) is answered with success without triggering; unchosen tags are acknowledged only', async () => {
		const ping = '[{"tag":"0","msg_id":"1","data":"{}"}]';
		expect(await push(ping, signed(ping))).toEqual({ status: 200, body: '{"code":0,"msg":"success"}' });
		parameters = { tags: ['106'] };
		expect((await push(PUSH.inputs.body, signed(PUSH.inputs.body))).status).toBe(200);
		expect(triggered).toEqual([]);
		const cancelled = '{"tag":"106","msg_id":"9","data":"{\\"p_id\\":6920000000000000001,\\"shop_id\\":1234567}"}';
		expect((await push(cancelled, signed(cancelled))).status).toBe(200);
		expect(triggered).toEqual([[expect.objectContaining({ tag: '106', event: 'order_cancelled', orderId: '6920000000000000001' })]]);
	});

	it('a signed body that is not JSON gets the failure reply', async () => {
		const reply = await push('not json', signed('not json'));
		expect(reply.status).toBe(400);
		expect(JSON.parse(reply.body)).toEqual({ code: 40041, message: '解析推送数据失败' });
		expect(triggered).toEqual([]);
	});
});
