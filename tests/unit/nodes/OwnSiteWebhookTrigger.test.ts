// The own-site trigger behind a real HTTP server (tests/helpers/webhookServer): requests go over the wire to webhook().
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { INodeProperties, INodePropertyCollection, ICredentialsDecrypted, ICredentialTestFunctions, IDataObject, IHookFunctions } from 'n8n-workflow';
import { DEFAULT_MAPPING, PATH_FIELDS } from '../../../lib/channels/ownSite/mapping';
import { ownSiteSignature, type SignatureScheme } from '../../../lib/channels/ownSite/sign';
import { orderId } from '../../../lib/model';
import { OwnSiteWebhookTrigger } from '../../../nodes/OwnSiteWebhookTrigger/OwnSiteWebhookTrigger.node';
import { webhookServer } from '../../helpers/webhookServer';

const SECRET = 'whsec_test_0123456789abcdef';
const fixture = (name: string) => readFileSync(path.resolve(__dirname, '../../fixtures/channels/ownSite', name), 'utf8').trim();
const orderBody = fixture('order-default-shape.json');
const envelopeBody = fixture('envelope-custom-shape.json');
const SHA256_HEX: SignatureScheme = { algorithm: 'sha256', encoding: 'hex' };

let parameters: IDataObject = {};
let credentials: IDataObject = { secret: SECRET };
/** Each run's two outputs: [orders, unnormalized]. */
const triggered: IDataObject[][][] = [];

const server = webhookServer(() => new OwnSiteWebhookTrigger(), {
	parameters: () => parameters,
	credentials: () => credentials,
	body: () => ({}),
	onRun: (outputs) => triggered.push(outputs),
	// Like n8n's onReceived default, so a node that forgets to answer is caught.
	unanswered: (result) => (result.noWebhookResponse ? '' : 'firstEntryJson'),
});
beforeEach(() => {
	credentials = { secret: SECRET };
	parameters = {
		signatureHeader: 'X-Signature',
		algorithm: 'sha256',
		encoding: 'hex',
		signaturePrefix: '',
		timestampHeader: '',
		timestampTolerance: 300,
		ordersPath: '',
		mapping: { order: { defaultShopId: 'tea.example.com' } },
		statusMap: {},
		output: 'normalized',
		options: {},
	};
	triggered.length = 0;
});

