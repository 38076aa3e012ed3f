// Reserving stock for an order: atomic, idempotent per (order, line, master SKU), all or nothing per call.
// Availability is never taken below zero because the check and the change are one conditional UPDATE
// (RESERVE_STOCK_SQL) inside the write transaction: on PostgreSQL the row lock makes a concurrent reserver
// re-check against the committed value; on SQLite BEGIN IMMEDIATE admits one writer at a time.
import { actorOf, type StoreContext } from './context';
import { invalidInput, notFound } from './errors';
import { type LedgerRow, listWarehouses, type StockRow, writeLedger } from './inventory';
import { loadOrders } from './orderRows';
import { loadSkuFacts } from './skus';
import { insertRows, RetryTransaction, selectIn, type Sql } from './sql';
import { compareText, unique } from './util';
import type {
	OrderReservation,
	ReleaseOptions,
	ReleaseResult,
	ReservationRequest,
	ReservationResult,
	ReservedLine,
	ReserveOptions,
	Shortage,
	Warehouse,
	WriteOptions,
} from './types';

/** Takes `qty` into reserved only while on_hand - reserved - safety stays >= 0. Params: qty, now, warehouse, sku, qty. */
export const RESERVE_STOCK_SQL =
	'UPDATE stock SET reserved = reserved + ?, updated_ms = ? WHERE warehouse_id = ? AND master_sku = ? AND on_hand - reserved - safety >= ? RETURNING on_hand, reserved, safety';

interface ReservationRow {
	order_id: string;
	line_id: string;
	master_sku: string;
	warehouse_id: string;
	quantity: number;
	status: ReservedLine['status'];
}

/** Rolls the transaction back and carries the shortages out. */
class Shortfall extends Error {
	constructor(readonly result: ReservationResult) {
		super('not enough stock');
	}
}

export async function reserveForOrder(
	ctx: StoreContext,
	orderId: string,
	lines: readonly ReservationRequest[],
	options: ReserveOptions = {},
): Promise<ReservationResult> {
	checkRequests(orderId, lines);
	if (ctx.driver.dialect.name === 'postgres' && lines.length && new Set(lines.map((l) => l.masterSku)).size === lines.length) {
		const done = await reserveInOneStatement(ctx, orderId, lines, options);
		if (done) return done;
	}
	try {
		return await ctx.driver.write((tx) => reserveWithin(ctx, tx, orderId, lines, options));
	} catch (err) {
		if (err instanceof Shortfall) return err.result;
		throw err;
	}
}

/**
 * PostgreSQL: the whole reservation of an order as one statement in its own transaction, so the stock rows
 * stay locked only while that statement runs and commits (one round trip, no client think time in between).
 * It locks the candidate stock rows in (SKU, warehouse) order, picks per line the first candidate warehouse
 * with enough available, and only when every line not reserved before has one, claims the lines, takes the
 * units and writes the ledger. Lines must name distinct SKUs (each stock row changes once). Returns
 * undefined when it wrote nothing for a reason the transactional path must report exactly (shortage, unknown
 * order, a concurrent claim of the same line, a lock conflict): that path then runs as before.
 */
async function reserveInOneStatement(
	ctx: StoreContext,
	orderId: string,
	lines: readonly ReservationRequest[],
	options: ReserveOptions,
): Promise<ReservationResult | undefined> {
	const requests = lines.map((l) => ({ line_id: l.lineId, master_sku: l.masterSku, qty: l.quantity, wh: l.warehouseId ?? null }));
	let row: OneStatementRow | undefined;
	try {
		row = await ctx.driver.get<OneStatementRow>(RESERVE_ORDER_PG_SQL, [
			orderId,
			ctx.now(),
			actorOf(options),
			options.region ?? null,
			options.channel ?? null,
			JSON.stringify(requests),
		]);
	} catch (err) {
		if (['40001', '40P01'].includes((err as { code?: string }).code ?? '')) return undefined;
		throw err;
	}
	if (!row) return undefined;
	const had = (row.had ?? []) as ReservationRow[];
	const claimed = (row.claimed ?? []) as ReservationRow[];
	if (claimed.length !== Number(row.todo)) return undefined;
	const out: ReservedLine[] = [...had.map((r) => toLine(r, false)), ...claimed.map((r) => toLine({ ...r, status: 'active' }, true))];
	out.sort((a, b) => compareText(a.masterSku, b.masterSku) || compareText(a.lineId, b.lineId));
	return { orderId, ok: true, lines: out, shortages: [] };
}

