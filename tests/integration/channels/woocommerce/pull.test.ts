// 2,000 seeded orders pulled through the pack's WooCommerce client from the in-process emulator: every
// order once, field by field equal to the truth as WooCommerce shows it, in numbered pages of 100 only; a
// quiet re-poll costs one call; JPY and KWD sites keep their own minor units; webhooks arrive signed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { AuthExpiredError, ThrottledError, fetchHttpClient } from '../../../../lib/http';
import { createWooClient, type WooOrder } from '../../../../lib/channels/woocommerce/client';
import { normalizeWooOrder } from '../../../../lib/channels/woocommerce/normalize';
import { verifyWooWebhook, wooCredentialsFrom } from '../../../../lib/channels/woocommerce/sign';
import { isoFromMillis, type OrderStatus, type UnifiedOrder } from '../../../../lib/model';
import { woocommerceProvider } from '../../../../sandbox/providers/woocommerce';
import { WOOCOMMERCE, WOO_SITES, type WooSite } from '../../../../sandbox/providers/woocommerce/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import type { TruthSnapshot } from '../../../../sandbox/truth/types';

const ORDERS = 2_000;
const DAY_MS = 86_400_000;
const [CNY, JPY, KWD] = WOO_SITES;
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'woocommerce-pull', factories: [woocommerceProvider] });
});
afterAll(() => sandbox.close());

function client(site: WooSite, options: { retry?: { maxAttempts: number }; authMode?: string; secret?: string } = {}) {
	const credentials = wooCredentialsFrom({
		environment: 'custom',
		customUrl: `${sandbox.url}/woocommerce`,
		siteUrl: `https://${site.host}`,
		consumerKey: site.consumerKey,
		consumerSecret: options.secret ?? site.consumerSecret,
		authMode: options.authMode ?? 'basic',
	});
	return createWooClient({ credentials, http: fetchHttpClient(), retry: options.retry ?? { maxAttempts: 3 } });
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : isoFromMillis(ms, 480));
/** What WooCommerce can say about each truth status (it has no partial, shipped or delivered state). */
const WOO_VISIBLE: Record<OrderStatus, OrderStatus> = {
	pending_payment: 'pending_payment',
	paid: 'paid',
	on_hold: 'on_hold',
	approved: 'paid',
	allocated: 'paid',
	partially_shipped: 'paid',
	shipped: 'completed',
	delivered: 'completed',
	completed: 'completed',
	cancelled: 'cancelled',
};

/** The unified order the truth should come back as, through what WooCommerce can express. */
function expected(snap: TruthSnapshot): Partial<UnifiedOrder> {
	const { order } = snap;
	const succeeded = snap.refunds.filter((r) => r.phase === 'succeeded');
	const refunded = succeeded.reduce((s, x) => s + x.amount, 0);
	const fullyRefunded = refunded > 0 && refunded >= order.totals.paid;
	const r = order.receiver;
	return {
		channel: 'woocommerce',
		shopId: order.shopId,
		channelOrderId: order.channelOrderId,
		id: order.id,
		currency: order.currency,
		status: fullyRefunded ? 'cancelled' : WOO_VISIBLE[snap.status],
		refundState: succeeded.length > 0 ? 'refunded' : 'none',
		totals: { goods: order.totals.goods, discount: order.totals.discount, shippingFee: order.totals.shippingFee, paid: order.totals.paid, ...(refunded > 0 ? { refunded } : {}) },
		createdAt: iso(order.createdAt),
		updatedAt: iso(snap.updatedAt),
		paidAt: iso(snap.paidAt),
		lines: order.lines.map((l) => ({ lineId: l.lineId, merchantCode: l.merchantCode, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount, paidAmount: l.unitPrice * l.quantity - l.discount, refundState: fullyRefunded ? 'refunded' : 'none' })) as UnifiedOrder['lines'],
		receiver: Object.fromEntries(
			Object.entries({ name: r.name, phone: r.phone, province: r.province, city: r.city, district: r.country === '中国' || !r.country ? r.district : undefined, address: r.address, postcode: r.postcode, country: r.country ?? 'CN', masked: false }).filter(([, v]) => v !== undefined && v !== ''),
		) as unknown as UnifiedOrder['receiver'],
		buyer: { id: order.buyer.id, nick: order.buyer.nick },
		buyerMessage: snap.buyerMessage,
	};
}