async function push(body: string, headers: Record<string, string>) {
	const res = await fetch(server.url(), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	const text = await res.text();
	return { status: res.status, text };
}
const signed = (body: string, scheme: SignatureScheme = SHA256_HEX, timestamp?: string) => ownSiteSignature(body, SECRET, scheme, timestamp);

describe('Own Site Webhook Trigger over HTTP', () => {
	it('emits a signed order on "Orders", ids exact and receiver masked, and answers with counts', async () => {
		const answer = await push(orderBody, { 'X-Signature': signed(orderBody) });
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toEqual({ received: 1, orders: 1, unnormalized: 0 });
		expect(triggered).toHaveLength(1);
		const [orders, unnormalized] = triggered[0];
		expect(unnormalized).toEqual([]);
		expect(orders).toHaveLength(1);
		expect(orders[0]).toMatchObject({
			id: orderId('own_site', 'tea.example.com', '9007199254740993123'),
			channel: 'own_site',
			channelOrderId: '9007199254740993123',
			status: 'paid',
			totals: { paid: 20850, goods: 21800, shippingFee: 1000, discount: 1950 },
			receiver: { phone: '138****1234', province: '浙江省' },
			_push: { path: '$' },
		});
		expect((orders[0].receiver as IDataObject).address).not.toBe('文三路 90 号 3 幢 501');
		expect((orders[0].lines as IDataObject[])[0]).toMatchObject({ lineId: '9007199254740993001', channelSkuId: '9007199254740993555' });
		expect(orders[0].raw).toBeUndefined();
	});

	it('shows the full receiver when asked', async () => {
		parameters.options = { unmaskedReceiver: true };
		await push(orderBody, { 'X-Signature': signed(orderBody) });
		expect(triggered[0][0][0].receiver).toMatchObject({ phone: '13812341234', address: '文三路 90 号 3 幢 501' });
	});

	it('splits an envelope by the UI mapping: mappable orders on "Orders", the rest on "Unnormalized" with every problem', async () => {
		parameters.ordersPath = 'data.orders';
		parameters.mapping = {
			order: { channelOrderId: 'order.no', defaultShopId: 'shop-b', status: 'order.state', createdAt: 'order.placed', updatedAt: 'order.modified', paidAt: 'order.paid', currency: '', buyerMessage: 'note' },
			amounts: { amountUnit: 'fen', totalAmount: 'money.goods', paidAmount: 'money.pay', shippingFee: 'money.freight', discountAmount: 'money.off' },
			people: { buyerId: 'customer.uid', buyerNick: 'customer.name', receiverName: 'shipping.to', receiverPhone: 'customer.phone', receiverProvince: 'shipping.region[0]', receiverCity: 'shipping.region[1]', receiverDistrict: 'shipping.region[2]', receiverAddress: 'shipping.street', receiverPostcode: 'shipping.zip' },
			lines: { linesPath: 'products', lineId: '', lineSkuId: 'sku', lineMerchantCode: 'code', lineTitle: 'name', lineQuantity: 'qty', lineUnitPrice: 'price', linePaidAmount: 'total' },
		};
		parameters.statusMap = { values: [{ raw: '2', status: 'paid' }, { raw: '4', status: 'shipped' }] };
		const answer = await push(envelopeBody, { 'X-Signature': signed(envelopeBody) });
		expect(JSON.parse(answer.text)).toEqual({ received: 2, orders: 1, unnormalized: 1 });
		const [orders, unnormalized] = triggered[0];
		expect(orders).toEqual([expect.objectContaining({ channelOrderId: 'SO20240501-0001', shopId: 'shop-b', status: 'paid', totals: { goods: 21800, paid: 20850, shippingFee: 1000, discount: 1950 } })]);
		expect(unnormalized).toHaveLength(1);
		expect(unnormalized[0]).toMatchObject({ channel: 'own_site', channelOrderId: 'SO20240501-0002', raw: { order: { no: 'SO20240501-0002' } }, _push: { path: '$.data.orders[1]' } });
		expect((unnormalized[0].problems as IDataObject[]).map((p) => p.path)).toEqual([
			'$.data.orders[1].order.state',
			'$.data.orders[1].order.placed',
			'$.data.orders[1].money.pay',
			'$.data.orders[1].products',
		]);
		expect(unnormalized[0].summary).toContain('unknown status "9"');
	});

	it('takes an array of orders', async () => {
		const body = `[${orderBody},${orderBody.replace('9007199254740993123', '9007199254740993124')}]`;
		await push(body, { 'X-Signature': signed(body) });
		expect(triggered[0][0].map((o) => [o.channelOrderId, (o._push as IDataObject).path])).toEqual([
			['9007199254740993123', '$[0]'],
			['9007199254740993124', '$[1]'],
		]);
	});

	it('refuses a forged signature with 401 and emits nothing', async () => {
		const answer = await push(orderBody, { 'X-Signature': ownSiteSignature(orderBody, 'another-secret-0123456', SHA256_HEX) });
		expect(answer).toEqual({ status: 401, text: 'invalid signature' });
		expect(triggered).toEqual([]);
	});

	it('refuses a tampered body (signature of the original) with 401 and emits nothing', async () => {
		const signature = signed(orderBody);
		const answer = await push(orderBody.replace('"208.50"', '"1.00"'), { 'X-Signature': signature });
		expect(answer.status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses a push without a signature, or with it in another header', async () => {
		expect((await push(orderBody, {})).status).toBe(401);
		expect((await push(orderBody, { 'X-Hub-Signature': signed(orderBody) })).status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('refuses everything while the credential has no secret', async () => {
		credentials = { secret: '' };
		expect((await push(orderBody, { 'X-Signature': ownSiteSignature(orderBody, '', SHA256_HEX) })).status).toBe(401);
		expect(triggered).toEqual([]);
	});

	it('follows the configured header, algorithm, encoding and prefix', async () => {
		Object.assign(parameters, { signatureHeader: 'X-Shop-Hmac', algorithm: 'sha512', encoding: 'base64', signaturePrefix: 'sha512=' });
		const scheme: SignatureScheme = { algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=' };
		expect((await push(orderBody, { 'X-Shop-Hmac': signed(orderBody, scheme) })).status).toBe(200);
		expect((await push(orderBody, { 'X-Shop-Hmac': signed(orderBody, { ...scheme, prefix: '' }) })).status).toBe(401);
		expect((await push(orderBody, { 'X-Shop-Hmac': signed(orderBody, { ...scheme, encoding: 'hex' }) })).status).toBe(401);
		expect(triggered).toHaveLength(1);
	});

	describe('with a timestamp header', () => {
		beforeEach(() => {
			Object.assign(parameters, { timestampHeader: 'X-Timestamp', timestampTolerance: 300 });
		});
		const nowSeconds = () => String(Math.floor(Date.now() / 1000));

		it('accepts a fresh push signed over "<timestamp>.<body>"', async () => {
			const timestamp = nowSeconds();
			const answer = await push(orderBody, { 'X-Timestamp': timestamp, 'X-Signature': signed(orderBody, SHA256_HEX, timestamp) });
			expect(answer.status).toBe(200);
			expect(triggered[0][0]).toHaveLength(1);
		});

		it('refuses a stale push (a replay), correctly signed, with 401 and emits nothing', async () => {
			const stale = String(Math.floor(Date.now() / 1000) - 3600);
			const answer = await push(orderBody, { 'X-Timestamp': stale, 'X-Signature': signed(orderBody, SHA256_HEX, stale) });
			expect(answer.status).toBe(401);
			expect(triggered).toEqual([]);
		});

		it('refuses a push without the timestamp, or signed over the body alone', async () => {
			expect((await push(orderBody, { 'X-Signature': signed(orderBody, SHA256_HEX, nowSeconds()) })).status).toBe(401);
			expect((await push(orderBody, { 'X-Timestamp': nowSeconds(), 'X-Signature': signed(orderBody) })).status).toBe(401);
			expect(triggered).toEqual([]);
		});
	});

	it('keeps a signed body that is not JSON on "Unnormalized"', async () => {
		const body = '{"id": 1, "status": ';
		const answer = await push(body, { 'X-Signature': signed(body) });
		expect(JSON.parse(answer.text)).toEqual({ received: 1, orders: 0, unnormalized: 1 });
		expect(triggered[0][0]).toEqual([]);
		expect(triggered[0][1]).toEqual([expect.objectContaining({ channel: 'own_site', raw: body, summary: expect.stringContaining('not JSON') })]);
	});

	it('keeps the whole push on "Unnormalized" when the mapping itself is wrong', async () => {
		parameters.mapping = { order: { defaultShopId: 'tea.example.com', createdAt: 'created..at' } };
		await push(orderBody, { 'X-Signature': signed(orderBody) });
		expect(triggered[0][0]).toEqual([]);
		expect(triggered[0][1]).toEqual([expect.objectContaining({ problems: [expect.objectContaining({ path: 'mapping.createdAt' })], raw: orderBody })]);
	});

	it('keeps a push without orders at the orders path on "Unnormalized"', async () => {
		parameters.ordersPath = 'data.orders';
		await push(orderBody, { 'X-Signature': signed(orderBody) });
		expect(triggered[0][1]).toEqual([expect.objectContaining({ summary: expect.stringContaining('$.data.orders') })]);
	});

	it('answers an empty list without starting the workflow', async () => {
		const answer = await push('[]', { 'X-Signature': signed('[]') });
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.text)).toEqual({ received: 0, orders: 0, unnormalized: 0 });
		expect(triggered).toEqual([]);
	});

	it('emits the raw order when asked', async () => {
		parameters.output = 'raw';
		await push(orderBody, { 'X-Signature': signed(orderBody) });
		expect(triggered[0][0][0]).toMatchObject({ id: '9007199254740993123', paid_amount: '208.50' });
	});
});

describe('Own Site Webhook Trigger lifecycle and credential', () => {
	it('records the push URL on activation and forgets it on deactivation', async () => {
		const node = new OwnSiteWebhookTrigger();
		const state: IDataObject = {};
		const hook = { getNodeWebhookUrl: () => 'https://n8n.example.com/webhook/abc/webhook', getWorkflowStaticData: () => state } as unknown as IHookFunctions;
		expect(await node.webhookMethods.default.checkExists.call(hook)).toBe(false);
		expect(await node.webhookMethods.default.create.call(hook)).toBe(true);
		expect(await node.webhookMethods.default.checkExists.call(hook)).toBe(true);
		expect(await node.webhookMethods.default.delete.call(hook)).toBe(true);
		expect(state).toEqual({});
	});

	it('tests the credential: empty and short secrets fail', async () => {
		const test = new OwnSiteWebhookTrigger().methods.credentialTest.ownSiteWebhookApiTest;
		const run = (secret: string) => test.call({} as ICredentialTestFunctions, { data: { secret } } as unknown as ICredentialsDecrypted);
		expect((await run('')).status).toBe('Error');
		expect((await run('short')).status).toBe('Error');
		expect(await run(SECRET)).toEqual({ status: 'OK', message: 'The signing secret is set' });
	});
});

describe('Own Site Webhook Trigger settings', () => {
	const properties = new OwnSiteWebhookTrigger().description.properties;
	const mapping = properties.find((p) => p.name === 'mapping') as INodeProperties;
	const fields = (mapping.options as INodePropertyCollection[]).flatMap((group) => group.values);

	it('offers every mapping field in the UI, each with the library default', () => {
		const shown = [properties.find((p) => p.name === 'ordersPath') as INodeProperties, ...fields];
		expect(shown.map((p) => p.name).sort()).toEqual(Object.keys(DEFAULT_MAPPING).filter((key) => key !== 'statusMap').sort());
		for (const field of shown) expect([field.name, field.default]).toEqual([field.name, DEFAULT_MAPPING[field.name as keyof typeof DEFAULT_MAPPING]]);
		for (const name of PATH_FIELDS) expect(shown.find((p) => p.name === name)?.type).toBe('string');
	});

	it('has two outputs, Orders and Unnormalized', () => {
		expect(new OwnSiteWebhookTrigger().description.outputNames).toEqual(['Orders', 'Unnormalized']);
	});
});
