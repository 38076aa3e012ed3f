// Master SKUs and channel SKU mappings. A line resolves, most specific first, through: this shop's
// SKU-id mapping, the channel-wide SKU-id mapping, this shop's merchant-code mapping, the channel-wide
// one, and (option) a merchant code that is itself a master SKU. A bundle expands one level.
import type { UnifiedOrder } from '../model';
import { actorOf, isoAt, type StoreContext } from './context';
import { invalidInput } from './errors';
import { type EventRow, loadHeads, loadOrders, type OrderRecord, parseLocal, writeOrders } from './orderRows';
import { unique } from './util';
import { Conditions, insertRows, placeholders, selectIn, type Sql } from './sql';
import type { BundleComponent, MasterSku, ResolvedSku, SkuMapping, SkuQuery, UnmappedSku, WriteOptions } from './types';

/** shop_id of a mapping that applies to every shop of its channel. */
export const ANY_SHOP = '';

interface MappingRow {
	channel: string;
	shop_id: string;
	match_kind: 'sku_id' | 'merchant_code';
	match_value: string;
	master_sku: string;
}

/** Returns how many SKUs were written; lines whose merchant code names a new SKU resolve to it. */
export async function upsertMasterSkus(ctx: StoreContext, skus: readonly MasterSku[], options?: WriteOptions): Promise<number> {
	skus.forEach(checkMasterSku);
	const now = ctx.now();
	const rows = skus.map((s) => [
		s.sku,
		s.title,
		s.cost ?? null,
		s.currency ?? null,
		s.barcode ?? null,
		s.weightGrams ?? null,
		s.components?.length ? JSON.stringify(s.components) : null,
		s.active === false ? 0 : 1,
		now,
	]);
	const columns = ['sku', 'title', 'cost', 'currency', 'barcode', 'weight_grams', 'components', 'active', 'updated_ms'];
	const update = columns
		.slice(1)
		.map((c) => `${c} = excluded.${c}`)
		.join(', ');
	return ctx.driver.write(async (tx) => {
		const written = await insertRows(tx, ctx.driver.dialect, 'master_skus', columns, rows, ` ON CONFLICT (sku) DO UPDATE SET ${update}`);
		if (ctx.options.merchantCodeIsMasterSku) {
			await resolveStoredLines(ctx, tx, [{ column: 'merchant_code', values: skus.map((s) => s.sku) }], actorOf(options));
		}
		return written;
	});
}

export async function upsertMappings(
	ctx: StoreContext,
	mappings: readonly SkuMapping[],
	options?: WriteOptions,
): Promise<{ mappings: number; linesResolved: number }> {
	const rows = mappings.flatMap(mappingRows);
	return ctx.driver.write(async (tx) => {
		const targets = unique(rows.map((r) => r.master_sku));
		const known = new Set((await selectIn<{ sku: string }>(tx, 'SELECT sku FROM master_skus WHERE sku IN ({in})', targets)).map((r) => r.sku));
		const missing = targets.filter((sku) => !known.has(sku));
		if (missing.length) throw invalidInput(`mapping targets are not master SKUs: ${missing.join(', ')}`, { missing });
		const now = ctx.now();
		const written = await insertRows(
			tx,
			ctx.driver.dialect,
			'sku_mappings',
			['channel', 'shop_id', 'match_kind', 'match_value', 'master_sku', 'updated_ms'],
			rows.map((r) => [r.channel, r.shop_id, r.match_kind, r.match_value, r.master_sku, now]),
			' ON CONFLICT (channel, shop_id, match_kind, match_value) DO UPDATE SET master_sku = excluded.master_sku, updated_ms = excluded.updated_ms',
		);
		const matches = rows.map((r): LineMatch => ({
			channel: r.channel,
			column: r.match_kind === 'sku_id' ? 'channel_sku_id' : 'merchant_code',
			values: [r.match_value],
		}));
		const linesResolved = await resolveStoredLines(ctx, tx, matches, actorOf(options));
		return { mappings: written, linesResolved };
	});
}

