import { TransientError } from '../../../../lib/http';
import { consistentPages } from '../../../../lib/channels/core/consistentPages';

const collect = async <T>(iterable: AsyncIterable<T[]>): Promise<T[][]> => {
	const out: T[][] = [];
	for await (const page of iterable) out.push(page);
	return out;
};

/** A numbered list over `rows`; `before(call)` may change the rows before each call is answered. */
function listOver(rows: string[], before: (call: number) => void = () => undefined) {
	const pages: number[] = [];
	const fetchPage = async (page: number, size: number) => {
		before(pages.push(page));
		return { items: rows.slice((page - 1) * size, page * size), total: rows.length };
	};
	return { pages, fetchPage };
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `o${i + 1}`);

describe('consistentPages', () => {
	it('costs one call per page on a still list, and one call for an empty list', async () => {
		const list = listOver(ids(250));
		const pages = await collect(consistentPages(list.fetchPage, { pageSize: 100, keyOf: (x) => x }));
		expect(pages.map((p) => p.length)).toEqual([100, 100, 50]);
		expect(list.pages).toEqual([1, 2, 3]);
		const empty = listOver([]);
		expect(await collect(consistentPages(empty.fetchPage, { pageSize: 100, keyOf: (x) => x }))).toEqual([[]]);
		expect(empty.pages).toEqual([1]);
	});

	it('stops on an exactly full last page without an extra call', async () => {
		const list = listOver(ids(200));
		await collect(consistentPages(list.fetchPage, { pageSize: 100, keyOf: (x) => x }));
		expect(list.pages).toEqual([1, 2]);
	});

	it('walks again when an item moves to the end mid-walk, and the second walk sees every item', async () => {
		const rows = ids(250);
		const list = listOver(rows, (call) => {
			if (call === 2) rows.push(...rows.splice(3, 1));
		});
		const pages = await collect(consistentPages(list.fetchPage, { pageSize: 100, keyOf: (x) => x }));
		expect(list.pages).toEqual([1, 2, 3, 1, 2, 3]);
		expect(new Set(pages.slice(3).flat())).toEqual(new Set(ids(250)));
	});

	it('walks again when the total changes, and counts calls across walks', async () => {
		const rows = ids(150);
		const calls: number[] = [];
		const list = listOver(rows, (call) => {
			if (call === 2) rows.shift();
		});
		await collect(consistentPages(list.fetchPage, { pageSize: 100, keyOf: (x) => x, onCall: (c) => calls.push(c.call) }));
		expect(list.pages).toEqual([1, 2, 1, 2]);
		expect(calls).toEqual([1, 2, 3, 4]);
	});

	it('gives up with a TransientError after maxWalks changing walks', async () => {
		const rows = ids(150);
		const list = listOver(rows, () => rows.push(`n${rows.length}`));
		const error = await collect(consistentPages(list.fetchPage, { pageSize: 100, keyOf: (x) => x, maxWalks: 2, context: { provider: 'jd', method: 'm' } })).catch((e) => e);
		expect(error).toBeInstanceOf(TransientError);
		expect(error.message).toMatch(/^jd: m failed \(the list kept changing while it was read \(2 walks\)\)/);
		expect(list.pages).toEqual([1, 2, 1, 2]);
	});
});
