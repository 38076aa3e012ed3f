// The shipped templates inside real n8n, against the sandbox on a live clock: pull all eight channels into a SQLite
// store, run it again (nothing new), ship approved orders on every channel, take in refunds, the daily report, the
// backup and the stock sync to every channel, then the published webhook templates (Kuaidi100 tracking pushes;
// Shopify and WooCommerce order webhooks, whose reservations reach the other channels' listings); compared with the
// sandbox's truth and what the sandbox recorded.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { executeWorkflow, importCredentials, importWorkflows, publishWorkflow } from '../../scripts/n8n/cli';
import { startN8n, waitForWebhook } from '../../scripts/n8n/server';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { nodeOutputs } from '../../scripts/n8n/run-data';
import { SANDBOX_ROBOT_TOKEN, SANDBOX_SHOPS, sandboxCredentials, templateId, templatesWithIds } from '../../scripts/templates';
import { toAggregatorCode } from '../../lib/carriers/carrierCodes';
import type { UnifiedOrder } from '../../lib/model';
import { openStore, type OrderStore, type StoredOrder, type StoreReport } from '../../lib/store';
import { PROVIDER_FACTORIES } from '../../sandbox/providers';
import { dingtalkProvider } from '../../sandbox/providers/dingtalk';
import { jdOrderState } from '../../sandbox/providers/jd/render';
import { pddOrderStatus } from '../../sandbox/providers/pinduoduo/render';
import { SHOPIFY_SHOPS } from '../../sandbox/providers/shopify/models';
import { inventoryItemIdOf } from '../../sandbox/providers/shopify/render';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { bootInstance, SETUP_TIMEOUT_MS, shutdown, STEP_TIMEOUT_MS, timed } from './harness';

const ORDERS_PER_CHANNEL = 40;
const CHANNELS = Object.keys(SANDBOX_SHOPS) as Array<keyof typeof SANDBOX_SHOPS>;
/** The channel as pull-orders names its nodes ("Store Douyin orders"). */
const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
	taobao: 'Taobao',
	jd: 'JD',
	wechat_shop: 'WeChat Shop',
	xiaohongshu: 'Xiaohongshu',
	douyin: 'Douyin',
	pinduoduo: 'Pinduoduo',
	shopify: 'Shopify',
	woocommerce: 'WooCommerce',
};
const factories = [...PROVIDER_FACTORIES, dingtalkProvider].filter(
	(factory, index, all) => all.findIndex((other) => other.name === factory.name) === index,
);

interface TruthSummary {
	channelOrderId: string;
	status: string;
}

async function admin<T>(sandbox: Sandbox, urlPath: string): Promise<T> {
	const response = await fetch(`${sandbox.url}/_admin${urlPath}`);
	if (!response.ok) throw new Error(`GET /_admin${urlPath}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** Channels whose API lists an order only once it is paid (JD, Pinduoduo): what makes it listed. */
const LISTED_WHEN: Partial<Record<string, (snap: Parameters<typeof jdOrderState>[0]) => unknown>> = {
	jd: jdOrderState,
	pinduoduo: pddOrderStatus,
};

/** The sandbox's orders of the shop that the channel's API lists. */
async function truthOf(sandbox: Sandbox, channel: string): Promise<TruthSummary[]> {
	const shopId = SANDBOX_SHOPS[channel as keyof typeof SANDBOX_SHOPS];
	const query = `channel=${channel}&shopId=${encodeURIComponent(shopId)}&view=summary`;
	const { orders } = await admin<{ orders: TruthSummary[] }>(sandbox, `/orders?${query}`);
	const listedWhen = LISTED_WHEN[channel];
	if (!listedWhen) return orders;
	const { truth } = sandbox.world;
	const listed = new Set(
		truth
			.allOrders()
			.filter((order) => order.channel === channel && order.shopId === shopId && listedWhen(truth.snapshot(order)) !== undefined)
			.map((order) => order.channelOrderId),
	);
	return orders.filter((order) => listed.has(order.channelOrderId));
}

async function storedIds(store: OrderStore, channel: string): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | undefined;
	do {
		const page = await store.searchOrders({ channel, limit: 200, cursor });
		ids.push(...page.orders.map((order) => order.channelOrderId));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return ids;
}

async function adminPost<T>(sandbox: Sandbox, urlPath: string, body: object): Promise<T> {
	const response = await fetch(`${sandbox.url}/_admin${urlPath}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!response.ok) throw new Error(`POST /_admin${urlPath}: HTTP ${response.status} ${await response.text()}`);
	return (await response.json()) as T;
}

