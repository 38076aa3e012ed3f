// For channels that name an order's lines by SKU rather than by a line id of their own (WeChat shop,
// Xiaohongshu): the line ids a client derives, so the truth can be compared with what it reads.
import type { OrderLine } from '../../lib/model';
import type { TruthOrder } from './types';

/** The line ids a client derives: the SKU id, '#n' added when a SKU repeats, keyed by truth line id. */
export function skuLineIds(order: TruthOrder, skuIdOf: (line: OrderLine) => string): Map<string, string> {
	const used = new Map<string, number>();
	const out = new Map<string, string>();
	for (const line of order.lines) {
		const base = skuIdOf(line);
		const seen = used.get(base) ?? 0;
		used.set(base, seen + 1);
		out.set(line.lineId, seen === 0 ? base : `${base}#${seen + 1}`);
	}
	return out;
}
