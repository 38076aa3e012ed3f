// What a cursor commit covers: the Upsert results (or stored orders) that came in. Anything that was not
// stored (an error item, an invalid order not kept as a dead letter, an unknown item) refuses the commit:
// moving the watermark past it would lose that order.
import type { IDataObject } from 'n8n-workflow';

const STORED_OUTCOMES = new Set(['created', 'updated', 'unchanged', 'stale']);

export interface Coverage {
	orderIds: string[];
	/** updatedAt of the newest covered order (by instant, not text). */
	maxUpdatedAt?: string;
	/** Why the commit must be refused; empty = fine. */
	refusals: string[];
}

/** otherItems 'ignore': items that are no store result at all (e.g. a schedule tick) are left out. */
export function coverageOf(items: IDataObject[], key: { channel: string; shopId: string }, otherItems: 'refuse' | 'ignore' = 'refuse'): Coverage {
	const coverage: Coverage = { orderIds: [], refusals: [] };
	let maxMs = -Infinity;
	items.forEach((json, index) => {
		if (otherItems === 'ignore' && json.error === undefined && json.outcome === undefined && json.id === undefined) return;
		const refusal = refusalOf(json, key);
		if (refusal) coverage.refusals.push(`item ${index} ${refusal}`);
		if (refusal || json.outcome === 'invalid') return;
		coverage.orderIds.push(json.id as string);
		const updatedAt = (json.updatedAt ?? (json.order as IDataObject | undefined)?.updatedAt) as string | undefined;
		const ms = updatedAt ? Date.parse(updatedAt) : NaN;
		if (Number.isFinite(ms) && ms > maxMs) {
			maxMs = ms;
			coverage.maxUpdatedAt = updatedAt;
		}
	});
	return coverage;
}

/** Why this item must not be covered by the cursor, or undefined when it was stored (or kept as a dead letter). */
function refusalOf(json: IDataObject, key: { channel: string; shopId: string }): string | undefined {
	if (json.error !== undefined) return `is an error item (${String(json.error)})`;
	const outcome = json.outcome as string | undefined;
	if (outcome === 'invalid') {
		return typeof json.deadLetterId === 'number' ? undefined : 'is an invalid order that was not kept as a dead letter';
	}
	if (outcome !== undefined && !STORED_OUTCOMES.has(outcome)) return `has outcome "${outcome}"`;
	if (typeof json.id !== 'string' || !json.id.startsWith('uo_')) return 'is not an Order Store upsert result (no order id)';
	if ((json.channel && json.channel !== key.channel) || (json.shopId && json.shopId !== key.shopId)) {
		return `is an order of ${String(json.channel)}/${String(json.shopId)}, not of ${key.channel}/${key.shopId}`;
	}
	return undefined;
}