async function robotTexts(sandbox: Sandbox): Promise<string[]> {
	const { messages } = await admin<{ messages: Array<{ data: { body: { text?: { content: string }; markdown?: { text: string } } } }> }>(
		sandbox,
		`/dingtalk/messages?robot=${SANDBOX_ROBOT_TOKEN}`,
	);
	return messages.map((m) => m.data.body.markdown?.text ?? m.data.body.text?.content ?? '');
}

async function allStored(store: OrderStore): Promise<StoredOrder[]> {
	const orders: StoredOrder[] = [];
	let cursor: string | undefined;
	do {
		const page = await store.searchOrders({ limit: 500, cursor });
		orders.push(...page.orders);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return orders;
}

async function onHandOf(store: OrderStore): Promise<Map<string, number>> {
	return new Map((await store.availability()).map((level) => [level.masterSku, level.onHand]));
}

async function reservedOf(store: OrderStore, sku: string): Promise<number> {
	return (await store.availability({ masterSkus: [sku] }))[0]?.reserved ?? 0;
}

/** The emulator that records a channel's stock writes (GET /_admin/pushed?provider=…&kind=stock). */
const STOCK_PROVIDERS: Record<(typeof CHANNELS)[number], string> = {
	taobao: 'taobao',
	jd: 'jd',
	wechat_shop: 'wechat',
	xiaohongshu: 'xhs',
	douyin: 'douyin',
	pinduoduo: 'pinduoduo',
	shopify: 'shopify',
	woocommerce: 'woocommerce',
};
/** The shipped templates' Stock Sync: 2 units of safety stock for every channel, no other shaping. */
const TEMPLATE_SAFETY_STOCK = 2;
const SANDBOX_SHOPIFY_LOCATION = SHOPIFY_SHOPS.find((shop) => shop.domain === SANDBOX_SHOPS.shopify)!.locationId;

/** A channel listing mapped as docs/nodes/StockSync.md tells, and the emulator's id of the SKU it stocks. */
interface SyncListing {
	channel: (typeof CHANNELS)[number];
	channelSkuId: string;
	stocked: string;
}

/** The `index`-th SKU-bearing item of the sandbox shop's catalog, its first SKU, as a listing. */
function catalogListing(sandbox: Sandbox, channel: (typeof CHANNELS)[number], index: number): SyncListing {
	const items = sandbox.world.truth.catalog(channel, SANDBOX_SHOPS[channel]).filter((item) => item.skus.length > 0);
	const item = items[index];
	if (!item) throw new Error(`the sandbox ${channel} catalog has only ${items.length} items with SKUs`);
	const skuId = item.skus[0].skuId;
	const ids: Record<(typeof CHANNELS)[number], string> = {
		taobao: `${item.itemId}:${skuId}`,
		jd: skuId,
		wechat_shop: `${item.itemId}:${skuId}`,
		xiaohongshu: skuId,
		douyin: `${item.itemId}:${skuId}`,
		pinduoduo: `${item.itemId}:${skuId}`,
		shopify: `${inventoryItemIdOf(skuId)}@${SANDBOX_SHOPIFY_LOCATION}`,
		woocommerce: `${item.itemId}:${skuId}`,
	};
	return { channel, channelSkuId: ids[channel], stocked: skuId };
}

/** Stock writes the channel's emulator recorded for the sandbox shop, as `stockedId=quantity`, oldest first. */
async function stockWrites(sandbox: Sandbox, channel: (typeof CHANNELS)[number]): Promise<string[]> {
	const { writes } = await admin<{ writes: Array<{ shopId: string; data: { skuId?: string; itemId?: string; after: number } }> }>(
		sandbox,
		`/pushed?provider=${STOCK_PROVIDERS[channel]}&kind=stock`,
	);
	return writes.filter((w) => w.shopId === SANDBOX_SHOPS[channel]).map((w) => `${String(w.data.skuId ?? w.data.itemId)}=${w.data.after}`);
}

async function allStockWrites(sandbox: Sandbox): Promise<Record<string, string[]>> {
	const out: Record<string, string[]> = {};
	for (const channel of CHANNELS) out[channel] = await stockWrites(sandbox, channel);
	return out;
}

const APPROVED = (decision: 'approved' | 'held') => ({ decision, ruleVersion: 'e2e', hits: [], auditedAt: new Date().toISOString() });

/**
 * Every stored merchant code becomes a master SKU with stock in one warehouse; one paid single-parcel order per
 * channel gets the sandbox's unmasked receiver (carriers need it) and is approved; every other approved order is
 * held, so ship-orders ships exactly the chosen ones.
 */
async function prepareShipments(store: OrderStore, sandbox: Sandbox): Promise<StoredOrder[]> {
	const shippable = (o: StoredOrder) => o.status === 'paid' && o.refundState === 'none' && o.lines.every((l) => l.merchantCode);
	const pulled = await allStored(store);
	// A shop whose listed orders have all shipped already (few orders, a 7-day window) gets a new paid one.
	for (const channel of CHANNELS) {
		if (pulled.some((o) => o.channel === channel && shippable(o))) continue;
		const { orders: created } = await adminPost<{ orders: Array<UnifiedOrder & { timeline: unknown }> }>(sandbox, '/orders', { channel, shopId: SANDBOX_SHOPS[channel], status: 'paid' });
		const { timeline: _timeline, ...order } = created[0];
		await store.upsertOrders([order], { actor: 'e2e' });
	}
	const orders = await allStored(store);
	const skus = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.merchantCode)).filter((c): c is string => !!c))];
	await store.upsertWarehouses([{ id: 'hz', name: '杭州仓' }]);
	await store.upsertMasterSkus(skus.map((sku) => ({ sku, title: sku })));
	await store.setOnHand(skus.map((sku) => ({ warehouseId: 'hz', masterSku: sku, onHand: 1000 })));
	const chosen: StoredOrder[] = [];
	const problems: string[] = [];
	for (const channel of CHANNELS) {
		const paid = orders.filter((o) => o.channel === channel && shippable(o));
		if (!paid.length) {
			const seen = orders.filter((o) => o.channel === channel).map((o) => `${o.status}/${o.refundState}/${o.lines.map((l) => l.merchantCode ?? '-').join('+')}`);
			problems.push(`${channel}: no paid order without refund whose lines all have a merchant code; stored: ${seen.join(', ')}`);
		}
		for (const candidate of paid.slice(0, 3)) {
			const { timeline: _timeline, ...truth } = await admin<UnifiedOrder & { timeline: unknown }>(sandbox, `/orders/${encodeURIComponent(candidate.id)}`);
			const later = new Date(Date.parse(candidate.updatedAt) + 1000).toISOString();
			const [result] = await store.upsertOrders([{ ...truth, id: candidate.id, status: 'paid', updatedAt: later, raw: undefined }], { actor: 'e2e' });
			if (result.outcome === 'invalid') {
				problems.push(`${candidate.channel}/${candidate.channelOrderId}: ${JSON.stringify(result)}`);
				continue;
			}
			chosen.push((await store.getOrder(candidate.id))!);
			break;
		}
	}
	if (problems.length) process.stdout.write(`orders the test could not prepare for shipping:\n${problems.join('\n')}\n`);
	const chosenIds = new Set(chosen.map((o) => o.id));
	for (const order of await allStored(store)) {
		if (order.status !== 'paid') continue;
		const decision = chosenIds.has(order.id) ? 'approved' : 'held';
		if (decision === 'held' && order.audit?.decision !== 'approved') continue;
		await store.updateOrder(order.id, { audit: APPROVED(decision) }, { actor: 'e2e' });
	}
	return chosen;
}

