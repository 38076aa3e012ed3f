// report(): KPIs for a time range in one read snapshot: orders per channel and shop, paid-to-shipped time,
// audit holds, error rate, unmapped SKUs and stock the channels show differently from the store.
import { instantOf, isoAt, type StoreContext } from './context';
import { invalidInput } from './errors';
import { availability } from './inventory';
import { listPushLedger } from './pushLedger';
import { listUnmappedSkus } from './skus';
import { Conditions, type Sql } from './sql';
import type { PaidToShipped, ReportChannelRow, ReportQuery, StockMismatch, StoreReport } from './reportTypes';

export const DEFAULT_REPORT_TOP = 10;
/** Statuses an order has once (part of) it left the warehouse. */
export const SHIPPED_STATUSES = ['partially_shipped', 'shipped', 'delivered', 'completed'] as const;

const HOUR_MS = 3_600_000;
const SHIPPED_AT = { sqlite: "json_extract(o.data, '$.shippedAt')", postgres: "((o.data::json) ->> 'shippedAt')" } as const;

export async function report(ctx: StoreContext, query: ReportQuery): Promise<StoreReport> {
	const from = rangeMillis(query.from, 'from');
	const to = rangeMillis(query.to, 'to');
	if (to <= from) throw invalidInput('the report range must end after it starts');
	const top = Math.min(Math.max(Math.trunc(query.top ?? DEFAULT_REPORT_TOP), 1), 100);
	const filter = { ...(query.channel ? { channel: query.channel } : {}), ...(query.shopId ? { shopId: query.shopId } : {}) };
	const generatedAt = isoAt(ctx.now());
	const base = await ctx.driver.read(async (tx) => {
		const perChannel = await ordersPerChannel(tx, query, from, to);
		const total = perChannel.reduce((n, r) => n + r.orders, 0);
		return {
			orders: { total, paid: perChannel.reduce((n, r) => n + r.paid, 0), perChannel },
			paidToShipped: await paidToShipped(ctx, tx, query, from, to),
			audit: await audit(tx, query, from, to),
			errors: await errors(tx, query, from, to, total, top),
			unmappedLines: await unmappedTotals(tx, query),
		};
	});
	const unmapped = await listUnmappedSkus(ctx, { channel: query.channel, shopId: query.shopId, limit: top });
	return {
		from: isoAt(from),
		to: isoAt(to),
		generatedAt,
		filter,
		orders: base.orders,
		paidToShipped: base.paidToShipped,
		audit: base.audit,
		errors: base.errors,
		unmappedSkus: { count: base.unmappedLines.count, lines: base.unmappedLines.lines, top: unmapped },
		stock: await stockMismatches(ctx, query, top),
	};
}

function rangeMillis(value: unknown, name: string): number {
	try {
		return instantOf(String(value ?? ''));
	} catch {
		throw invalidInput(`report ${name} must be an ISO-8601 date-time with offset, got ${JSON.stringify(value)}`);
	}
}

function scoped(query: ReportQuery, prefix = ''): Conditions {
	const c = new Conditions();
	if (query.channel) c.add(`${prefix}channel = ?`, query.channel);
	if (query.shopId) c.add(`${prefix}shop_id = ?`, query.shopId);
	return c;
}

async function ordersPerChannel(tx: Sql, query: ReportQuery, from: number, to: number): Promise<ReportChannelRow[]> {
	const c = scoped(query).add('created_ms >= ?', from).add('created_ms < ?', to);
	const rows = await tx.all<Record<string, string | number>>(
		`SELECT channel, shop_id, currency, COUNT(*) AS n, SUM(paid_total) AS paid,
		   SUM(CASE WHEN status = 'cancelled' THEN 1 ELSE 0 END) AS cancelled,
		   SUM(CASE WHEN refund_state <> 'none' THEN 1 ELSE 0 END) AS refunds
		 FROM orders ${c.where} GROUP BY channel, shop_id, currency ORDER BY channel, shop_id, currency`,
		c.params,
	);
	return rows.map((r) => ({
		channel: String(r.channel),
		shopId: String(r.shop_id),
		currency: String(r.currency),
		orders: Number(r.n),
		paid: Number(r.paid ?? 0),
		cancelled: Number(r.cancelled ?? 0),
		refunds: Number(r.refunds ?? 0),
	}));
}

/**
 * Orders that shipped inside the range: the channel's shippedAt, else when the store first saw them shipped.
 * Shipping changes an order, so candidates are read through the changed-at index.
 */
async function paidToShipped(ctx: StoreContext, tx: Sql, query: ReportQuery, from: number, to: number): Promise<PaidToShipped> {
	const statuses = SHIPPED_STATUSES.map(() => '?').join(', ');
	const c = scoped(query, 'o.')
		.add('o.changed_ms >= ?', from)
		.add('o.paid_ms IS NOT NULL')
		.add(`o.status IN (${statuses})`, ...SHIPPED_STATUSES);
	const rows = await tx.all<{ paid_ms: number; shipped_at: string | null; shipped_event_ms: number | null }>(
		`SELECT o.paid_ms, ${SHIPPED_AT[ctx.driver.dialect.name]} AS shipped_at,
		   (SELECT MIN(e.at_ms) FROM order_events e WHERE e.order_seq = o.seq AND e.to_status IN (${statuses})) AS shipped_event_ms
		 FROM orders o ${c.where}`,
		[...SHIPPED_STATUSES, ...c.params],
	);
	const hours: number[] = [];
	for (const row of rows) {
		let shipped: number | null = null;
		if (row.shipped_at) {
			try {
				shipped = instantOf(String(row.shipped_at));
			} catch {
				shipped = null;
			}
		}
		shipped ??= row.shipped_event_ms === null ? null : Number(row.shipped_event_ms);
		if (shipped === null || shipped < from || shipped >= to) continue;
		hours.push(Math.max(0, shipped - Number(row.paid_ms)) / HOUR_MS);
	}
	hours.sort((a, b) => a - b);
	const round = (h: number | undefined) => (h === undefined ? null : Math.round(h * 10) / 10);
	return {
		count: hours.length,
		p50Hours: round(percentile(hours, 0.5)),
		p90Hours: round(percentile(hours, 0.9)),
		averageHours: round(hours.length ? hours.reduce((a, b) => a + b, 0) / hours.length : undefined),
		maxHours: round(hours[hours.length - 1]),
	};
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | undefined {
	if (!sorted.length) return undefined;
	return sorted[Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length))) - 1];
}