interface OneStatementRow {
	todo: number;
	had: unknown[] | null;
	claimed: unknown[] | null;
}

/** Params: order id, now, actor, region, channel, lines as JSON [{line_id, master_sku, qty, wh}]. */
const RESERVE_ORDER_PG_SQL = `WITH p AS (
	SELECT ?::text AS order_id, ?::bigint AS now_ms, ?::text AS actor, ?::text AS region, ?::text AS channel, ?::json AS lines
), req AS (
	SELECT r.line_id, r.master_sku, r.qty, r.wh FROM p, json_to_recordset(p.lines) AS r(line_id text, master_sku text, qty bigint, wh text)
), had AS (
	SELECT res.line_id, res.master_sku, res.warehouse_id, res.quantity, res.status
	FROM reservations res JOIN req ON res.line_id = req.line_id AND res.master_sku = req.master_sku, p
	WHERE res.order_id = p.order_id
), todo AS (
	SELECT req.* FROM req WHERE NOT EXISTS (SELECT 1 FROM had WHERE had.line_id = req.line_id AND had.master_sku = req.master_sku)
), wh AS (
	SELECT w.id, row_number() OVER (ORDER BY w.priority, w.id) AS rank
	FROM warehouses w, p
	WHERE w.active = 1
		AND (p.region IS NULL OR w.regions::jsonb = '[]'::jsonb OR w.regions::jsonb @> jsonb_build_array(p.region))
		AND (p.channel IS NULL OR w.channels::jsonb = '[]'::jsonb OR w.channels::jsonb @> jsonb_build_array(p.channel))
), cand AS (
	SELECT t.line_id, t.master_sku, t.qty, t.wh AS warehouse_id, 0::bigint AS rank FROM todo t WHERE t.wh IS NOT NULL
	UNION ALL
	SELECT t.line_id, t.master_sku, t.qty, wh.id, wh.rank FROM todo t, wh WHERE t.wh IS NULL
), locked AS (
	SELECT s.warehouse_id, s.master_sku, s.on_hand - s.reserved - s.safety AS available
	FROM stock s
	WHERE (s.warehouse_id, s.master_sku) IN (SELECT warehouse_id, master_sku FROM cand)
	ORDER BY s.master_sku, s.warehouse_id
	FOR UPDATE
), pick AS (
	SELECT DISTINCT ON (c.line_id, c.master_sku) c.line_id, c.master_sku, c.qty, c.warehouse_id
	FROM cand c JOIN locked l ON l.warehouse_id = c.warehouse_id AND l.master_sku = c.master_sku
	WHERE l.available >= c.qty
	ORDER BY c.line_id, c.master_sku, c.rank
), go AS (
	SELECT (SELECT count(*) FROM pick) = (SELECT count(*) FROM todo) AND EXISTS (SELECT 1 FROM orders o, p WHERE o.id = p.order_id) AS ok
), claim AS (
	INSERT INTO reservations (order_id, line_id, master_sku, warehouse_id, quantity, status, created_ms, updated_ms)
	SELECT p.order_id, pick.line_id, pick.master_sku, pick.warehouse_id, pick.qty, 'active', p.now_ms, p.now_ms
	FROM pick, p WHERE (SELECT ok FROM go)
	ON CONFLICT (order_id, line_id, master_sku) DO NOTHING
	RETURNING line_id, master_sku, warehouse_id, quantity
), moved AS (
	UPDATE stock s SET reserved = s.reserved + c.quantity, updated_ms = p.now_ms
	FROM claim c, p
	WHERE s.warehouse_id = c.warehouse_id AND s.master_sku = c.master_sku AND s.on_hand - s.reserved - s.safety >= c.quantity
	RETURNING s.warehouse_id, s.master_sku, s.on_hand, s.reserved, s.safety
), logged AS (
	INSERT INTO stock_ledger (warehouse_id, master_sku, kind, delta_on_hand, delta_reserved, on_hand_after, reserved_after, safety_after, reason, order_id, line_id, actor, at_ms)
	SELECT m.warehouse_id, m.master_sku, 'reserve', 0, c.quantity, m.on_hand, m.reserved, m.safety, NULL, p.order_id, c.line_id, p.actor, p.now_ms
	FROM moved m JOIN claim c ON c.warehouse_id = m.warehouse_id AND c.master_sku = m.master_sku, p
	ORDER BY m.master_sku, c.line_id
	RETURNING 1
)
SELECT (SELECT count(*) FROM todo) AS todo,
	(SELECT json_agg(had) FROM had) AS had,
	(SELECT json_agg(c) FROM claim c JOIN moved m ON m.warehouse_id = c.warehouse_id AND m.master_sku = c.master_sku) AS claimed,
	(SELECT count(*) FROM logged) AS logged`;