/** A paid Taobao order that ship-orders left alone, with its stock reserved. */
async function reservedTaobaoOrder(store: OrderStore): Promise<StoredOrder> {
	const page = await store.searchOrders({ channel: 'taobao', status: 'paid', refundState: 'none', limit: 200 });
	const order = page.orders.find((o) => o.lines.every((line) => line.masterSku) && !o.allocation);
	if (!order) {
		const seen = page.orders.map((o) => `${o.channelOrderId}:${o.lines.map((l) => l.masterSku ?? `(${l.merchantCode ?? '-'})`).join('+')}`);
		throw new Error(`no paid Taobao order with mapped lines left to refund; paid: ${seen.join(', ') || 'none'}`);
	}
	const reservation = await store.reserveForOrder(order.id, await store.reservationLinesFor(order.id), { actor: 'e2e' });
	expect(reservation).toMatchObject({ ok: true });
	return order;
}

/**
 * A paid one-line order of the channel that no warehouse was allocated to, its line mapped to a master SKU with
 * stock and reserved; a new paid order from the sandbox when the shop has none left (one line, so a completed refund
 * of that line completes the order's refund on every channel).
 */
async function reservedOneLineOrder(store: OrderStore, sandbox: Sandbox, channel: (typeof CHANNELS)[number]): Promise<StoredOrder> {
	const fits = (o: StoredOrder | undefined): o is StoredOrder => !!o && o.status === 'paid' && o.refundState === 'none' && o.lines.length === 1 && !!o.lines[0].masterSku && !o.allocation;
	let order = (await store.searchOrders({ channel, status: 'paid', refundState: 'none', limit: 200 })).orders.find(fits);
	for (let attempt = 0; attempt < 20 && !order; attempt++) {
		const { orders: created } = await adminPost<{ orders: Array<UnifiedOrder & { timeline: unknown }> }>(sandbox, '/orders', { channel, shopId: SANDBOX_SHOPS[channel], status: 'paid' });
		const { timeline: _timeline, ...truth } = created[0];
		if (truth.lines.length !== 1 || !truth.lines[0].merchantCode) continue;
		const sku = truth.lines[0].merchantCode;
		await store.upsertMasterSkus([{ sku, title: sku }]);
		await store.setOnHand([{ warehouseId: 'hz', masterSku: sku, onHand: 1000 }]);
		await store.upsertOrders([truth], { actor: 'e2e' });
		const stored = await store.getOrder(truth.id);
		if (fits(stored)) order = stored;
	}
	if (!order) throw new Error(`no paid one-line ${channel} order to refund`);
	const reservation = await store.reserveForOrder(order.id, await store.reservationLinesFor(order.id), { actor: 'e2e' });
	expect([channel, reservation]).toEqual([channel, expect.objectContaining({ ok: true })]);
	return order;
}

