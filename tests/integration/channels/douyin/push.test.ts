// Douyin message pushes fired by the emulator at the push trigger behind a real HTTP server: a correct push
// starts the workflow with the order id exact; forged, tampered and foreign-app pushes get 401 and start nothing.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { DouyinPushTrigger } from '../../../../nodes/Douyin/DouyinPushTrigger.node';
import { douyinProvider } from '../../../../sandbox/providers/douyin';
import { DOUYIN_DEFAULTS } from '../../../../sandbox/providers/douyin/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { admin, visibleTruth } from './douyinSandbox';

let sandbox: Sandbox;
let server: http.Server;
let hookUrl: string;
const triggered: IDataObject[][] = [];
const credentials = { environment: 'custom', customUrl: 'http://127.0.0.1:1', appKey: DOUYIN_DEFAULTS.app.appKey, appSecret: DOUYIN_DEFAULTS.app.secret, shopId: DOUYIN_DEFAULTS.shop.shopId, accessToken: 'T' };

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 50, seed: 'douyin-push', factories: [douyinProvider] });
	const node = new DouyinPushTrigger();
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const withBody = Object.assign(req, { rawBody: Buffer.concat(chunks) });
			const response = {
				status: (code: number) => ((res.statusCode = code), response),
				json: (body: unknown) => (res.end(JSON.stringify(body)), response),
			};
			const context = {
				getRequestObject: () => withBody,
				getHeaderData: () => req.headers,
				getResponseObject: () => response,
				getNodeParameter: (_name: string, fallback?: unknown) => fallback,
				getCredentials: async () => credentials,
				logger: { warn: () => {} },
				helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
			} as unknown as IWebhookFunctions;
			void node.webhook.call(context).then((result) => {
				if (result.workflowData) triggered.push(result.workflowData[0].map((item) => item.json));
				if (!res.writableEnded) res.end();
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	hookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => server.close(() => resolve()));
	sandbox.close();
});
beforeEach(() => (triggered.length = 0));

test('a correct push is answered with success and starts the workflow once, with the 19-digit order id exact', async () => {
	const order = visibleTruth(sandbox)[0];
	const reply = await admin(sandbox, 'POST', '/douyin/push', { url: hookUrl, tag: '101', orderId: order.channelOrderId });
	expect(reply).toMatchObject({ status: 200, body: '{"code":0,"msg":"success"}' });
	expect(reply.sent.body).toContain(`"p_id\\":${order.channelOrderId}`);
	expect(triggered).toEqual([[expect.objectContaining({ tag: '101', event: 'order_paid', orderId: order.channelOrderId, shopId: DOUYIN_DEFAULTS.shop.shopId })]]);
});

test.each(['signature', 'body', 'appid'])('a push with a flawed %s gets 401 and starts nothing', async (flaw) => {
	const reply = await admin(sandbox, 'POST', '/douyin/push', { url: hookUrl, flaw });
	expect(reply.status).toBe(401);
	expect(triggered).toEqual([]);
});
