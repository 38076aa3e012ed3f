// Warehouses, stock levels and the stock ledger. Every movement of on_hand or reserved writes one ledger
// row in the same transaction, so for each (warehouse, SKU) the ledger's deltas sum to the stock row.
import { actorOf, isoAt, parseJsonColumn, type StoreContext } from './context';
import { invalidInput, notFound } from './errors';
import { unique } from './util';
import { loadSkuFacts, type SkuFacts } from './skus';
import { Conditions, insertRows, placeholders, type Sql } from './sql';
import type {
	AdjustEntry,
	AvailabilityQuery,
	LedgerEntry,
	LedgerQuery,
	OnHandEntry,
	SkuAvailability,
	StockLevel,
	Warehouse,
	WriteOptions,
} from './types';

const LEDGER_COLUMNS = [
	'warehouse_id',
	'master_sku',
	'kind',
	'delta_on_hand',
	'delta_reserved',
	'on_hand_after',
	'reserved_after',
	'safety_after',
	'reason',
	'order_id',
	'line_id',
	'actor',
	'at_ms',
];

export interface StockRow {
	warehouse_id: string;
	master_sku: string;
	on_hand: number;
	reserved: number;
	safety: number;
}

export interface LedgerRow {
	warehouseId: string;
	masterSku: string;
	kind: 'set' | 'adjust' | 'reserve' | 'release' | 'ship';
	deltaOnHand: number;
	deltaReserved: number;
	after: { on_hand: number; reserved: number; safety: number };
	reason?: string | null;
	orderId?: string | null;
	lineId?: string | null;
}

export async function writeLedger(ctx: StoreContext, tx: Sql, rows: readonly LedgerRow[], actor: string, nowMs: number): Promise<void> {
	await insertRows(
		tx,
		ctx.driver.dialect,
		'stock_ledger',
		LEDGER_COLUMNS,
		rows.map((r) => [
			r.warehouseId,
			r.masterSku,
			r.kind,
			r.deltaOnHand,
			r.deltaReserved,
			r.after.on_hand,
			r.after.reserved,
			r.after.safety,
			r.reason ?? null,
			r.orderId ?? null,
			r.lineId ?? null,
			actor,
			nowMs,
		]),
	);
}

export async function upsertWarehouses(ctx: StoreContext, warehouses: readonly Warehouse[], _options?: WriteOptions): Promise<number> {
	for (const w of warehouses) if (!w.id || !w.name) throw invalidInput('a warehouse needs id and name', { warehouse: w });
	const now = ctx.now();
	const columns = ['id', 'name', 'priority', 'regions', 'channels', 'active', 'updated_ms'];
	const rows = warehouses.map((w) => [w.id, w.name, w.priority ?? 100, JSON.stringify(w.regions ?? []), JSON.stringify(w.channels ?? []), w.active === false ? 0 : 1, now]);
	const update = columns.slice(1).map((c) => `${c} = excluded.${c}`).join(', ');
	return ctx.driver.write((tx) => insertRows(tx, ctx.driver.dialect, 'warehouses', columns, rows, ` ON CONFLICT (id) DO UPDATE SET ${update}`));
}

export async function listWarehouses(tx: Sql): Promise<Warehouse[]> {
	const rows = await tx.all<Record<string, string | number>>('SELECT * FROM warehouses ORDER BY priority, id');
	return rows.map((r) => ({
		id: String(r.id),
		name: String(r.name),
		priority: Number(r.priority),
		regions: parseJsonColumn<string[]>(r.regions, []),
		channels: parseJsonColumn<string[]>(r.channels, []),
		active: Number(r.active) === 1,
	}));
}