/** Resolves many lookups with two queries; undefined where nothing matches. */
export async function resolveMany(ctx: StoreContext, tx: Sql, queries: readonly SkuQuery[]): Promise<Array<ResolvedSku | undefined>> {
	if (!queries.length) return [];
	const mappings = new Map<string, string>();
	const channels = unique(queries.map((q) => q.channel));
	const values = unique(queries.flatMap((q) => [q.channelSkuId, q.merchantCode])).filter((v): v is string => !!v);
	// One query for the batch; rows of other channels that share a value are ignored by the keyed lookup.
	const rows = await selectIn<MappingRow>(
		tx,
		`SELECT channel, shop_id, match_kind, match_value, master_sku FROM sku_mappings
		 WHERE channel IN (${placeholders(channels.length)}) AND match_value IN ({in})`,
		values,
		channels,
	);
	for (const row of rows) mappings.set(mappingKey(row.channel, row.shop_id, row.match_kind, row.match_value), row.master_sku);
	const picked = queries.map((q) => pickMapping(mappings, q));
	const candidates = unique(
		queries.flatMap((q, i) => [picked[i]?.masterSku, ctx.options.merchantCodeIsMasterSku ? q.merchantCode : undefined]),
	).filter((v): v is string => !!v);
	const skus = await loadSkuFacts(tx, candidates);
	return queries.map((q, i) => {
		const pick = picked[i] ?? (q.merchantCode && ctx.options.merchantCodeIsMasterSku && skus.has(q.merchantCode)
			? { masterSku: q.merchantCode, via: 'master_sku' as const }
			: undefined);
		if (!pick) return undefined;
		const components = skus.get(pick.masterSku)?.components;
		return {
			...pick,
			bundle: !!components,
			components: components?.map((c) => ({ masterSku: c.sku, quantity: c.quantity })) ?? [{ masterSku: pick.masterSku, quantity: 1 }],
		};
	});
}

export interface SkuFacts {
	/** Set for a bundle. */
	components?: BundleComponent[];
	cost: number | null;
	currency: string | null;
}

/** What the store knows of each of these master SKUs (unknown SKUs are absent). */
export async function loadSkuFacts(tx: Sql, skus: readonly string[]): Promise<Map<string, SkuFacts>> {
	const rows = await selectIn<{ sku: string; components: string | null; cost: number | null; currency: string | null }>(
		tx,
		'SELECT sku, components, cost, currency FROM master_skus WHERE sku IN ({in})',
		skus,
	);
	return new Map(
		rows.map((r) => [
			r.sku,
			{
				...(r.components ? { components: JSON.parse(r.components) as BundleComponent[] } : {}),
				cost: r.cost === null ? null : Number(r.cost),
				currency: r.currency,
			},
		]),
	);
}

/** Fills masterSku on lines that lack it; returns how many lines got one. */
export async function resolveOrderLines(ctx: StoreContext, tx: Sql, orders: readonly UnifiedOrder[]): Promise<number> {
	const targets = orders.flatMap((order) =>
		order.lines.filter((line) => line.masterSku === undefined && (line.channelSkuId || line.merchantCode)).map((line) => ({ order, line })),
	);
	const resolved = await resolveMany(
		ctx,
		tx,
		targets.map(({ order, line }) => ({ channel: order.channel, shopId: order.shopId, channelSkuId: line.channelSkuId, merchantCode: line.merchantCode })),
	);
	let count = 0;
	targets.forEach(({ line }, i) => {
		const hit = resolved[i];
		if (hit) {
			line.masterSku = hit.masterSku;
			count++;
		}
	});
	return count;
}

export async function listUnmappedSkus(
	ctx: StoreContext,
	filter: { channel?: string; shopId?: string; limit?: number } = {},
): Promise<UnmappedSku[]> {
	const c = new Conditions().add('l.master_sku IS NULL');
	if (filter.channel) c.add('o.channel = ?', filter.channel);
	if (filter.shopId) c.add('o.shop_id = ?', filter.shopId);
	const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
	const rows = await ctx.driver.all<Record<string, string | number | null>>(
		`SELECT o.channel, o.shop_id, l.channel_sku_id, l.merchant_code, MAX(l.title) AS title, COUNT(*) AS line_count, MAX(o.created_ms) AS last_ms
		 FROM order_lines l JOIN orders o ON o.seq = l.order_seq
		 ${c.where}
		 GROUP BY o.channel, o.shop_id, l.channel_sku_id, l.merchant_code
		 ORDER BY line_count DESC, last_ms DESC LIMIT ?`,
		[...c.params, limit],
	);
	return rows.map((r) => ({
		channel: String(r.channel),
		shopId: String(r.shop_id),
		...(r.channel_sku_id !== null ? { channelSkuId: String(r.channel_sku_id) } : {}),
		...(r.merchant_code !== null ? { merchantCode: String(r.merchant_code) } : {}),
		title: String(r.title),
		lines: Number(r.line_count),
		lastSeenAt: isoAt(Number(r.last_ms)),
	}));
}

/** Which unmapped stored lines a change may resolve: by channel (or any) and SKU id or merchant code. */
interface LineMatch {
	channel?: string;
	column: 'channel_sku_id' | 'merchant_code';
	values: string[];
}