async function reserveWithin(
	ctx: StoreContext,
	tx: Sql,
	orderId: string,
	lines: readonly ReservationRequest[],
	options: ReserveOptions,
): Promise<ReservationResult> {
	const now = ctx.now();
	if (!lines.length && !(await tx.get('SELECT id FROM orders WHERE id = ?', [orderId]))) throw notFound('order', orderId);
	const warehouses = (await listWarehouses(tx)).filter(
		(w) =>
			w.active &&
			(!options.region || !w.regions?.length || w.regions.includes(options.region)) &&
			(!options.channel || !w.channels?.length || w.channels.includes(options.channel)),
	);
	const result: ReservationResult = { orderId, ok: true, lines: [], shortages: [] };
	const ledger: LedgerRow[] = [];
	// One lock order for every transaction (by SKU, then line), so concurrent orders cannot deadlock.
	const todo = [...lines].sort((a, b) => compareText(a.masterSku, b.masterSku) || compareText(a.lineId, b.lineId));
	for (const line of todo) {
		const tried = line.warehouseId ? [line.warehouseId] : warehouses.map((w) => w.id);
		// Claim the line first (only for a stored order): a concurrent reserver of the same line waits
		// here for the first one to commit, then finds the line taken, before either touches stock.
		const claimed = await tx.run(
			`INSERT INTO reservations (order_id, line_id, master_sku, warehouse_id, quantity, status, created_ms, updated_ms)
			 SELECT ?, ?, ?, ?, ?, 'active', ?, ? WHERE EXISTS (SELECT 1 FROM orders WHERE id = ?)
			 ON CONFLICT (order_id, line_id, master_sku) DO NOTHING`,
			[orderId, line.lineId, line.masterSku, tried[0] ?? '', line.quantity, now, now, orderId],
		);
		if (!claimed) {
			const found = await tx.get<ReservationRow>(
				'SELECT line_id, master_sku, warehouse_id, quantity, status FROM reservations WHERE order_id = ? AND line_id = ? AND master_sku = ?',
				[orderId, line.lineId, line.masterSku],
			);
			if (!found) throw notFound('order', orderId);
			result.lines.push(toLine(found, false));
			continue;
		}
		if (!tried.length) {
			result.shortages.push({ lineId: line.lineId, masterSku: line.masterSku, quantity: line.quantity, available: 0 });
			continue;
		}
		let reserved: { warehouseId: string; after: StockRow } | undefined;
		for (const warehouseId of tried) {
			const after = await tx.get<StockRow>(RESERVE_STOCK_SQL, [line.quantity, now, warehouseId, line.masterSku, line.quantity]);
			if (after) {
				reserved = { warehouseId, after };
				break;
			}
		}
		if (!reserved) {
			result.shortages.push(await shortageOf(tx, line, tried));
			continue;
		}
		if (reserved.warehouseId !== tried[0]) {
			await tx.run('UPDATE reservations SET warehouse_id = ? WHERE order_id = ? AND line_id = ? AND master_sku = ?', [
				reserved.warehouseId,
				orderId,
				line.lineId,
				line.masterSku,
			]);
		}
		ledger.push({
			warehouseId: reserved.warehouseId,
			masterSku: line.masterSku,
			kind: 'reserve',
			deltaOnHand: 0,
			deltaReserved: line.quantity,
			after: reserved.after,
			orderId,
			lineId: line.lineId,
		});
		result.lines.push({ lineId: line.lineId, masterSku: line.masterSku, quantity: line.quantity, warehouseId: reserved.warehouseId, status: 'active', new: true });
	}
	if (result.shortages.length) throw new Shortfall({ ...result, ok: false, lines: result.lines.filter((l) => !l.new) });
	await writeLedger(ctx, tx, ledger, actorOf(options), now);
	return result;
}

