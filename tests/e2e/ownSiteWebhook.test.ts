// The Own Site Webhook Trigger inside a running n8n: n8n's own webhook server hands the raw body to the node,
// resolves the mapping parameters, answers the site, and runs the workflow with both outputs.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ownSiteSignature } from '../../lib/channels/ownSite/sign';
import { importCredentials, importWorkflow, publishWorkflow } from '../../scripts/n8n/cli';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { loginOwner, ownerRequest, type OwnerSession } from '../../scripts/n8n/rest';
import { startN8n } from '../../scripts/n8n/server';
import { bootInstance, PACKAGE_JSON, SETUP_TIMEOUT_MS, shutdown, STEP_TIMEOUT_MS, timed } from './harness';

const SECRET = 'e2e-own-site-secret-0123456789';
const WORKFLOW_ID = 'e2eOwnSiteHook1';
const WEBHOOK_ID = 'e2e-own-site';
const CREDENTIAL = { id: 'e2eOwnSiteCred01', name: 'E2E own site', type: 'ownSiteWebhookApi', data: { secret: SECRET } };
const envelope = readFileSync(path.resolve(__dirname, '../fixtures/channels/ownSite/envelope-custom-shape.json'), 'utf8').trim();

/** Trigger -> two No Op nodes, so each output's items show in the execution data. */
function workflow(): object {
	const node = (id: number, name: string, type: string, position: [number, number], extra: object = {}) => ({
		id: `0e5a7e00-0000-4000-8000-00000000000${id}`,
		name,
		type,
		typeVersion: 1,
		position,
		parameters: {},
		...extra,
	});
	return {
		id: WORKFLOW_ID,
		name: 'E2E: own site orders pushed to a webhook',
		active: false,
		settings: { executionOrder: 'v1', saveDataSuccessExecution: 'all' },
		nodes: [
			node(1, 'Own site order pushed', `${PACKAGE_JSON.name}.ownSiteWebhookTrigger`, [0, 0], {
				webhookId: WEBHOOK_ID,
				credentials: { ownSiteWebhookApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
				parameters: {
					timestampHeader: 'X-Timestamp',
					ordersPath: 'data.orders',
					mapping: {
						order: { channelOrderId: 'order.no', defaultShopId: 'shop-b', status: 'order.state', createdAt: 'order.placed', updatedAt: 'order.modified', paidAt: 'order.paid', currency: '', buyerMessage: 'note' },
						amounts: { amountUnit: 'fen', totalAmount: 'money.goods', paidAmount: 'money.pay', shippingFee: 'money.freight', discountAmount: 'money.off' },
						people: { buyerId: 'customer.uid', buyerNick: 'customer.name', receiverName: 'shipping.to', receiverPhone: 'customer.phone', receiverProvince: 'shipping.region[0]', receiverCity: 'shipping.region[1]', receiverDistrict: 'shipping.region[2]', receiverAddress: 'shipping.street', receiverPostcode: 'shipping.zip' },
						lines: { linesPath: 'products', lineId: '', lineSkuId: 'sku', lineMerchantCode: 'code', lineTitle: 'name', lineQuantity: 'qty', lineUnitPrice: 'price', linePaidAmount: 'total' },
					},
					statusMap: { values: [{ raw: '2', status: 'paid' }] },
				},
			}),
			node(2, 'Orders', 'n8n-nodes-base.noOp', [220, -100]),
			node(3, 'Unnormalized', 'n8n-nodes-base.noOp', [220, 100]),
		],
		connections: {
			'Own site order pushed': { main: [[{ node: 'Orders', type: 'main', index: 0 }], [{ node: 'Unnormalized', type: 'main', index: 0 }]] },
		},
		pinData: {},
	};
}

interface ExecutionSummary {
	id: string;
	status: string;
}

describe('Own Site Webhook Trigger inside a running n8n', () => {
	let instance: N8nInstance | undefined;
	let session: OwnerSession;

	beforeAll(async () => {
		instance = await bootInstance();
		const booted = instance;
		await timed(booted, 'import', async () => {
			const file = path.join(booted.userFolder, 'own-site-webhook.json');
			writeFileSync(file, JSON.stringify(workflow()));
			await importWorkflow(booted, file);
			await importCredentials(booted, CREDENTIAL);
			await publishWorkflow(booted, WORKFLOW_ID);
		});
		booted.timings['n8n start'] = await startN8n(booted);
		session = await loginOwner(booted);
	}, SETUP_TIMEOUT_MS);

	afterAll(() => shutdown(instance, 'own-site-webhook'), STEP_TIMEOUT_MS);

	const post = async (body: string, headers: Record<string, string>) => {
		const url = `${instance!.baseUrl}/webhook/${WEBHOOK_ID}/webhook`;
		// n8n may still be registering published webhooks just after it reports ready.
		for (let attempt = 0; ; attempt++) {
			const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
			if (response.status !== 404 || attempt === 20) return { status: response.status, text: await response.text() };
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	};
	const executions = async () => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }));
		const page = await ownerRequest<{ results: ExecutionSummary[] }>(instance!, session, 'GET', `/rest/executions?filter=${filter}`);
		return page.results;
	};

	/** The items each node of a saved execution put out (n8n stores run data in the flatted format). */
	const runItems = async (executionId: string) => {
		const execution = await ownerRequest<{ data: string }>(instance!, session, 'GET', `/rest/executions/${executionId}`);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const flatted = require(path.join(instance!.install.home, 'node_modules', 'flatted')) as { parse(text: string): unknown };
		const data = flatted.parse(execution.data) as { resultData: { runData: Record<string, Array<{ data: { main: Array<Array<{ json: Record<string, unknown> }>> } }>> } };
		return (nodeName: string) => (data.resultData.runData[nodeName]?.[0]?.data.main[0] ?? []).map((item) => item.json);
	};

	it('refuses forged, tampered and stale pushes with 401, answers a signed one with its counts, and runs the workflow once', async () => {
		const now = String(Math.floor(Date.now() / 1000));
		const sign = (body: string, timestamp: string, secret = SECRET) => ownSiteSignature(body, secret, { algorithm: 'sha256', encoding: 'hex' }, timestamp);

		const forged = await post(envelope, { 'X-Timestamp': now, 'X-Signature': sign(envelope, now, 'not-the-secret-0123456789') });
		expect(forged.status).toBe(401);
		const tampered = await post(envelope.replace('20850', '10'), { 'X-Timestamp': now, 'X-Signature': sign(envelope, now) });
		expect(tampered.status).toBe(401);
		const stale = String(Number(now) - 3600);
		expect((await post(envelope, { 'X-Timestamp': stale, 'X-Signature': sign(envelope, stale) })).status).toBe(401);

		const accepted = await post(envelope, { 'X-Timestamp': now, 'X-Signature': sign(envelope, now) });
		expect(accepted.status).toBe(200);
		// One order maps; the second has an unknown status, a bad time, a decimal fen amount and no lines.
		expect(JSON.parse(accepted.text)).toEqual({ received: 2, orders: 1, unnormalized: 1 });

		let runs: ExecutionSummary[] = [];
		for (let attempt = 0; attempt < 40 && runs.filter((r) => r.status === 'success').length === 0; attempt++) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			runs = await executions();
		}
		expect(runs.map((r) => r.status)).toEqual(['success']);

		const itemsOf = await runItems(runs[0].id);
		expect(itemsOf('Orders')).toEqual([
			expect.objectContaining({ channel: 'own_site', channelOrderId: 'SO20240501-0001', shopId: 'shop-b', status: 'paid', receiver: expect.objectContaining({ phone: '138****1234' }) }),
		]);
		const unnormalized = itemsOf('Unnormalized');
		expect(unnormalized).toHaveLength(1);
		expect(unnormalized[0]).toMatchObject({ channelOrderId: 'SO20240501-0002' });
		expect((unnormalized[0].problems as Array<{ path: string }>).map((p) => p.path)).toEqual([
			'$.data.orders[1].order.state',
			'$.data.orders[1].order.placed',
			'$.data.orders[1].money.pay',
			'$.data.orders[1].products',
		]);
	}, STEP_TIMEOUT_MS);
});
