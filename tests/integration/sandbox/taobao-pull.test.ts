// Pulling a full window through the emulator with correct paging returns exactly the truth orders.
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import type { TopClientOptions } from './top-client';
import { admin, callTop, sandboxShop, shanghaiText, type Json } from './top-client';

const ORDERS = 10_000;
const DAY = 86_400_000;
let sandbox: Sandbox;
let truth: Map<string, { status: string; updatedAt: string; rawStatus: string; shopId: string }>;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: ORDERS, seed: 'pull-10k', providers: ['taobao'] });
	const { orders } = await admin(sandbox, 'GET', '/orders?channel=taobao&view=summary');
	truth = new Map(orders.map((o: Json) => [o.channelOrderId, o]));
});
afterAll(() => sandbox.close());

const SHOPS = ['tbsess-flagship-0001', 'tbsess-cshop-0001'];

async function pullCreated(shop: TopClientOptions, start: number, end: number) {
	const seen: Array<{ tid: string; status: string }> = [];
	for (let page = 1; ; page++) {
		const res = await callTop(shop, 'taobao.trades.sold.get', {
			fields: 'tid,status,modified', start_created: shanghaiText(start), end_created: shanghaiText(end),
			page_no: String(page), page_size: '100', use_has_next: 'true',
		});
		const body = res.body.trades_sold_get_response;
		seen.push(...body.trades.trade);
		if (!body.has_next) return seen;
	}
}

/** The increment API in one-day windows, each paged from the last page back to the first (channels.md §1.4). */
async function pullModified(shop: TopClientOptions, start: number, end: number) {
	const seen: Array<{ tid: string }> = [];
	for (let from = start; from < end; from += DAY) {
		const window = { fields: 'tid,status,modified', start_modified: shanghaiText(from), end_modified: shanghaiText(Math.min(from + DAY - 1000, end)) };
		const first = await callTop(shop, 'taobao.trades.sold.increment.get', { ...window, page_size: '100' });
		const total = first.body.trades_sold_increment_get_response.total_results;
		for (let page = Math.max(1, Math.ceil(total / 100)); page >= 1; page--) {
			const res = await callTop(shop, 'taobao.trades.sold.increment.get', { ...window, page_no: String(page), page_size: '100' });
			seen.push(...(res.body.trades_sold_increment_get_response.trades?.trade ?? []));
		}
	}
	return seen;
}

test(`created-time pull of ${ORDERS} seeded orders returns exactly the truth (count, ids, statuses)`, async () => {
	const now = sandbox.world.clock.now();
	const pulled = [];
	for (const session of SHOPS) pulled.push(...(await pullCreated(sandboxShop(sandbox, session), now - 31 * DAY, now)));
	const ids = pulled.map((t) => t.tid);
	expect(ids.every((id) => /^\d{19}$/.test(id))).toBe(true);
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.length).toBe(truth.size);
	expect(ids.length).toBe(ORDERS);
	expect(ids.filter((id) => !truth.has(id))).toEqual([]);
	expect(pulled.filter((t) => truth.get(t.tid)!.rawStatus !== t.status)).toEqual([]);
});

test('modified-time pull in one-day windows, paging last to first, also returns exactly the truth', async () => {
	const now = sandbox.world.clock.now();
	const pulled = [];
	for (const session of SHOPS) pulled.push(...(await pullModified(sandboxShop(sandbox, session), now - 31 * DAY, now + 1000)));
	const ids = new Set(pulled.map((t) => t.tid));
	expect(ids.size).toBe(truth.size);
	expect([...truth.keys()].filter((id) => !ids.has(id))).toEqual([]);
});