/**
 * Many orders in one write transaction. The stock rows of every SKU involved are locked up front in
 * (SKU, warehouse) order, the same order every reserving transaction uses, so batches cannot deadlock each
 * other; each order is then decided in memory against the locked values (all or nothing, earlier orders
 * first) and the claims, stock changes and ledger rows are written as a few set-based statements.
 */
export async function reserveForOrders(ctx: StoreContext, orders: readonly OrderReservation[], options: WriteOptions = {}): Promise<ReservationResult[]> {
	const seen = new Set<string>();
	for (const order of orders) {
		checkRequests(order.orderId, order.lines);
		if (seen.has(order.orderId)) throw invalidInput(`order ${order.orderId} is listed twice in one batch reservation`, { orderId: order.orderId });
		seen.add(order.orderId);
	}
	if (!orders.length) return [];
	return ctx.driver.write(async (tx) => {
		const now = ctx.now();
		const ids = orders.map((o) => o.orderId);
		const stored = new Set((await selectIn<{ id: string }>(tx, 'SELECT id FROM orders WHERE id IN ({in})', ids)).map((r) => r.id));
		const unknown = ids.find((id) => !stored.has(id));
		if (unknown) throw notFound('order', unknown);
		const had = new Map<string, ReservationRow>();
		const existing = await selectIn<ReservationRow>(tx, 'SELECT order_id, line_id, master_sku, warehouse_id, quantity, status FROM reservations WHERE order_id IN ({in})', ids);
		for (const row of existing) had.set(`${row.order_id}\u0000${reservationKey(row.line_id, row.master_sku)}`, row);
		const warehouses = await listWarehouses(tx);
		const skus = unique(orders.flatMap((o) => o.lines.map((l) => l.masterSku))).sort(compareText);
		const stock = new Map<string, StockRow>();
		const locked = await selectIn<StockRow>(
			tx,
			`SELECT warehouse_id, master_sku, on_hand, reserved, safety FROM stock WHERE master_sku IN ({in}) ORDER BY master_sku, warehouse_id${ctx.driver.dialect.forUpdate}`,
			skus,
		);
		for (const row of locked) stock.set(stockKey(row.warehouse_id, row.master_sku), { ...row, on_hand: Number(row.on_hand), reserved: Number(row.reserved), safety: Number(row.safety) });
		const available = (warehouseId: string, sku: string, pending: Map<string, number>) => {
			const row = stock.get(stockKey(warehouseId, sku));
			return row ? row.on_hand - row.reserved - row.safety - (pending.get(stockKey(warehouseId, sku)) ?? 0) : 0;
		};

		const results: ReservationResult[] = [];
		const claims: unknown[][] = [];
		const ledger: LedgerRow[] = [];
		const touched = new Set<string>();
		for (const order of orders) {
			const tried = candidates(warehouses, order);
			const result: ReservationResult = { orderId: order.orderId, ok: true, lines: [], shortages: [] };
			const pending = new Map<string, number>();
			const picked: Array<{ line: ReservationRequest; warehouseId: string }> = [];
			const todo = [...order.lines].sort((a, b) => compareText(a.masterSku, b.masterSku) || compareText(a.lineId, b.lineId));
			for (const line of todo) {
				const before = had.get(`${order.orderId}\u0000${reservationKey(line.lineId, line.masterSku)}`);
				if (before) {
					result.lines.push(toLine(before, false));
					continue;
				}
				const options = line.warehouseId ? [line.warehouseId] : tried;
				const warehouseId = options.find((w) => available(w, line.masterSku, pending) >= line.quantity);
				if (warehouseId === undefined) {
					const best = Math.max(0, ...options.map((w) => available(w, line.masterSku, pending)));
					result.shortages.push({ lineId: line.lineId, masterSku: line.masterSku, quantity: line.quantity, available: best });
					continue;
				}
				const key = stockKey(warehouseId, line.masterSku);
				pending.set(key, (pending.get(key) ?? 0) + line.quantity);
				picked.push({ line, warehouseId });
				result.lines.push({ lineId: line.lineId, masterSku: line.masterSku, quantity: line.quantity, warehouseId, status: 'active', new: true });
			}
			if (result.shortages.length) {
				results.push({ ...result, ok: false, lines: result.lines.filter((l) => !l.new) });
				continue;
			}
			for (const { line, warehouseId } of picked) {
				const row = stock.get(stockKey(warehouseId, line.masterSku))!;
				row.reserved += line.quantity;
				touched.add(stockKey(warehouseId, line.masterSku));
				claims.push([order.orderId, line.lineId, line.masterSku, warehouseId, line.quantity, 'active', now, now]);
				ledger.push({
					warehouseId,
					masterSku: line.masterSku,
					kind: 'reserve',
					deltaOnHand: 0,
					deltaReserved: line.quantity,
					after: { ...row },
					orderId: order.orderId,
					lineId: line.lineId,
				});
			}
			results.push(result);
		}
		const claimed = await insertRows(
			tx,
			ctx.driver.dialect,
			'reservations',
			['order_id', 'line_id', 'master_sku', 'warehouse_id', 'quantity', 'status', 'created_ms', 'updated_ms'],
			claims,
			' ON CONFLICT (order_id, line_id, master_sku) DO NOTHING',
		);
		// A line claimed by another transaction since it was read: decide again from the start.
		if (claimed !== claims.length) throw new RetryTransaction('a reservation line was claimed by another writer');
		for (const key of [...touched].sort()) {
			const row = stock.get(key)!;
			await tx.run('UPDATE stock SET reserved = ?, updated_ms = ? WHERE warehouse_id = ? AND master_sku = ?', [row.reserved, now, row.warehouse_id, row.master_sku]);
		}
		await writeLedger(ctx, tx, ledger, actorOf(options), now);
		return results;
	});
}