export async function setOnHand(ctx: StoreContext, entries: readonly OnHandEntry[], options: WriteOptions & { reason?: string } = {}): Promise<StockLevel[]> {
	for (const e of entries) {
		checkQuantity(e.onHand, 'onHand', e, 0);
		if (e.safety !== undefined) checkQuantity(e.safety, 'safety', e, 0);
	}
	return ctx.driver.write(async (tx) => {
		const now = ctx.now();
		const ledger: LedgerRow[] = [];
		const levels: StockLevel[] = [];
		for (const e of entries) {
			const before = await lockStock(ctx, tx, e.warehouseId, e.masterSku, now);
			const after = (await tx.get<StockRow>(
				'UPDATE stock SET on_hand = ?, safety = ?, updated_ms = ? WHERE warehouse_id = ? AND master_sku = ? RETURNING *',
				[e.onHand, e.safety ?? before.safety, now, e.warehouseId, e.masterSku],
			))!;
			ledger.push({ ...keyOf(e), kind: 'set', deltaOnHand: after.on_hand - before.on_hand, deltaReserved: 0, after, reason: options.reason ?? 'count' });
			levels.push(toLevel(after));
		}
		await writeLedger(ctx, tx, ledger, actorOf(options), now);
		return levels;
	});
}

export async function adjustStock(ctx: StoreContext, entries: readonly AdjustEntry[], options?: WriteOptions): Promise<StockLevel[]> {
	for (const e of entries) {
		if (!Number.isSafeInteger(e.delta)) throw invalidInput(`delta for ${e.masterSku} must be an integer`, { entry: e });
		if (!e.reason) throw invalidInput(`an adjustment of ${e.masterSku} needs a reason`, { entry: e });
	}
	return ctx.driver.write(async (tx) => {
		const now = ctx.now();
		const ledger: LedgerRow[] = [];
		const levels: StockLevel[] = [];
		for (const e of entries) {
			await lockStock(ctx, tx, e.warehouseId, e.masterSku, now);
			const after = await tx.get<StockRow>(
				'UPDATE stock SET on_hand = on_hand + ?, updated_ms = ? WHERE warehouse_id = ? AND master_sku = ? AND on_hand + ? >= 0 RETURNING *',
				[e.delta, now, e.warehouseId, e.masterSku, e.delta],
			);
			if (!after) throw invalidInput(`adjusting ${e.masterSku} in ${e.warehouseId} by ${e.delta} would make on_hand negative`, { entry: e });
			ledger.push({ ...keyOf(e), kind: 'adjust', deltaOnHand: e.delta, deltaReserved: 0, after, reason: e.reason });
			levels.push(toLevel(after));
		}
		await writeLedger(ctx, tx, ledger, actorOf(options), now);
		return levels;
	});
}

export async function availability(ctx: StoreContext, query: AvailabilityQuery = {}): Promise<SkuAvailability[]> {
	return ctx.driver.read(async (tx) => {
		const facts = query.masterSkus ? await loadSkuFacts(tx, query.masterSkus) : new Map<string, SkuFacts>();
		const components = unique([...facts.values()].flatMap((f) => f.components?.map((c) => c.sku) ?? []));
		const skus = query.masterSkus ? unique([...query.masterSkus, ...components]) : undefined;
		const c = new Conditions().add('w.active = 1');
		if (skus) c.add(`s.master_sku IN (${placeholders(skus.length)})`, ...skus);
		if (query.warehouseId) c.add('s.warehouse_id = ?', query.warehouseId);
		const rows = skus?.length === 0 ? [] : await tx.all<StockRow & { channels: string }>(
			`SELECT s.warehouse_id, s.master_sku, s.on_hand, s.reserved, s.safety, w.channels FROM stock s
			 JOIN warehouses w ON w.id = s.warehouse_id ${c.where} ORDER BY s.master_sku, w.priority, s.warehouse_id`,
			c.params,
		);
		const bySku = new Map<string, SkuAvailability>();
		for (const row of rows) {
			const channels = parseJsonColumn<string[]>(row.channels, []);
			if (query.channel && channels.length && !channels.includes(query.channel)) continue;
			const level = toLevel(row);
			const entry = bySku.get(level.masterSku) ?? { masterSku: level.masterSku, onHand: 0, reserved: 0, safety: 0, available: 0, warehouses: [] };
			entry.onHand += level.onHand;
			entry.reserved += level.reserved;
			entry.safety += level.safety;
			entry.available += Math.max(0, level.available);
			entry.warehouses.push(level);
			bySku.set(level.masterSku, entry);
		}
		if (!query.masterSkus) return [...bySku.values()];
		return query.masterSkus.map((sku) => {
			const parts = facts.get(sku)?.components;
			if (!parts) return bySku.get(sku) ?? { masterSku: sku, onHand: 0, reserved: 0, safety: 0, available: 0, warehouses: [] };
			// A bundle is as available as its scarcest component allows.
			const available = Math.min(...parts.map((c) => Math.floor((bySku.get(c.sku)?.available ?? 0) / c.quantity)));
			return { masterSku: sku, onHand: 0, reserved: 0, safety: 0, available, warehouses: [], bundle: true };
		});
	});
}

