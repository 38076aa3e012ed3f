// The push trigger behind a real HTTP server: each request is handed to webhook() through a context built
// from that request, the way n8n's webhook server does, and the answer goes back over the wire.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { DouyinPushTrigger } from '../../../nodes/Douyin/DouyinPushTrigger.node';
import { douyinPushSign } from '../../../lib/channels/douyin/push';
import vectors from '../../fixtures/vectors/channels.json';

type Vector = { id: string; inputs: Record<string, string>; expected: Record<string, string> };
const PUSH = (vectors as unknown as Vector[]).find((v) => v.id === 'douyin-push-event-sign-derived') as Vector;
const APP_KEY = PUSH.inputs.app_key;
const SECRET = PUSH.inputs.app_secret;
const credentials = { environment: 'custom', customUrl: 'http://127.0.0.1:1', appKey: APP_KEY, appSecret: SECRET, shopId: '1234567', accessToken: 'T' };

let server: http.Server;
let baseUrl: string;
let parameters: IDataObject = {};
const triggered: IDataObject[][] = [];
const staticData: IDataObject = {};

function webhookContext(req: IncomingMessage & { rawBody: Buffer }, res: ServerResponse): IWebhookFunctions {
	const response = {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return response;
		},
	};
	return {
		getRequestObject: () => req,
		getHeaderData: () => req.headers,
		getResponseObject: () => response,
		getNodeParameter: (name: string, fallback?: unknown) => parameters[name] ?? fallback,
		getCredentials: async () => credentials,
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => `${baseUrl}/webhook`,
		logger: { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} },
		helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
	} as unknown as IWebhookFunctions;
}

beforeAll(async () => {
	const node = new DouyinPushTrigger();
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const withBody = Object.assign(req, { rawBody: Buffer.concat(chunks) });
			node.webhook
				.call(webhookContext(withBody, res))
				.then((result: IWebhookResponseData) => {
					if (result.workflowData) triggered.push(result.workflowData[0].map((item) => item.json));
					if (!res.writableEnded) res.end();
				})
				.catch((error: Error) => {
					res.statusCode = 500;
					res.end(error.message);
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => await new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
	parameters = { tags: [] };
	triggered.length = 0;
});

async function push(body: string, headers: Record<string, string>) {
	const res = await fetch(`${baseUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
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