/** Active warehouses serving the order's region and channel, by priority. */
function candidates(warehouses: readonly Warehouse[], options: { region?: string; channel?: string }): string[] {
	return warehouses
		.filter(
			(w) =>
				w.active &&
				(!options.region || !w.regions?.length || w.regions.includes(options.region)) &&
				(!options.channel || !w.channels?.length || w.channels.includes(options.channel)),
		)
		.map((w) => w.id);
}

function stockKey(warehouseId: string, sku: string): string {
	return `${warehouseId}\u0000${sku}`;
}

export async function release(ctx: StoreContext, orderId: string, options: ReleaseOptions): Promise<ReleaseResult> {
	if (!['cancel', 'refund', 'ship'].includes(options.reason)) throw invalidInput(`release reason must be cancel, refund or ship, got ${JSON.stringify(options.reason)}`);
	return ctx.driver.write(async (tx) => {
		const now = ctx.now();
		const wanted = options.lineIds ? new Set(options.lineIds) : undefined;
		const rows = (await activeOrAny(ctx, tx, orderId)).filter((r) => r.status === 'active' && (!wanted || wanted.has(r.line_id)));
		const ship = options.reason === 'ship';
		const ledger: LedgerRow[] = [];
		const lines: ReservedLine[] = [];
		for (const row of rows.sort((a, b) => compareText(a.master_sku, b.master_sku) || compareText(a.line_id, b.line_id))) {
			const quantity = Number(row.quantity);
			const after = (await tx.get<StockRow>(
				`UPDATE stock SET reserved = reserved - ?, on_hand = on_hand - ?, updated_ms = ? WHERE warehouse_id = ? AND master_sku = ? RETURNING on_hand, reserved, safety`,
				[quantity, ship ? quantity : 0, now, row.warehouse_id, row.master_sku],
			))!;
			const status = ship ? 'shipped' : 'released';
			await tx.run('UPDATE reservations SET status = ?, reason = ?, updated_ms = ? WHERE order_id = ? AND line_id = ? AND master_sku = ?', [
				status,
				options.reason,
				now,
				orderId,
				row.line_id,
				row.master_sku,
			]);
			ledger.push({
				warehouseId: row.warehouse_id,
				masterSku: row.master_sku,
				kind: ship ? 'ship' : 'release',
				deltaOnHand: ship ? -quantity : 0,
				deltaReserved: -quantity,
				after,
				reason: options.reason,
				orderId,
				lineId: row.line_id,
			});
			lines.push({ ...toLine(row, true), status });
		}
		await writeLedger(ctx, tx, ledger, actorOf(options), now);
		return { orderId, lines };
	});
}

