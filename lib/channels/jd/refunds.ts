// JD refund applications (jingdong.pop.afs.soa.refundapply.*) -> a plain refund record, and their effect on
// order lines: JD's orderInfo carries no refund state, so it comes from these records when they are fetched.
import type { OrderLine, RefundState } from '../../model';
import { PayloadReader, compact, isObject, nonEmpty, payloadProblem, type NormalizeProblem } from '../core/payload';
import {
	CHANNEL,
	JD_CURRENCY,
	JD_EMPTY_TIMES,
	REFUND_APPLY_AMOUNT_UNIT,
	REFUND_APPLY_STATUS_LABELS,
	REFUND_APPLY_STATUS_MAP,
} from './codes';

/** A refund application as JD sends it (`queryResult.result[]`). */
export type JdRefundInput = unknown;

export interface JdRefund {
	channel: typeof CHANNEL;
	shopId?: string;
	refundId: string;
	channelOrderId: string;
	/** JD's numeric status, verbatim, and its Chinese label. */
	rawStatus: string;
	rawStatusLabel?: string;
	state: RefundState;
	/** Applied amount in fen. */
	amount: number;
	currency: string;
	appliedAt?: string;
	checkedAt?: string;
	updatedAt?: string;
	buyerId?: string;
	buyerNick?: string;
	reason?: string;
	/** SKUs the application covers, when JD lists them; absent = the whole order. */
	skuIds?: string[];
}

export type RefundReadResult = { ok: true; refund: JdRefund } | { ok: false; problems: NormalizeProblem[] };

const READER = {
	currency: JD_CURRENCY,
	moneyUnit: REFUND_APPLY_AMOUNT_UNIT,
	timeKind: 'shanghai_local',
	emptyTimes: JD_EMPTY_TIMES,
} as const;

export function normalizeJdRefund(raw: unknown, options: { shopId?: string; basePath?: string } = {}): RefundReadResult {
	const base = options.basePath ?? '$';
	const problems: NormalizeProblem[] = [];
	if (!isObject(raw)) return { ok: false, problems: [payloadProblem(base, 'a JD refund application must be a JSON object')] };
	const reader = new PayloadReader(raw, base, problems, READER);
	const refundId = reader.id('id', true);
	const channelOrderId = reader.id('orderId', true);
	const rawStatus = nonEmpty(raw.status) ?? '';
	const state = REFUND_APPLY_STATUS_MAP[rawStatus];
	if (!state) problems.push(payloadProblem(`${base}.status`, `unknown JD refund application status ${JSON.stringify(raw.status)}`));
	const amount = reader.money('applyRefundSum', true);
	const refund: JdRefund = compact({
		channel: CHANNEL,
		shopId: options.shopId,
		refundId: refundId ?? '',
		channelOrderId: channelOrderId ?? '',
		rawStatus,
		rawStatusLabel: REFUND_APPLY_STATUS_LABELS[rawStatus],
		state: state ?? 'none',
		amount: amount ?? 0,
		currency: JD_CURRENCY,
		appliedAt: reader.time('applyTime', false),
		checkedAt: reader.time('checkTime', false),
		updatedAt: reader.time('modified', false),
		buyerId: nonEmpty(raw.buyerId),
		buyerNick: nonEmpty(raw.buyerName),
		reason: nonEmpty(raw.reason),
		skuIds: skuIdsOf(raw, reader),
	});
	return problems.length > 0 ? { ok: false, problems } : { ok: true, refund };
}

/** [I] With showSku JD adds the SKUs an application covers; read from `skuId` or a `skuList` of objects/ids. */
function skuIdsOf(raw: Record<string, unknown>, reader: PayloadReader): string[] | undefined {
	const single = reader.id('skuId', false);
	if (single) return [single];
	if (!Array.isArray(raw.skuList)) return undefined;
	const ids = raw.skuList
		.map((entry) => (isObject(entry) ? nonEmpty(entry.skuId) : nonEmpty(entry)))
		.filter((id): id is string => id !== undefined);
	return ids.length > 0 ? ids : undefined;
}

/**
 * Sets each line's refund state from this order's applications that cover it; the newest application of
 * a line wins (by update, check, then apply time). Other orders' and unreadable applications are skipped.
 */
export function applyRefundsToLines(lines: OrderLine[], inputs: readonly JdRefundInput[], channelOrderId: string): void {
	const refunds = inputs
		.map((input) => normalizeJdRefund(input))
		.flatMap((result) => (result.ok && result.refund.channelOrderId === channelOrderId ? [result.refund] : []))
		.sort((a, b) => refundTime(a).localeCompare(refundTime(b)) || a.refundId.localeCompare(b.refundId));
	for (const refund of refunds) {
		const covered = refund.skuIds ? lines.filter((l) => l.channelSkuId && refund.skuIds?.includes(l.channelSkuId)) : lines;
		for (const line of covered) line.refundState = refund.state;
	}
}

// Canonical ISO strings of one offset (Beijing) sort as text.
function refundTime(refund: JdRefund): string {
	return refund.updatedAt ?? refund.checkedAt ?? refund.appliedAt ?? '';
}
