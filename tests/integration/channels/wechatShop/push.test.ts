// The emulator's push-fire sends real signed, encrypted pushes (and deliberately flawed ones) to the Push
// Trigger served over HTTP; the trigger accepts the good one, fetches the order from the emulator, and
// refuses every flawed one with 401 without starting a workflow.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { WechatShopPushTrigger } from '../../../../nodes/WechatShop/WechatShopPushTrigger.node';
import { wechatProvider } from '../../../../sandbox/providers/wechat';
import { WECHAT_DEFAULTS } from '../../../../sandbox/providers/wechat/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { fetchHttpRequest } from '../../../helpers/n8n';
import { admin, visibleTruth } from './wechatSandbox';

let sandbox: Sandbox;
let receiver: http.Server;
let receiverUrl: string;
const triggered: IDataObject[] = [];
const options: IDataObject = { fetchOrder: true };

function context(req: IncomingMessage & { rawBody: Buffer }, res: ServerResponse): IWebhookFunctions {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const response = {
		status: (code: number) => ((res.statusCode = code), response),
		type: (type: string) => (res.setHeader('content-type', type), response),
		send: (body: string) => (res.end(body), response),
	};
	const credentials = {
		environment: 'custom',
		customUrl: `${sandbox.url}/wechat`,
		appId: WECHAT_DEFAULTS.app.appKey,
		appSecret: WECHAT_DEFAULTS.app.secret,
		shopId: WECHAT_DEFAULTS.shop.shopId,
		pushToken: WECHAT_DEFAULTS.push.token,
		pushAesSecret: WECHAT_DEFAULTS.push.encodingAesKey,
	};
	return {
		getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
		getQueryData: () => Object.fromEntries(url.searchParams),
		getRequestObject: () => req,
		getBodyData: () => ({}),
		getResponseObject: () => response,
		getNodeParameter: (name: string, fallback?: unknown) => ({ events: [], options })[name as 'events' | 'options'] ?? fallback,
		getCredentials: async () => credentials,
		logger: { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} },
		helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })), httpRequest: fetchHttpRequest },
	} as unknown as IWebhookFunctions;
}

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 50, seed: 'wechat-push', factories: [wechatProvider] });
	const node = new WechatShopPushTrigger();
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void node.webhook.call(context(Object.assign(req, { rawBody: Buffer.concat(chunks) }), res)).then((result) => {
				if (result.workflowData) triggered.push(...result.workflowData[0].map((item) => item.json));
			});
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
	await sandbox.close();
});
beforeEach(() => (triggered.length = 0));

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

test('a correct push is answered "success" and yields the event with the order fetched and normalized', async () => {
	const order = visibleTruth(sandbox).find((o) => sandbox.world.truth.snapshot(o).status === 'paid') ?? visibleTruth(sandbox)[0];
	const sent = await admin(sandbox, 'POST', '/wechat/push', { url: receiverUrl, event: 'channels_ec_order_pay', orderId: order.channelOrderId });
	expect([sent.status, sent.body]).toEqual([200, 'success']);
	await settle();
	expect(triggered).toHaveLength(1);
	expect(triggered[0]).toMatchObject({ event: 'channels_ec_order_pay', orderId: order.channelOrderId, order: { channelOrderId: order.channelOrderId, id: order.id } });
});

test('the XML envelope is accepted too', async () => {
	const sent = await admin(sandbox, 'POST', '/wechat/push', { url: receiverUrl, format: 'xml' });
	expect(sent.status).toBe(200);
	await settle();
	expect(triggered).toHaveLength(1);
});

test.each(['signature', 'body', 'stale', 'appid', 'plain'])('a push with a wrong %s is refused with 401 and triggers nothing', async (flaw) => {
	const sent = await admin(sandbox, 'POST', '/wechat/push', { url: receiverUrl, flaw });
	expect(sent.status).toBe(401);
	await settle();
	expect(triggered).toEqual([]);
});