/** An order's lines as reservation requests: bundles expanded, refunded lines left out. */
export async function reservationLinesFor(ctx: StoreContext, orderId: string): Promise<ReservationRequest[]> {
	return ctx.driver.read(async (tx) => {
		const order = (await loadOrders(tx, [orderId])).get(orderId);
		if (!order) throw notFound('order', orderId);
		const lines = order.lines.filter((l) => l.refundState !== 'refunded');
		const unmapped = lines.filter((l) => !l.masterSku).map((l) => l.lineId);
		if (unmapped.length) throw invalidInput(`order ${orderId} has lines without a master SKU: ${unmapped.join(', ')}`, { orderId, unmapped });
		const facts = await loadSkuFacts(tx, lines.map((l) => l.masterSku!));
		return lines.flatMap((l) => {
			const parts = facts.get(l.masterSku!)?.components ?? [{ sku: l.masterSku!, quantity: 1 }];
			return parts.map((c) => ({ lineId: l.lineId, masterSku: c.sku, quantity: l.quantity * c.quantity }));
		});
	});
}

async function activeOrAny(ctx: StoreContext, tx: Sql, orderId: string): Promise<ReservationRow[]> {
	return tx.all<ReservationRow>(
		`SELECT order_id, line_id, master_sku, warehouse_id, quantity, status FROM reservations WHERE order_id = ? ORDER BY master_sku, line_id${ctx.driver.dialect.forUpdate}`,
		[orderId],
	);
}

async function shortageOf(tx: Sql, line: ReservationRequest, warehouseIds: string[]): Promise<Shortage> {
	let best = 0;
	for (const id of warehouseIds) {
		const row = await tx.get<StockRow>('SELECT on_hand, reserved, safety FROM stock WHERE warehouse_id = ? AND master_sku = ?', [id, line.masterSku]);
		if (row) best = Math.max(best, Number(row.on_hand) - Number(row.reserved) - Number(row.safety));
	}
	return { lineId: line.lineId, masterSku: line.masterSku, quantity: line.quantity, available: best };
}

function checkRequests(orderId: string, lines: readonly ReservationRequest[]): void {
	if (!orderId) throw invalidInput('reserveForOrder needs an order id');
	const seen = new Set<string>();
	for (const line of lines) {
		if (!line.lineId || !line.masterSku || !Number.isSafeInteger(line.quantity) || line.quantity < 1) {
			throw invalidInput(`order ${orderId}: a reservation line needs lineId, masterSku and a positive integer quantity`, { line });
		}
		const key = reservationKey(line.lineId, line.masterSku);
		if (seen.has(key)) throw invalidInput(`order ${orderId}: line ${line.lineId} / ${line.masterSku} is listed twice`, { line });
		seen.add(key);
	}
}

function toLine(row: ReservationRow, isNew: boolean): ReservedLine {
	return { lineId: row.line_id, masterSku: row.master_sku, quantity: Number(row.quantity), warehouseId: row.warehouse_id, status: row.status, new: isNew };
}

function reservationKey(lineId: string, masterSku: string): string {
	return `${lineId}\u0000${masterSku}`;
}
