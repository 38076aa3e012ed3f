import {
	DEFAULT_MAX_PAGE_CALLS,
	lastToFirst,
	pageCount,
	pageNumbers,
	paginate,
	paginatePages,
	type PageCall,
} from '../../../../lib/channels/core';
import { PermanentError } from '../../../../lib/http';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
	const out: T[] = [];
	for await (const value of iterable) out.push(value);
	return out;
}

/** A cursor-paged list of `total` numbered items served `size` at a time, counting its calls. */
function cursorList(total: number, size: number) {
	const calls: Array<string | undefined> = [];
	const fetchPage = async (cursor: string | undefined) => {
		calls.push(cursor);
		const start = cursor ? Number(cursor.slice(2)) : 0;
		const items = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i);
		const nextStart = start + items.length;
		return { items, next: nextStart < total ? `c:${nextStart}` : undefined };
	};
	return { calls, fetchPage };
}

describe('paginate', () => {
	it('yields every item once, in order, with one call per page', async () => {
		const list = cursorList(23, 10);
		const seen: PageCall[] = [];
		const items = await collect(paginate(list.fetchPage, { onCall: (c) => seen.push(c) }));
		expect(items).toEqual(Array.from({ length: 23 }, (_, i) => i));
		expect(list.calls).toEqual([undefined, 'c:10', 'c:20']);
		expect(seen.map((c) => c.call)).toEqual([1, 2, 3]);
		expect(seen[1].cursor).toBe('c:10');
	});

	it('makes one call for an empty list and treats null and empty cursors as the end', async () => {
		const empty = cursorList(0, 10);
		expect(await collect(paginate(empty.fetchPage))).toEqual([]);
		expect(empty.calls).toHaveLength(1);
		let calls = 0;
		const ended = await collect(
			paginate<number, string>(async () => ({ items: [calls++], next: calls === 1 ? '' : 'never' })),
		);
		expect(ended).toEqual([0]);
		const nulled = await collect(paginate<number, number>(async () => ({ items: [1], next: null })));
		expect(nulled).toEqual([1]);
	});

	it('is lazy: stopping early makes no further calls', async () => {
		const list = cursorList(100, 10);
		for await (const item of paginate(list.fetchPage)) {
			if (item === 12) break;
		}
		expect(list.calls).toHaveLength(2);
	});

	it('yields pages with paginatePages and supports object cursors', async () => {
		const pages = await collect(
			paginatePages<string, { page: number }>(async (cursor) => {
				const page = cursor?.page ?? 1;
				return { items: [`p${page}`], next: page < 3 ? { page: page + 1 } : undefined };
			}),
		);
		expect(pages).toEqual([['p1'], ['p2'], ['p3']]);
	});

	it('stops with a PermanentError when the platform repeats a cursor', async () => {
		const context = { provider: 'douyin', shopId: 's1', method: 'order.searchList' };
		let calls = 0;
		const loop = paginate<number, string>(async () => ({ items: [calls++], next: 'same' }), { context });
		const err = await collect(loop).catch((e) => e);
		expect(err).toBeInstanceOf(PermanentError);
		expect(err.message).toMatch(/^douyin shop s1: order\.searchList failed \(the platform returned cursor same twice/);
		expect(calls).toBe(2);
	});

	it('stops after maxCalls pages', async () => {
		const list = cursorList(1000, 1);
		const err = await collect(paginate(list.fetchPage, { maxCalls: 5 })).catch((e) => e);
		expect(err).toBeInstanceOf(PermanentError);
		expect(list.calls).toHaveLength(5);
		expect(DEFAULT_MAX_PAGE_CALLS).toBeGreaterThan(1000);
	});
});

describe('page numbers', () => {
	it.each([
		[0, 10, []],
		[1, 10, [1]],
		[10, 10, [1]],
		[11, 10, [1, 2]],
		[95, 40, [1, 2, 3]],
	])('total %d, size %d -> %j', (total, size, pages) => {
		expect(pageNumbers(total, size)).toEqual(pages);
		expect(pageCount(total, size)).toBe(pages.length);
	});

	it('counts from another first page and rejects bad sizes', () => {
		expect(pageNumbers(25, 10, 0)).toEqual([0, 1, 2]);
		expect(() => pageCount(10, 0)).toThrow(RangeError);
	});
});

/** A page-numbered list whose contents can change between calls, like an increment API. */
function numberedList(initial: string[], size: number) {
	let items = [...initial];
	const calls: number[] = [];
	return {
		calls,
		remove: (id: string) => (items = items.filter((x) => x !== id)),
		fetchPage: async (page: number, pageSize: number) => {
			calls.push(page);
			expect(pageSize).toBe(size);
			return { items: items.slice((page - 1) * size, page * size), total: items.length };
		},
	};
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);

describe('lastToFirst', () => {
	it('reads the total, then pages from last to first', async () => {
		const list = numberedList(ids(25), 10);
		const seen: PageCall[] = [];
		const pages = await collect(lastToFirst(list.fetchPage, { pageSize: 10, onCall: (c) => seen.push(c) }));
		expect(list.calls).toEqual([1, 3, 2, 1]);
		expect(seen.map((c) => [c.call, c.page])).toEqual([
			[1, 1],
			[2, 3],
			[3, 2],
			[4, 1],
		]);
		expect(pages).toEqual([ids(25).slice(20), ids(25).slice(10, 20), ids(25).slice(0, 10)]);
	});

	it('makes a single call when everything fits on one page, and for an empty list', async () => {
		const small = numberedList(ids(7), 10);
		expect(await collect(lastToFirst(small.fetchPage, { pageSize: 10 }))).toEqual([ids(7)]);
		expect(small.calls).toEqual([1]);
		const none = numberedList([], 10);
		expect(await collect(lastToFirst(none.fetchPage, { pageSize: 10 }))).toEqual([[]]);
		expect(none.calls).toEqual([1]);
	});

	it('misses nothing when orders leave the list mid-walk (a forward walk would)', async () => {
		const all = ids(30);
		const backward = numberedList(all, 10);
		const read = new Set<string>();
		for await (const page of lastToFirst(backward.fetchPage, { pageSize: 10 })) {
			page.forEach((id) => read.add(id));
			// After each page an order on page 1 is modified again and drops out of the window.
			if (backward.calls.length >= 2) backward.remove(all[backward.calls.length - 2]);
		}
		const stillListed = all.filter((id) => !['o1', 'o2', 'o3'].includes(id));
		expect(stillListed.every((id) => read.has(id))).toBe(true);

		const forward = numberedList(all, 10);
		const readForward = new Set<string>();
		for (let page = 1; page <= 3; page++) {
			(await forward.fetchPage(page, 10)).items.forEach((id) => readForward.add(id));
			forward.remove(all[page - 1]);
		}
		expect(stillListed.every((id) => readForward.has(id))).toBe(false);
	});

	it('counts pages from 0 when asked', async () => {
		const calls: number[] = [];
		const fetchPage = async (page: number) => {
			calls.push(page);
			return { items: [page], total: 25 };
		};
		await collect(lastToFirst(fetchPage, { pageSize: 10, firstPage: 0 }));
		expect(calls).toEqual([0, 2, 1, 0]);
	});
});
