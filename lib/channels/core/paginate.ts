// One paginator for every list call: cursor/token paging, page numbers with a known total, and the
// last-to-first walk some increment APIs need. `onCall` lets tests and metrics count API calls.
import { PermanentError, type ErrorContext } from '../../http';

export interface Page<T, C> {
	items: T[];
	/** The cursor of the next page; absent, null or '' when this was the last page. */
	next?: C | null;
}

export interface PageCall {
	/** 1-based number of the API call in this walk. */
	call: number;
	cursor?: unknown;
	page?: number;
}

export interface PagingOptions {
	onCall?: (info: PageCall) => void;
	/** Safety stop against a platform that never ends its list; default 10 000 calls. */
	maxCalls?: number;
	/** Names the call in paging errors. */
	context?: ErrorContext;
}

export const DEFAULT_MAX_PAGE_CALLS = 10_000;

function pagingError(options: PagingOptions, reason: string): PermanentError {
	return new PermanentError({ provider: 'paging', ...options.context, platformMessage: reason });
}

function countCall(options: PagingOptions, calls: number, info: Omit<PageCall, 'call'>): void {
	if (calls > (options.maxCalls ?? DEFAULT_MAX_PAGE_CALLS)) {
		throw pagingError(options, `more than ${calls - 1} page calls; stopped to avoid an endless list`);
	}
	options.onCall?.({ call: calls, ...info });
}

/** Pages of a cursor-paged list, first to last; stops when `next` is empty and rejects a repeated cursor. */
export async function* paginatePages<T, C>(
	fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
	options: PagingOptions = {},
): AsyncGenerator<T[]> {
	const seen = new Set<string>();
	let cursor: C | undefined;
	for (let calls = 1; ; calls++) {
		countCall(options, calls, { cursor });
		const page = await fetchPage(cursor);
		yield page.items;
		const next = page.next;
		if (next === undefined || next === null || next === '') return;
		const key = typeof next === 'object' ? JSON.stringify(next) : String(next);
		if (seen.has(key)) throw pagingError(options, `the platform returned cursor ${key} twice`);
		seen.add(key);
		cursor = next;
	}
}

/** Items of a cursor-paged list, first to last. */
export async function* paginate<T, C>(
	fetchPage: (cursor: C | undefined) => Promise<Page<T, C>>,
	options: PagingOptions = {},
): AsyncGenerator<T> {
	for await (const items of paginatePages(fetchPage, options)) yield* items;
}

/** How many pages hold `total` items; 0 for an empty list. */
export function pageCount(total: number, pageSize: number): number {
	if (!Number.isInteger(pageSize) || pageSize <= 0) throw new RangeError(`page size must be positive, got ${pageSize}`);
	return total > 0 ? Math.ceil(total / pageSize) : 0;
}

/** Page numbers covering `total` items, from `firstPage` (1 unless the platform counts from 0). */
export function pageNumbers(total: number, pageSize: number, firstPage = 1): number[] {
	return Array.from({ length: pageCount(total, pageSize) }, (_, i) => firstPage + i);
}

export interface NumberedPage<T> {
	items: T[];
	/** The list's total item count as the platform reports it on this page. */
	total: number;
}

export interface LastToFirstOptions extends PagingOptions {
	pageSize: number;
	/** 1 unless the platform counts pages from 0. */
	firstPage?: number;
}

/**
 * Pages from the last to the first, after one call that reads the total. Increment lists (Taobao
 * trades.sold.increment.get, Pinduoduo order.number.list.increment.get) lose orders that are modified
 * again mid-walk, which shifts later items toward page 1; walking backwards means a shift only re-shows
 * items already read, never skips unread ones. The first page is read again last for the same reason.
 */
export async function* lastToFirst<T>(
	fetchPage: (page: number, pageSize: number) => Promise<NumberedPage<T>>,
	options: LastToFirstOptions,
): AsyncGenerator<T[]> {
	const firstPage = options.firstPage ?? 1;
	let calls = 1;
	countCall(options, calls, { page: firstPage });
	const probe = await fetchPage(firstPage, options.pageSize);
	const pages = pageNumbers(probe.total, options.pageSize, firstPage);
	if (pages.length <= 1) {
		yield probe.items;
		return;
	}
	for (const page of pages.reverse()) {
		countCall(options, ++calls, { page });
		const { items } = await fetchPage(page, options.pageSize);
		yield items;
	}
}