function compare(orders: WooOrder[], site: WooSite) {
	const truth = sandbox.world.truth.visibleSnapshots(WOOCOMMERCE, site.host);
	const ids = orders.map((o) => String(o.id));
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.slice().sort()).toEqual(truth.map((s) => s.order.channelOrderId).sort());
	const byId = new Map(orders.map((o) => [String(o.id), o]));
	const mismatches = [];
	for (const snap of truth) {
		const result = normalizeWooOrder(byId.get(snap.order.channelOrderId), { shopId: site.host });
		if (!result.ok) {
			mismatches.push({ id: snap.order.channelOrderId, problems: result.problems });
			continue;
		}
		const want = expected(snap) as Record<string, unknown>;
		const got = {
			...(result.order as unknown as Record<string, unknown>),
			lines: result.order.lines.map((l) => ({ lineId: l.lineId, merchantCode: l.merchantCode, quantity: l.quantity, unitPrice: l.unitPrice, discount: l.discount, paidAmount: l.paidAmount, refundState: l.refundState })),
		} as Record<string, unknown>;
		const differing = Object.keys(want).filter((k) => !isDeepStrictEqual(got[k], want[k]));
		if (differing.length) mismatches.push({ id: snap.order.channelOrderId, differing, got: differing.map((k) => got[k]), want: differing.map((k) => want[k]) });
	}
	expect(mismatches.slice(0, 3)).toEqual([]);
	return truth;
}

