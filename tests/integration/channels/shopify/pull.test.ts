// 2,000 seeded orders pulled through the pack's Shopify client from the in-process emulator: every order
// once, field by field equal to the truth as Shopify shows it, in list pages only (250 per call); a quiet
// re-poll costs one list call; JPY and KWD shops keep their own minor units; webhooks arrive signed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { ThrottledError, fetchHttpClient } from '../../../../lib/http';
import { createShopifyClient, type ShopifyOrder } from '../../../../lib/channels/shopify/client';
import { normalizeShopifyOrder } from '../../../../lib/channels/shopify/normalize';
import { shopifyCredentialsFrom, verifyShopifyWebhook } from '../../../../lib/channels/shopify/sign';
import { isoFromMillis, type OrderStatus, type UnifiedOrder } from '../../../../lib/model';
import { shopifyProvider } from '../../../../sandbox/providers/shopify';
import { SHOPIFY, SHOPIFY_SHOPS, type ShopifyShop } from '../../../../sandbox/providers/shopify/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import type { TruthSnapshot } from '../../../../sandbox/truth/types';

const ORDERS = 2_000;
const DAY_MS = 86_400_000;
const [CNY, JPY, KWD] = SHOPIFY_SHOPS;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'shopify-pull', factories: [shopifyProvider] });
});
afterAll(() => sandbox.close());

function client(shop: ShopifyShop, retry = { maxAttempts: 3 }) {
	const credentials = shopifyCredentialsFrom({ environment: 'custom', customUrl: `${sandbox.url}/shopify`, shopDomain: shop.domain, accessToken: shop.token, apiSecret: shop.apiSecret });
	return createShopifyClient({ credentials, http: fetchHttpClient(), retry });
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(ms, 480));
const SHOPIFY_VISIBLE: Record<OrderStatus, OrderStatus> = {
	pending_payment: 'pending_payment',
	paid: 'paid',
	on_hold: 'paid',
	approved: 'paid',
	allocated: 'paid',
	partially_shipped: 'partially_shipped',
	shipped: 'shipped',
	delivered: 'shipped',
	completed: 'completed',
	cancelled: 'cancelled',
};

/** The unified order the truth should come back as, through what Shopify can express. */
function expected(snap: TruthSnapshot): Partial<UnifiedOrder> {
	const { order } = snap;
	const refundedLines = new Set(snap.refunds.filter((r) => r.phase === 'succeeded').map((r) => r.lineId));
	const r = order.receiver;
	return {
		channel: 'shopify',
		shopId: order.shopId,
		channelOrderId: order.channelOrderId,
		id: order.id,
		currency: order.currency,
		status: SHOPIFY_VISIBLE[snap.status],
		totals: { goods: order.totals.goods, discount: order.totals.discount, shippingFee: order.totals.shippingFee, paid: order.totals.paid, ...(refundedLines.size > 0 ? { refunded: snap.refunds.filter((x) => x.phase === 'succeeded').reduce((s, x) => s + x.amount, 0) } : {}) },
		createdAt: iso(order.createdAt),
		updatedAt: iso(snap.updatedAt),
		lines: order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount, paidAmount: l.unitPrice * l.quantity - l.discount, refundState: refundedLines.has(l.lineId) ? 'refunded' : 'none' })) as UnifiedOrder['lines'],
		receiver: Object.fromEntries(Object.entries({ name: r.name, phone: r.phone, province: r.province, city: r.city, district: r.country === '中国' || !r.country ? r.district : undefined, address: r.address, postcode: r.postcode, country: r.country ?? 'CN', masked: false }).filter(([, v]) => v !== undefined)) as unknown as UnifiedOrder['receiver'],
		buyer: { id: order.buyer.id, nick: order.buyer.nick ?? `${order.buyer.id}@example.com` },
	};
}

function compare(orders: ShopifyOrder[], shop: ShopifyShop) {
	const truth = sandbox.world.truth.visibleSnapshots(SHOPIFY, shop.domain);
	const ids = orders.map((o) => String(o.id));
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.slice().sort()).toEqual(truth.map((s) => s.order.channelOrderId).sort());
	const byId = new Map(orders.map((o) => [String(o.id), o]));
	const mismatches = [];
	for (const snap of truth) {
		const result = normalizeShopifyOrder(byId.get(snap.order.channelOrderId), { shopId: shop.domain });
		if (!result.ok) {
			mismatches.push({ id: snap.order.channelOrderId, problems: result.problems });
			continue;
		}
		const want = expected(snap);
		const actual = result.order as unknown as Record<string, unknown>;
		const got = { ...actual, lines: result.order.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount, paidAmount: l.paidAmount, refundState: l.refundState })) } as Record<string, unknown>;
		const differing = Object.keys(want).filter((k) => !isDeepStrictEqual(got[k], (want as Record<string, unknown>)[k]));
		if (differing.length) mismatches.push({ id: snap.order.channelOrderId, differing, got: differing.map((k) => got[k]), want: differing.map((k) => (want as Record<string, unknown>)[k]) });
	}
	expect(mismatches.slice(0, 3)).toEqual([]);
	return truth;
}