describe('shipped templates inside n8n against the sandbox (live clock)', () => {
	let instance: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let store: OrderStore | undefined;
	let storeFile: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ orders: ORDERS_PER_CHANNEL, seed: 'templates-e2e', clock: 'live', windowDays: 7, factories });
		instance = await bootInstance();
		const booted = instance;
		storeFile = path.join(booted.userFolder, 'store', 'orders.sqlite');
		await timed(booted, 'import credentials', () => importCredentials(booted, sandboxCredentials(sandbox!.url, storeFile)));
		const copies = templatesWithIds(path.join(booted.userFolder, 'templates'));
		await timed(booted, 'import templates', () => importWorkflows(booted, copies));
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await store?.close();
		await sandbox?.close();
		await shutdown(instance, 'templates');
	}, STEP_TIMEOUT_MS);

	it('imports every template with no unknown node type', () => {
		const log = readFileSync(instance!.logFile, 'utf8');
		expect(log).not.toMatch(/Unrecognized node type|Unknown node type|is not known/i);
	});

	it('pull-orders stores every order of every channel once, and commits each cursor', async () => {
		const { run } = await timed(instance!, 'pull-orders', () => executeWorkflow(instance!, templateId('pull-orders.json')));
		expect(run.data.resultData.error).toBeUndefined();
		store = await openStore({ kind: 'sqlite', path: storeFile });
		for (const channel of CHANNELS) {
			const truth = (await truthOf(sandbox!, channel)).map((order) => order.channelOrderId).sort();
			expect([channel, truth.length > 0]).toEqual([channel, true]);
			const stored = await storedIds(store, channel);
			expect([channel, stored.length]).toEqual([channel, new Set(stored).size]);
			expect([channel, stored.sort()]).toEqual([channel, truth]);
			const cursor = await store.getCursor(channel, SANDBOX_SHOPS[channel], 'orders');
			expect([channel, typeof cursor?.watermark]).toEqual([channel, 'string']);
		}
		const invalid = nodeOutputs(run, 'Dead letters')[0] ?? [];
		expect(invalid).toEqual([]);
		// Every paid order went through Order Audit and carries its decision.
		const paid = await store.searchOrders({ status: 'paid', limit: 1, withTotal: true });
		expect(paid.total).toBeGreaterThan(0);
		expect((await store.searchOrders({ status: 'paid', auditDecision: 'none', limit: 1, withTotal: true })).total).toBe(0);
	}, STEP_TIMEOUT_MS);

	it('pull-orders run again finds nothing new: every order unchanged, still stored once', async () => {
		const { run } = await timed(instance!, 'pull-orders again', () => executeWorkflow(instance!, templateId('pull-orders.json')));
		expect(run.data.resultData.error).toBeUndefined();
		for (const channel of CHANNELS) {
			const label = CHANNEL_LABELS[channel];
			const outcomes = (nodeOutputs(run, `Store ${label} orders`)[0] ?? []).map((item) => item.json.outcome);
			expect([channel, outcomes.filter((outcome) => outcome !== 'unchanged')]).toEqual([channel, []]);
			const stored = await storedIds(store!, channel);
			expect([channel, stored.length]).toEqual([channel, (await truthOf(sandbox!, channel)).length]);
		}
	}, STEP_TIMEOUT_MS);

	it('ship-orders gets waybills for the approved orders, ships them on their channel, marks them shipped and takes the stock off', async () => {
		const chosen = await prepareShipments(store!, sandbox!);
		expect([...new Set(chosen.map((order) => order.channel))].sort()).toEqual([...CHANNELS].sort());
		const onHandBefore = await onHandOf(store!);
		const { run } = await timed(instance!, 'ship-orders', () => executeWorkflow(instance!, templateId('ship-orders.json')));
		expect(run.data.resultData.error).toBeUndefined();
		// WooCommerce (the template's default tracking mode) gets the tracking number as an order note.
		const writes: Array<{ provider: string; kind: string; data: unknown }> = [];
		for (const kind of ['shipment', 'note']) writes.push(...(await admin<{ writes: typeof writes }>(sandbox!, `/pushed?kind=${kind}`)).writes);
		const shippedUnits = new Map<string, number>();
		for (const order of chosen) {
			const stored = (await store!.getOrder(order.id))!;
			const label = `${order.channel}/${order.channelOrderId}`;
			expect([label, stored.status]).toEqual([label, 'shipped']);
			const expectedCarrier = /^(浙江|上海|江苏)/.test(order.receiver.province ?? '') ? 'sf' : 'zto';
			expect([label, stored.logistics?.carrier]).toEqual([label, expectedCarrier]);
			const trackingNo = stored.logistics?.trackingNo ?? '';
			expect([label, trackingNo.length > 0]).toEqual([label, true]);
			// The channel received the shipment with that tracking number.
			const pushed = writes.filter((w) => JSON.stringify(w.data).includes(trackingNo));
			expect([label, pushed.map((w) => w.provider)]).toEqual([label, [expect.stringMatching(/./)]]);
			const history = await store!.orderHistory(order.id);
			expect(history.some((e) => e.toStatus === 'shipped')).toBe(true);
			for (const line of stored.lines) shippedUnits.set(line.masterSku!, (shippedUnits.get(line.masterSku!) ?? 0) + line.quantity);
		}
		const onHandAfter = await onHandOf(store!);
		for (const [sku, units] of shippedUnits) expect([sku, onHandBefore.get(sku)! - onHandAfter.get(sku)!]).toEqual([sku, units]);
	}, STEP_TIMEOUT_MS);

	it('refunds writes the refund state onto the stored order, releases its reserved stock and tells the team', async () => {
		const order = await reservedTaobaoOrder(store!);
		const line = order.lines[0];
		const reservedBefore = await reservedOf(store!, line.masterSku!);
		const res = await fetch(`${sandbox!.url}/_admin/orders/${order.channelOrderId}/refunds`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ lineId: line.lineId, phase: 'succeeded' }),
		});
		expect(res.status).toBe(200);
		const { run } = await timed(instance!, 'refunds', () => executeWorkflow(instance!, templateId('refunds.json')));
		expect(run.data.resultData.error).toBeUndefined();
		const stored = (await store!.getOrder(order.id))!;
		expect(stored.refundState).toBe('refunded');
		const released = (await store!.ledger({ orderId: order.id })).filter((entry) => entry.kind === 'release');
		// Taobao refunds name the refunded line (oid): only its reservation is released.
		expect(released.map((entry) => [entry.masterSku, -entry.deltaReserved])).toEqual([[line.masterSku, line.quantity]]);
		expect(await reservedOf(store!, line.masterSku!)).toBe(reservedBefore - line.quantity);
		const texts = await robotTexts(sandbox!);
		const digest = texts.find((text) => text.includes('退款完成'));
		expect(digest).toContain(order.channelOrderId);
	}, STEP_TIMEOUT_MS);

	it('refunds takes in completed refunds from Douyin and Pinduoduo after-sales and from changed Shopify and WooCommerce orders', async () => {
		const channels = ['douyin', 'pinduoduo', 'shopify', 'woocommerce'] as const;
		const orders: StoredOrder[] = [];
		for (const channel of channels) {
			const order = await reservedOneLineOrder(store!, sandbox!, channel);
			await adminPost(sandbox!, `/orders/${encodeURIComponent(order.id)}/refunds`, { lineId: order.lines[0].lineId, phase: 'succeeded' });
			orders.push(order);
		}
		const { run } = await timed(instance!, 'refunds (new channels)', () => executeWorkflow(instance!, templateId('refunds.json')));
		expect(run.data.resultData.error).toBeUndefined();
		const texts = await robotTexts(sandbox!);
		for (const order of orders) {
			const label = `${order.channel}/${order.channelOrderId}`;
			const stored = (await store!.getOrder(order.id))!;
			expect([label, stored.refundState]).toEqual([label, 'refunded']);
			const released = (await store!.ledger({ orderId: order.id })).filter((entry) => entry.kind === 'release');
			const line = order.lines[0];
			expect([label, released.map((entry) => [entry.masterSku, -entry.deltaReserved])]).toEqual([label, [[line.masterSku, line.quantity]]]);
			expect([label, texts.some((text) => text.includes('退款完成') && text.includes(order.channelOrderId))]).toEqual([label, true]);
		}
	}, STEP_TIMEOUT_MS);

	it('daily-report posts the store KPI report for the last 24 hours to the DingTalk robot', async () => {
		const { run } = await timed(instance!, 'daily-report', () => executeWorkflow(instance!, templateId('daily-report.json')));
		expect(run.data.resultData.error).toBeUndefined();
		const report = (nodeOutputs(run, 'KPI report for the last 24 h')[0] ?? [])[0]?.json as unknown as StoreReport;
		const created = await store!.searchOrders({ createdFrom: report.from, createdTo: report.to, limit: 1, withTotal: true });
		expect(report.orders.total).toBe(created.total);
		// Orders shipped by ship-orders (paid within the window or not) count in paid-to-shipped.
		expect(report.paidToShipped.count).toBeGreaterThanOrEqual(CHANNELS.length);
		const text = (await robotTexts(sandbox!)).find((t) => t.includes('订单日报')) ?? '';
		expect(text).toContain(`**订单 Orders ${report.orders.total}**`);
		for (const row of report.orders.perChannel) expect(text).toContain(`- ${row.channel} ${row.shopId}: ${row.orders} 单`);
		expect(text).toContain(`P50 ${report.paidToShipped.p50Hours} h`);
		expect(text).toContain(`拦截 blocked ${report.audit.blocked}`);
		expect(text).toContain(`**未映射 SKU Unmapped SKUs** ${report.unmappedSkus.count}`);
	}, STEP_TIMEOUT_MS);

	it('nightly-backup writes a copy of the store beside it', async () => {
		await timed(instance!, 'nightly-backup', () => executeWorkflow(instance!, templateId('nightly-backup.json')));
		const backups = path.join(path.dirname(storeFile), 'backups');
		expect(existsSync(backups)).toBe(true);
		expect(readdirSync(backups).length).toBe(1);
	}, STEP_TIMEOUT_MS);

	it('stock-sync pushes available stock minus safety stock to the mapped listings of every channel, and a second run pushes nothing', async () => {
		// Two listings per channel, each mapped to its own master SKU with stock in the warehouse.
		const listings = CHANNELS.flatMap((channel) => [0, 1].map((index) => catalogListing(sandbox!, channel, index)));
		const master = (i: number) => `E2E-SYNC-${String(i).padStart(2, '0')}`;
		const onHand = (i: number) => 20 + i;
		await store!.upsertMasterSkus(listings.map((_, i) => ({ sku: master(i), title: master(i) })));
		await store!.setOnHand(listings.map((_, i) => ({ warehouseId: 'hz', masterSku: master(i), onHand: onHand(i) })));
		await store!.upsertMappings(listings.map((l, i) => ({ channel: l.channel, shopId: SANDBOX_SHOPS[l.channel], channelSkuId: l.channelSkuId, masterSku: master(i) })));
		const before = await allStockWrites(sandbox!);

		const { run } = await timed(instance!, 'stock-sync', () => executeWorkflow(instance!, templateId('stock-sync.json')));
		expect(run.data.resultData.error).toBeUndefined();
		const out = (nodeOutputs(run, 'Stock Sync')[0] ?? []).map((item) => item.json);
		expect(out.filter((item) => item.status !== 'pushed')).toEqual([]);
		expect(out).toHaveLength(listings.length);
		const after = await allStockWrites(sandbox!);
		for (const channel of CHANNELS) {
			const want = listings.flatMap((l, i) => (l.channel === channel ? [`${l.stocked}=${onHand(i) - TEMPLATE_SAFETY_STOCK}`] : [])).sort();
			expect({ channel, writes: after[channel].slice(before[channel].length).sort() }).toEqual({ channel, writes: want });
		}

		const { run: again } = await timed(instance!, 'stock-sync again', () => executeWorkflow(instance!, templateId('stock-sync.json')));
		expect(again.data.resultData.error).toBeUndefined();
		expect(nodeOutputs(again, 'Stock Sync')[0] ?? []).toEqual([]);
		expect(await allStockWrites(sandbox!)).toEqual(after);
	}, STEP_TIMEOUT_MS);

	// The webhook templates, published before the n8n server starts (once, for the tests below).
	async function serve(): Promise<void> {
		if (serving) return;
		for (const template of ['tracking-push.json', 'webhook-new-order.json']) {
			await timed(instance!, `publish ${template}`, () => publishWorkflow(instance!, templateId(template)));
		}
		await timed(instance!, 'start n8n', () => startN8n(instance!));
		serving = true;
	}
	let serving = false;

	// Last: they start the n8n server, which the `n8n execute` runs above do without.
	it('tracking-push, published and receiving Kuaidi100 pushes, writes the tracking status onto the order and tells the team about a refused parcel', async () => {
		const [order] = (await store!.searchOrders({ status: 'shipped', tag: 'auto-shipped', limit: 1 })).orders;
		const { carrier, trackingNo } = order.logistics as { carrier: string; trackingNo: string };
		// The parcel was refused by the buyer (拒签) and is on its way back.
		await adminPost(sandbox!, '/parcels', { carrier, trackingNo, scenario: 'refused', shippedAt: new Date(Date.now() - 6 * 86_400_000).toISOString() });
		const template = JSON.parse(readFileSync(path.join(__dirname, '../../workflows/tracking-push.json'), 'utf8')) as { nodes: Array<{ type: string; webhookId?: string }> };
		const webhookId = template.nodes.find((node) => node.type.endsWith('.kuaidi100Trigger'))!.webhookId;
		await serve();
		await waitForWebhook(instance!, `webhook/${webhookId}/kuaidi100`);
		const param = {
			company: toAggregatorCode(carrier, 'kuaidi100'),
			number: trackingNo,
			key: 'sandbox-kuaidi100-key',
			parameters: { callbackurl: `${instance!.baseUrl}/webhook/${webhookId}/kuaidi100`, salt: 'sandbox-push-salt', resultv2: '4' },
		};
		const subscribed = await fetch(`${sandbox!.url}/kuaidi100/poll`, { method: 'POST', body: new URLSearchParams({ schema: 'json', param: JSON.stringify(param) }) });
		expect(await subscribed.json()).toMatchObject({ result: true });
		const { pushes } = await adminPost<{ pushes: Array<{ accepted: boolean }> }>(sandbox!, '/kuaidi100/push', { number: trackingNo, force: true });
		expect(pushes.map((push) => push.accepted)).toEqual([true]);
		// The webhook answers at once; the workflow runs after it.
		let stored = await store!.getOrder(order.id);
		for (let waited = 0; waited < 60_000 && !stored?.logistics?.trackingStatus; waited += 500) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			stored = await store!.getOrder(order.id);
		}
		const status = stored?.logistics?.trackingStatus;
		expect(['rejected', 'returning', 'returned']).toContain(status);
		const history = await store!.orderHistory(order.id);
		expect(history[history.length - 1]).toMatchObject({ kind: 'patch', after: { logistics: expect.objectContaining({ trackingStatus: status }) } });
		let alert: string | undefined;
		for (let waited = 0; waited < 30_000 && !alert; waited += 500) {
			alert = (await robotTexts(sandbox!)).find((text) => text.includes(trackingNo));
			if (!alert) await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(alert).toContain(`快递异常 Parcel ${status}`);
	}, STEP_TIMEOUT_MS);

	it('webhook-new-order, published, stores signed Shopify and WooCommerce order webhooks, reserves their stock and releases it on cancellation, syncing the other channels each time; a forged delivery triggers nothing', async () => {
		await serve();
		const webhooks = [
			{ channel: 'shopify', fire: '/shopify/webhooks', topic: 'orders/create', cancelTopic: 'orders/cancelled', shopField: 'shop' },
			{ channel: 'woocommerce', fire: '/woocommerce/webhooks', topic: 'order.created', cancelTopic: 'order.updated', shopField: 'site' },
		] as const;
		// Catalog items 0 and 1 of every shop are the stock-sync test's listings.
		let nextListing = 2;
		for (const { channel, fire, topic, cancelTopic, shopField } of webhooks) {
			const shopId = SANDBOX_SHOPS[channel];
			const { orders } = await adminPost<{ orders: UnifiedOrder[] }>(sandbox!, '/orders', { channel, shopId, status: 'paid', count: 2 });
			const [order, forgedOrder] = orders;
			// Stock for every line of the paid order, so it can be reserved.
			const skus = [...new Set(order.lines.map((line) => line.merchantCode).filter((code): code is string => !!code))];
			expect([channel, skus.length]).toEqual([channel, order.lines.length]);
			await store!.upsertMasterSkus(skus.map((sku) => ({ sku, title: sku })));
			await store!.setOnHand(skus.map((sku) => ({ warehouseId: 'hz', masterSku: sku, onHand: 1000 })));
			// The seller also lists those SKUs on Taobao, JD and Pinduoduo (catalog items the stock-sync test left alone).
			const listed = skus.flatMap((sku) => {
				const index = nextListing++;
				return (['taobao', 'jd', 'pinduoduo'] as const).map((other) => ({ sku, listing: catalogListing(sandbox!, other, index) }));
			});
			await store!.upsertMappings(listed.map(({ sku, listing }) => ({ channel: listing.channel, shopId: SANDBOX_SHOPS[listing.channel], channelSkuId: listing.channelSkuId, masterSku: sku })));
			const ordered = new Map<string, number>();
			for (const line of order.lines) ordered.set(line.merchantCode!, (ordered.get(line.merchantCode!) ?? 0) + line.quantity);
			// Available before the order (other orders of the run may hold some of these SKUs already).
			const availableBefore = new Map<string, number>();
			for (const { sku, listing } of listed) {
				const [level] = await store!.availability({ masterSkus: [sku], channel: listing.channel });
				availableBefore.set(`${listing.channel}/${sku}`, level.available);
			}
			/** Waits until every listing's last stock write is what `quantity(available before, sku)` says; returns the last writes. */
			const lastWrites = async (quantity: (available: number, sku: string) => number) => {
				const want = listed.map(({ sku, listing }) => `${listing.channel}/${listing.stocked}=${quantity(availableBefore.get(`${listing.channel}/${sku}`)!, sku)}`).sort();
				let got: string[] = [];
				for (let waited = 0; waited < 60_000; waited += 500) {
					got = [];
					for (const { listing } of listed) {
						const writes = (await stockWrites(sandbox!, listing.channel)).filter((w) => w.startsWith(`${listing.stocked}=`));
						got.push(`${listing.channel}/${writes[writes.length - 1] ?? `${listing.stocked}=(none)`}`);
					}
					got.sort();
					if (JSON.stringify(got) === JSON.stringify(want)) break;
					await new Promise((resolve) => setTimeout(resolve, 500));
				}
				return { got, want };
			};

			// The triggers register their webhooks with the sandbox while n8n activates the workflow, just after it started.
			let forged = { delivered: [] as Array<{ status: number }> };
			for (let waited = 0; waited < 60_000 && !forged.delivered.length; waited += 500) {
				forged = await adminPost(sandbox!, fire, { topic, orderId: forgedOrder.channelOrderId, [shopField]: shopId, flaw: 'wrong_secret' });
				if (!forged.delivered.length) await new Promise((resolve) => setTimeout(resolve, 500));
			}
			expect([channel, 'forged', forged.delivered.map((d) => d.status)]).toEqual([channel, 'forged', [401]]);
			const signed = await adminPost<{ delivered: Array<{ status: number }> }>(sandbox!, fire, { topic, orderId: order.channelOrderId, [shopField]: shopId });
			expect([channel, signed.delivered.map((d) => d.status)]).toEqual([channel, [200]]);

			// The webhook answers at once; the workflow runs after it.
			let reserved: Awaited<ReturnType<OrderStore['ledger']>> = [];
			for (let waited = 0; waited < 60_000 && reserved.length < order.lines.length; waited += 500) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				reserved = (await store!.ledger({ orderId: order.id })).filter((entry) => entry.kind === 'reserve');
			}
			const stored = await store!.getOrder(order.id);
			expect([channel, stored?.channelOrderId, stored?.status]).toEqual([channel, order.channelOrderId, 'paid']);
			const expected = new Map<string, number>();
			for (const line of order.lines) expected.set(line.merchantCode!, (expected.get(line.merchantCode!) ?? 0) + line.quantity);
			const got = new Map<string, number>();
			for (const entry of reserved) got.set(entry.masterSku, (got.get(entry.masterSku) ?? 0) + entry.deltaReserved);
			expect([channel, Object.fromEntries(got)]).toEqual([channel, Object.fromEntries(expected)]);
			expect([channel, 'forged', await store!.getOrder(forgedOrder.id)]).toEqual([channel, 'forged', undefined]);
			// Stock Sync after the reservation: the other channels' listings of those SKUs show the lower quantity.
			const lowered = await lastWrites((available, sku) => available - TEMPLATE_SAFETY_STOCK - ordered.get(sku)!);
			expect([channel, 'reserved', lowered.got]).toEqual([channel, 'reserved', lowered.want]);

			// The buyer cancels: the cancellation webhook releases what was reserved.
			await adminPost(sandbox!, `/orders/${encodeURIComponent(order.id)}/status`, { status: 'cancelled' });
			const cancelled = await adminPost<{ delivered: Array<{ status: number }> }>(sandbox!, fire, { topic: cancelTopic, orderId: order.channelOrderId, [shopField]: shopId });
			expect([channel, 'cancelled', cancelled.delivered.map((d) => d.status)]).toEqual([channel, 'cancelled', [200]]);
			let released: typeof reserved = [];
			for (let waited = 0; waited < 60_000 && released.length < reserved.length; waited += 500) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				released = (await store!.ledger({ orderId: order.id })).filter((entry) => entry.kind === 'release');
			}
			expect([channel, (await store!.getOrder(order.id))?.status]).toEqual([channel, 'cancelled']);
			const releasedUnits = released.reduce((sum, entry) => sum - entry.deltaReserved, 0);
			expect([channel, releasedUnits]).toEqual([channel, reserved.reduce((sum, entry) => sum + entry.deltaReserved, 0)]);
			// ...and Stock Sync after the release gives the listings their units back.
			const restored = await lastWrites((available) => available - TEMPLATE_SAFETY_STOCK);
			expect([channel, 'released', restored.got]).toEqual([channel, 'released', restored.want]);
		}
	}, STEP_TIMEOUT_MS);
});