describe('WooCommerce pull against the emulator', () => {
	it('pulls 2,000 orders by change time, equal to the truth, in the minimum number of page calls; an idle re-poll is one call', async () => {
		const c = client(CNY);
		const now = sandbox.world.clock.now();
		const orders: WooOrder[] = [];
		for await (const order of c.listOrders({ by: 'modified', from: isoFromMillis(now - 40 * DAY_MS, 480), to: isoFromMillis(now + 1000, 480) })) orders.push(order);
		const truth = compare(orders, CNY);
		expect(truth.length).toBe(ORDERS);
		const minimum = Math.ceil(truth.length / 100);
		console.log(JSON.stringify({ woocommercePull: { orders: orders.length, calls: c.stats.requests, minimum } }));
		expect(c.stats.requests).toBe(minimum);

		const watermark = Math.max(...truth.map((s) => s.updatedAt));
		c.resetStats();
		const again: WooOrder[] = [];
		for await (const order of c.listOrders({ by: 'modified', from: isoFromMillis(watermark + 1000, 480) })) again.push(order);
		expect(again).toEqual([]);
		expect(c.stats.requests).toBe(1);
	}, 300_000);

	it.each([
		['JPY', JPY],
		['KWD', KWD],
	])('keeps %s amounts in their own minor unit', async (_currency, site) => {
		const orders: WooOrder[] = [];
		const now = sandbox.world.clock.now();
		for await (const order of client(site, { authMode: 'query' }).listOrders({ by: 'created', from: isoFromMillis(now - 40 * DAY_MS, 480) })) orders.push(order);
		expect(orders.length).toBeGreaterThan(0);
		compare(orders, site);
		expect(orders[0].currency).toBe(site.currency);
	}, 120_000);

	it('answers 401 with WooCommerce error bodies for a wrong secret, and 429 when the site budget is spent', async () => {
		const err = await client(CNY, { secret: 'cs_wrong' }).testConnection().catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AuthExpiredError);
		expect((err as Error).message).toMatch(/woocommerce_rest_authentication_error/);
		expect((err as Error).message).toMatch(/Invalid signature/);
		expect((err as Error).message).toMatch(/REST API/);
		sandbox.world.limits.set({ provider: WOOCOMMERCE, calls: 1, windowMs: 1000 });
		try {
			const c = client(CNY, { retry: { maxAttempts: 1 } });
			await c.testConnection();
			await expect(c.testConnection()).rejects.toBeInstanceOf(ThrottledError);
		} finally {
			sandbox.world.limits.clear(WOOCOMMERCE);
		}
	});

	it('ships (note + completed, or Shipment Tracking), sets stock singly and in batches, lists SKUs and refunds; the emulator records the writes', async () => {
		const c = client(CNY);
		const open = sandbox.world.truth.visibleSnapshots(WOOCOMMERCE, CNY.host).filter((s) => s.status === 'paid' && s.shipments.length === 0);
		expect(open.length).toBeGreaterThan(1);
		const viaNote = await c.ship({ orderId: open[0].order.channelOrderId, carrier: '顺丰速运', trackingNo: 'SF7000000001' });
		expect(viaNote.note?.note).toMatch(/顺丰速运.*SF7000000001/);
		expect(normalizeWooOrder(await c.getOrder(open[0].order.channelOrderId), { shopId: CNY.host })).toMatchObject({ ok: true, order: { status: 'completed' } });

		await c.ship({ orderId: open[1].order.channelOrderId, carrier: '中通快递', trackingNo: '75000000000001', tracking: 'shipmentTracking' });
		expect(normalizeWooOrder(await c.getOrder(open[1].order.channelOrderId), { shopId: CNY.host })).toMatchObject({ ok: true, order: { status: 'completed', logistics: { carrier: 'zto', trackingNo: '75000000000001' } } });

		const skus = [];
		for await (const sku of c.listSkus()) skus.push(sku);
		const catalog = sandbox.world.truth.catalog(WOOCOMMERCE, CNY.host);
		expect(skus.length).toBe(catalog.reduce((n, item) => n + Math.max(1, item.skus.length), 0));
		const variations = skus.filter((s) => s.variationId);
		const sameProduct = variations.filter((v) => v.productId === variations[0].productId).slice(0, 2);
		const results = await c.setStock([
			{ productId: sameProduct[0].productId, variationId: sameProduct[0].variationId, quantity: 42 },
			{ productId: sameProduct[1].productId, variationId: sameProduct[1].variationId, quantity: 7 },
		]);
		expect(results.map((r) => [r.ok, r.stockQuantity])).toEqual([
			[true, 42],
			[true, 7],
		]);
		const writes = sandbox.world.recorder.list({ provider: WOOCOMMERCE });
		expect(writes.map((w) => w.kind)).toEqual(expect.arrayContaining(['note', 'status', 'shipment', 'stock']));
		expect(writes.filter((w) => w.kind === 'stock').map((w) => w.data)).toEqual(expect.arrayContaining([expect.objectContaining({ skuId: sameProduct[0].variationId, after: 42 })]));

		const refunded = sandbox.world.truth.visibleSnapshots(WOOCOMMERCE, CNY.host).find((s) => s.refunds.some((r) => r.phase === 'succeeded'));
		expect(refunded).toBeDefined();
		const refunds = await c.listRefunds(refunded!.order.channelOrderId);
		expect(refunds.length).toBe(refunded!.refunds.filter((r) => r.phase === 'succeeded').length);
		expect(String((await c.getRefund(refunded!.order.channelOrderId, String(refunds[0].id))).id)).toBe(String(refunds[0].id));
	});

	it('registers a webhook (pinged unsigned on creation) and delivers signed orders; a wrong secret or a tampered body does not verify', async () => {
		const received: Array<{ ok: boolean; ping: boolean }> = [];
		const secret = 'webhook-secret-for-test';
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks);
				const ping = body.toString() .startsWith('webhook_id=');
				const ok = verifyWooWebhook(body, req.headers['x-wc-webhook-signature'], secret);
				received.push({ ok, ping });
				res.statusCode = ok || ping ? 200 : 401;
				res.end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
			const c = client(CNY);
			const hook = await c.createWebhook('order.updated', address, secret);
			expect((await c.listWebhooks()).map((w) => w.id)).toContain(hook.id);
			for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
			expect(received).toEqual([{ ok: false, ping: true }]);
			const orderId = sandbox.world.truth.visibleSnapshots(WOOCOMMERCE, CNY.host)[0].order.channelOrderId;
			const fire = async (flaw?: string) => {
				const res = await fetch(`${sandbox.url}/_admin/woocommerce/webhooks`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ topic: 'order.updated', orderId, flaw }) });
				return (await res.json()) as { delivered: Array<{ status: number }> };
			};
			expect((await fire()).delivered.map((d) => d.status)).toEqual([200]);
			expect((await fire('wrong_secret')).delivered.map((d) => d.status)).toEqual([401]);
			expect((await fire('tampered_body')).delivered.map((d) => d.status)).toEqual([401]);
			expect(received.slice(1).map((r) => r.ok)).toEqual([true, false, false]);
			await c.deleteWebhook(hook.id);
			expect(await c.listWebhooks()).toEqual([]);
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	});
});