describe('Shopify pull against the emulator', () => {
	it('pulls 2,000 orders by change time, equal to the truth, in the minimum number of list calls; an idle re-poll is one call', async () => {
		const c = client(CNY);
		const now = sandbox.world.clock.now();
		const orders: ShopifyOrder[] = [];
		for await (const order of c.listOrders({ by: 'modified', from: isoFromMillis(now - 40 * DAY_MS, 480), to: isoFromMillis(now + 1000, 480) })) orders.push(order);
		const truth = compare(orders, CNY);
		expect(truth.length).toBe(ORDERS);
		const minimum = Math.ceil(truth.length / 250);
		console.log(JSON.stringify({ shopifyPull: { orders: orders.length, calls: c.stats.requests, minimum } }));
		expect(c.stats.requests).toBeLessThanOrEqual(Math.ceil(minimum * 1.05));

		const watermark = Math.max(...truth.map((s) => s.updatedAt));
		c.resetStats();
		const again: ShopifyOrder[] = [];
		for await (const order of c.listOrders({ by: 'modified', from: isoFromMillis(watermark + 1000, 480) })) again.push(order);
		expect(again).toEqual([]);
		expect(c.stats.requests).toBe(1);
	}, 300_000);

	it.each([
		['JPY', JPY],
		['KWD', KWD],
	])('keeps %s amounts in their own minor unit', async (_currency, shop) => {
		const orders: ShopifyOrder[] = [];
		const now = sandbox.world.clock.now();
		for await (const order of client(shop).listOrders({ by: 'created', from: isoFromMillis(now - 40 * DAY_MS, 480) })) orders.push(order);
		expect(orders.length).toBeGreaterThan(0);
		compare(orders, shop);
		expect(orders[0].currency).toBe(shop.currency);
	}, 120_000);

	it('answers 429 with Retry-After when the shop bucket is full, and 401 for a wrong token', async () => {
		sandbox.world.limits.set({ provider: SHOPIFY, calls: 1, windowMs: 1000 });
		try {
			const c = client(CNY, { maxAttempts: 1 });
			await c.testConnection();
			const err = await c.testConnection().catch((e: unknown) => e);
			expect(err).toBeInstanceOf(ThrottledError);
			expect((err as ThrottledError).retryAfterMs).toBeGreaterThan(0);
		} finally {
			sandbox.world.limits.clear(SHOPIFY);
		}
		const wrong = createShopifyClient({ credentials: shopifyCredentialsFrom({ environment: 'custom', customUrl: `${sandbox.url}/shopify`, shopDomain: CNY.domain, accessToken: 'shpat_wrong' }), http: fetchHttpClient() });
		await expect(wrong.testConnection()).rejects.toThrow(/401/);
	});

	it('ships with tracking and sets stock; the emulator records both', async () => {
		const c = client(CNY);
		const open = sandbox.world.truth.visibleSnapshots(SHOPIFY, CNY.domain).find((s) => s.status === 'paid' && s.shipments.length === 0);
		expect(open).toBeDefined();
		await c.ship({ orderId: open!.order.channelOrderId, trackingNo: 'SF7000000001', company: 'SF Express' });
		expect(normalizeShopifyOrder(await c.getOrder(open!.order.channelOrderId), { shopId: CNY.domain })).toMatchObject({ ok: true, order: { status: 'shipped', logistics: { carrier: 'sf', trackingNo: 'SF7000000001' } } });
		let inventoryItemId = '';
		for await (const v of c.listVariants()) {
			inventoryItemId = v.inventoryItemId ?? '';
			break;
		}
		const [location] = await c.listLocations();
		await c.setInventory({ inventoryItemId, locationId: location.id, available: 42 });
		const writes = sandbox.world.recorder.list({ provider: SHOPIFY });
		expect(writes.map((w) => w.kind)).toEqual(expect.arrayContaining(['shipment', 'stock']));
		expect(writes.find((w) => w.kind === 'stock')?.data).toMatchObject({ after: 42, locationId: location.id });
	});

	it('registers a webhook and delivers signed orders; a wrong secret or a tampered body does not verify', async () => {
		const received: Array<{ ok: boolean; topic: unknown }> = [];
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const ok = verifyShopifyWebhook(Buffer.concat(chunks), req.headers['x-shopify-hmac-sha256'], CNY.apiSecret);
				received.push({ ok, topic: req.headers['x-shopify-topic'] });
				res.statusCode = ok ? 200 : 401;
				res.end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
			const c = client(CNY);
			const hook = await c.createWebhook('orders/updated', address);
			expect((await c.listWebhooks()).map((w) => w.id)).toContain(hook.id);
			const orderId = sandbox.world.truth.visibleSnapshots(SHOPIFY, CNY.domain)[0].order.channelOrderId;
			const fire = async (flaw?: string) => {
				const res = await fetch(`${sandbox.url}/_admin/shopify/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ topic: 'orders/updated', orderId, flaw }) });
				return (await res.json()) as { delivered: Array<{ status: number }> };
			};
			expect((await fire()).delivered.map((d) => d.status)).toEqual([200]);
			expect((await fire('wrong_secret')).delivered.map((d) => d.status)).toEqual([401]);
			expect((await fire('tampered_body')).delivered.map((d) => d.status)).toEqual([401]);
			expect(received.map((r) => r.ok)).toEqual([true, false, false]);
			await c.deleteWebhook(hook.id);
			expect(await c.listWebhooks()).toEqual([]);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});