/** Back-fills stored lines that new mappings or master SKUs now resolve; one event per order. */
async function resolveStoredLines(ctx: StoreContext, tx: Sql, matches: readonly LineMatch[], actor: string): Promise<number> {
	const ids = new Set<string>();
	for (const match of matches) {
		const rows = await selectIn<{ order_id: string }>(
			tx,
			`SELECT DISTINCT o.id AS order_id FROM order_lines l JOIN orders o ON o.seq = l.order_seq
			 WHERE l.master_sku IS NULL AND ${match.channel ? 'o.channel = ?' : '1 = 1'} AND l.${match.column} IN ({in})`,
			match.values,
			match.channel ? [match.channel] : [],
		);
		for (const row of rows) ids.add(row.order_id);
	}
	if (!ids.size) return 0;
	const orders = await loadOrders(tx, [...ids]);
	const before = new Map([...orders.values()].map((o) => [o.id, o.lines.map((l) => l.masterSku)]));
	const count = await resolveOrderLines(ctx, tx, [...orders.values()]);
	if (!count) return 0;
	const now = ctx.now();
	const heads = await loadHeads(tx, ctx.driver.dialect, [...orders.keys()]);
	const records: OrderRecord[] = [];
	const events: EventRow[] = [];
	for (const order of orders.values()) {
		const was = before.get(order.id)!;
		const head = heads.get(order.id)!;
		if (order.lines.every((line, i) => line.masterSku === was[i])) continue;
		const { customerId, changedAt: _changedAt, cost: _cost, ...plain } = order;
		records.push({
			seq: head.seq,
			order: plain,
			channelStatus: head.channel_status,
			snapshotHash: head.snapshot_hash,
			local: parseLocal(head.local),
			customerId,
			changedMs: now,
		});
		const skus = (list: Array<string | undefined>) => ({
			masterSkus: Object.fromEntries(order.lines.map((l, i) => [l.lineId, list[i] ?? null])),
		});
		events.push({ orderId: order.id, atMs: now, actor, kind: 'sku_resolved', before: skus(was), after: skus(order.lines.map((l) => l.masterSku)) });
	}
	await writeOrders(tx, ctx.driver.dialect, { created: [], updated: records }, true, events);
	return count;
}

function pickMapping(mappings: Map<string, string>, q: SkuQuery): Pick<ResolvedSku, 'masterSku' | 'via'> | undefined {
	const tries: Array<[string, 'sku_id' | 'merchant_code', string | undefined]> = [
		[q.shopId, 'sku_id', q.channelSkuId],
		[ANY_SHOP, 'sku_id', q.channelSkuId],
		[q.shopId, 'merchant_code', q.merchantCode],
		[ANY_SHOP, 'merchant_code', q.merchantCode],
	];
	for (const [shop, kind, value] of tries) {
		const hit = value ? mappings.get(mappingKey(q.channel, shop, kind, value)) : undefined;
		if (hit) return { masterSku: hit, via: kind };
	}
	return undefined;
}

function mappingKey(channel: string, shopId: string, kind: string, value: string): string {
	return `${channel}\u0000${shopId}\u0000${kind}\u0000${value}`;
}

function mappingRows(m: SkuMapping): MappingRow[] {
	if (!m.channel || !m.masterSku || (!m.channelSkuId && !m.merchantCode)) {
		throw invalidInput('a SKU mapping needs channel, masterSku and a channelSkuId or merchantCode', { mapping: m });
	}
	const base = { channel: m.channel, shop_id: m.shopId ?? ANY_SHOP, master_sku: m.masterSku };
	const rows: MappingRow[] = [];
	if (m.channelSkuId) rows.push({ ...base, match_kind: 'sku_id', match_value: m.channelSkuId });
	if (m.merchantCode) rows.push({ ...base, match_kind: 'merchant_code', match_value: m.merchantCode });
	return rows;
}

function checkMasterSku(s: MasterSku): void {
	if (!s.sku || typeof s.title !== 'string') throw invalidInput('a master SKU needs sku and title', { sku: s.sku });
	if (s.cost !== undefined && !Number.isSafeInteger(s.cost)) throw invalidInput(`cost of ${s.sku} must be integer minor units`, { sku: s.sku });
	for (const c of s.components ?? []) {
		if (!c.sku || c.sku === s.sku || !Number.isSafeInteger(c.quantity) || c.quantity < 1) {
			throw invalidInput(`bundle ${s.sku} has an invalid component ${JSON.stringify(c)}`, { sku: s.sku });
		}
	}
}