export async function ledger(ctx: StoreContext, query: LedgerQuery = {}): Promise<LedgerEntry[]> {
	const c = new Conditions().add('id > ?', query.afterId ?? 0);
	if (query.masterSku) c.add('master_sku = ?', query.masterSku);
	if (query.warehouseId) c.add('warehouse_id = ?', query.warehouseId);
	if (query.orderId) c.add('order_id = ?', query.orderId);
	const limit = Math.min(Math.max(query.limit ?? 1000, 1), 10000);
	const rows = await ctx.driver.all<Record<string, string | number | null>>(`SELECT * FROM stock_ledger ${c.where} ORDER BY id LIMIT ?`, [
		...c.params,
		limit,
	]);
	return rows.map((r) => ({
		id: Number(r.id),
		warehouseId: String(r.warehouse_id),
		masterSku: String(r.master_sku),
		kind: String(r.kind),
		deltaOnHand: Number(r.delta_on_hand),
		deltaReserved: Number(r.delta_reserved),
		onHandAfter: Number(r.on_hand_after),
		reservedAfter: Number(r.reserved_after),
		safetyAfter: Number(r.safety_after),
		...(r.reason !== null ? { reason: String(r.reason) } : {}),
		...(r.order_id !== null ? { orderId: String(r.order_id) } : {}),
		...(r.line_id !== null ? { lineId: String(r.line_id) } : {}),
		actor: String(r.actor),
		at: isoAt(Number(r.at_ms)),
	}));
}

/** The stock row, created at zero when missing, locked until commit. */
async function lockStock(ctx: StoreContext, tx: Sql, warehouseId: string, masterSku: string, nowMs: number): Promise<StockRow> {
	const warehouse = await tx.get('SELECT id FROM warehouses WHERE id = ?', [warehouseId]);
	if (!warehouse) throw notFound('warehouse', warehouseId);
	await tx.run(
		'INSERT INTO stock (warehouse_id, master_sku, on_hand, reserved, safety, updated_ms) VALUES (?, ?, 0, 0, 0, ?) ON CONFLICT (warehouse_id, master_sku) DO NOTHING',
		[warehouseId, masterSku, nowMs],
	);
	return (await tx.get<StockRow>(`SELECT * FROM stock WHERE warehouse_id = ? AND master_sku = ?${ctx.driver.dialect.forUpdate}`, [warehouseId, masterSku]))!;
}

export function toLevel(row: StockRow): StockLevel {
	const onHand = Number(row.on_hand);
	const reserved = Number(row.reserved);
	const safety = Number(row.safety);
	return { warehouseId: row.warehouse_id, masterSku: row.master_sku, onHand, reserved, safety, available: onHand - reserved - safety };
}

function keyOf(e: { warehouseId: string; masterSku: string }): { warehouseId: string; masterSku: string } {
	if (!e.warehouseId || !e.masterSku) throw invalidInput('a stock entry needs warehouseId and masterSku', { entry: e });
	return { warehouseId: e.warehouseId, masterSku: e.masterSku };
}

function checkQuantity(value: number, name: string, entry: object, min: number): void {
	if (!Number.isSafeInteger(value) || value < min) throw invalidInput(`${name} must be an integer >= ${min}`, { entry });
}
