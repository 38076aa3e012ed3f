// Forward page-number paging that notices when the list changed while it was read, and reads it again.
// A list sorted by modified time shifts when an order is modified mid-walk (it leaves its place, so the
// next page starts one item later and an unread item slips onto a page already read). The walk costs
// exactly one call per page when nothing moves; a changed total or an item seen twice means something
// moved, and the window is walked again until one walk sees a still list.
import { TransientError } from '../../http';
import { DEFAULT_MAX_PAGE_CALLS, type NumberedPage, type PagingOptions } from './paginate';

export interface ConsistentPagesOptions<T> extends PagingOptions {
	pageSize: number;
	/** 1 unless the platform counts pages from 0. */
	firstPage?: number;
	/** The item's identity (order id, refund id, SKU id). */
	keyOf(item: T): string;
	/** Walks before giving up on a list that keeps changing; default 3. */
	maxWalks?: number;
}

export const DEFAULT_MAX_WALKS = 3;

/**
 * Pages first to last; every walk's pages are yielded (callers keep the latest snapshot per key). Throws a
 * TransientError when `maxWalks` walks in a row saw the list change, so nothing read from it is trusted
 * as complete: the caller retries later from the same watermark.
 */
export async function* consistentPages<T>(
	fetchPage: (page: number, pageSize: number) => Promise<NumberedPage<T>>,
	options: ConsistentPagesOptions<T>,
): AsyncGenerator<T[]> {
	const firstPage = options.firstPage ?? 1;
	const maxWalks = options.maxWalks ?? DEFAULT_MAX_WALKS;
	const maxCalls = options.maxCalls ?? DEFAULT_MAX_PAGE_CALLS;
	let calls = 0;
	for (let walk = 1; ; walk++) {
		const seen = new Set<string>();
		let total: number | undefined;
		let changed = false;
		for (let page = firstPage; ; page++) {
			if (++calls > maxCalls) {
				throw new TransientError({
					provider: 'paging',
					...options.context,
					platformMessage: `more than ${maxCalls} page calls; stopped to avoid an endless list`,
				});
			}
			options.onCall?.({ call: calls, page });
			const res = await fetchPage(page, options.pageSize);
			if (total === undefined) total = res.total;
			else if (res.total !== total) changed = true;
			for (const item of res.items) {
				const key = options.keyOf(item);
				if (seen.has(key)) changed = true;
				seen.add(key);
			}
			yield res.items;
			const read = (page - firstPage + 1) * options.pageSize;
			if (res.items.length < options.pageSize || read >= res.total) break;
		}
		if (!changed) return;
		if (walk >= maxWalks) {
			throw new TransientError({
				provider: 'paging',
				...options.context,
				platformMessage: `the list kept changing while it was read (${walk} walks)`,
				hint: 'orders are being modified faster than they can be listed; the pull is retried from the same point',
			});
		}
	}
}