async function audit(tx: Sql, query: ReportQuery, from: number, to: number): Promise<StoreReport['audit']> {
	const c = scoped(query).add('audit_decision IS NOT NULL').add('created_ms >= ?', from).add('created_ms < ?', to);
	const rows = await tx.all<{ audit_decision: string; n: number }>(
		`SELECT audit_decision, COUNT(*) AS n FROM orders ${c.where} GROUP BY audit_decision`,
		c.params,
	);
	const count = (decision: string) => Number(rows.find((r) => r.audit_decision === decision)?.n ?? 0);
	const held = scoped(query).add("status = 'on_hold'");
	const onHold = await tx.get<{ n: number }>(`SELECT COUNT(*) AS n FROM orders ${held.where}`, held.params);
	return { held: count('held'), blocked: count('blocked'), approved: count('approved'), onHoldNow: Number(onHold?.n ?? 0) };
}

/** Dead-letter sources are labelled "<channel>/<shop>", so the channel and shop filters apply to them too. */
async function errors(tx: Sql, query: ReportQuery, from: number, to: number, orders: number, top: number): Promise<StoreReport['errors']> {
	const c = new Conditions().add('created_ms >= ?', from).add('created_ms < ?', to);
	if (query.channel && query.shopId) c.add('source = ?', `${query.channel}/${query.shopId}`);
	else if (query.channel) c.add("source LIKE ? ESCAPE '\\'", `${query.channel.replace(/[\\%_]/g, (m) => `\\${m}`)}/%`);
	else if (query.shopId) c.add("source LIKE ? ESCAPE '\\'", `%/${query.shopId.replace(/[\\%_]/g, (m) => `\\${m}`)}`);
	const rows = await tx.all<{ source: string; n: number; open: number }>(
		`SELECT source, COUNT(*) AS n, SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open
		 FROM dead_letters ${c.where} GROUP BY source ORDER BY COUNT(*) DESC, source`,
		c.params,
	);
	const deadLetters = rows.reduce((n, r) => n + Number(r.n), 0);
	const attempts = orders + deadLetters;
	return {
		deadLetters,
		open: rows.reduce((n, r) => n + Number(r.open ?? 0), 0),
		errorRate: attempts ? Math.round((deadLetters / attempts) * 10_000) / 10_000 : 0,
		topSources: rows.slice(0, top).map((r) => ({ source: String(r.source), count: Number(r.n) })),
	};
}

async function unmappedTotals(tx: Sql, query: ReportQuery): Promise<{ count: number; lines: number }> {
	const c = scoped(query, 'o.').add('l.master_sku IS NULL');
	const row = await tx.get<{ skus: number; lines: number }>(
		`SELECT COUNT(*) AS skus, COALESCE(SUM(n), 0) AS lines FROM (
		   SELECT COUNT(*) AS n FROM order_lines l JOIN orders o ON o.seq = l.order_seq ${c.where}
		   GROUP BY o.channel, o.shop_id, l.channel_sku_id, l.merchant_code) unmapped`,
		c.params,
	);
	return { count: Number(row?.skus ?? 0), lines: Number(row?.lines ?? 0) };
}

/** What each listing was last sent against what the store has available for its channel now. */
async function stockMismatches(ctx: StoreContext, query: ReportQuery, top: number): Promise<StoreReport['stock']> {
	const ledger = await listPushLedger(ctx, { channel: query.channel, shopId: query.shopId });
	const mismatches: StockMismatch[] = [];
	let unacked = 0;
	for (const channel of [...new Set(ledger.map((e) => e.channel))]) {
		const entries = ledger.filter((e) => e.channel === channel);
		const levels = await availability(ctx, { channel, masterSkus: [...new Set(entries.map((e) => e.masterSku))] });
		const available = new Map(levels.map((l) => [l.masterSku, l.available]));
		for (const entry of entries) {
			const notAcked = entry.ackedVersion < entry.version;
			if (notAcked) unacked++;
			const now = available.get(entry.masterSku) ?? 0;
			if (now === entry.lastPublished) continue;
			mismatches.push({
				channel: entry.channel,
				shopId: entry.shopId,
				channelSkuId: entry.channelSkuId,
				masterSku: entry.masterSku,
				lastPublished: entry.lastPublished,
				available: now,
				difference: entry.lastPublished - now,
				unacked: notAcked,
			});
		}
	}
	// Channels showing more than the store has come first: those are the ones that oversell.
	mismatches.sort((a, b) => b.difference - a.difference || a.channel.localeCompare(b.channel) || a.channelSkuId.localeCompare(b.channelSkuId));
	return {
		listings: ledger.length,
		mismatched: mismatches.length,
		overPublished: mismatches.filter((m) => m.difference > 0).length,
		underPublished: mismatches.filter((m) => m.difference < 0).length,
		unacked,
		top: mismatches.slice(0, top),
	};
}
