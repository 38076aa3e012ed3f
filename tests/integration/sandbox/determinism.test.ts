// Same seed -> byte-identical responses, across separate sandboxes; another seed -> different data.
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { ACCOUNT, md5Upper, postForm as postKuaidi100 } from './kuaidi100-client';
import { postForm, sandboxShop, shanghaiText, signedParams } from './top-client';

type Step = (sandbox: Sandbox) => Promise<string>;

const top = (method: string, business: Record<string, string>, session?: string): Step => async (sandbox) => {
	const shop = sandboxShop(sandbox, session);
	return (await postForm(shop.baseUrl, signedParams(shop, method, business))).text;
};
const adminGet = (path: string): Step => async (sandbox) => (await fetch(`${sandbox.url}/_admin${path}`)).text();
const adminPost = (path: string, body: unknown): Step => async (sandbox) =>
	(await fetch(`${sandbox.url}/_admin${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).text();

const kuaidi100 = (param: Record<string, string>): Step => async (sandbox) => {
	const text = JSON.stringify(param);
	const form = { customer: ACCOUNT.customer, param: text, sign: md5Upper(text + ACCOUNT.key + ACCOUNT.customer) };
	return (await postKuaidi100(`${sandbox.url}/kuaidi100/poll/query.do`, form)).text;
};

const start = Date.parse('2026-03-02T10:00:00+08:00');
const STEPS: Step[] = [
	top('taobao.trades.sold.get', { fields: 'tid,status,payment,created,modified,receiver_name,receiver_mobile,orders', page_size: '100' }),
	top('taobao.trades.sold.get', { fields: 'tid,status,orders', page_size: '100', page_no: '3' }, 'tbsess-cshop-0001'),
	top('taobao.trades.sold.increment.get', { fields: 'tid,modified', start_modified: shanghaiText(start - 86_400_000), end_modified: shanghaiText(start) }),
	top('taobao.refunds.receive.get', { fields: 'refund_id,status', page_size: '100' }),
	top('taobao.items.onsale.get', { fields: 'num_iid,title,num', page_size: '100' }),
	top('taobao.trades.sold.get', { fields: 'tid', page_size: '101' }),
	adminPost('/faults', { provider: 'taobao', method: 'taobao.trades.sold.get', kind: 'throttle', probability: 0.5 }),
	top('taobao.trades.sold.get', { fields: 'tid', page_size: '5' }),
	top('taobao.trades.sold.get', { fields: 'tid', page_size: '5' }),
	top('taobao.trades.sold.get', { fields: 'tid', page_size: '5' }),
	adminPost('/clock', { advanceMs: 5 * 86_400_000 }),
	top('taobao.trades.sold.get', { fields: 'tid,status,modified,orders', page_size: '100', page_no: '2' }),
	adminGet('/orders?channel=taobao&view=channel'),
	adminGet('/parcels'),
	kuaidi100({ com: 'yuantong', num: 'YT0000000000000', resultv2: '4' }),
	adminPost('/parcels', { carrier: 'zto', trackingNo: '73100000000001' }),
	adminPost('/clock', { advanceMs: 3 * 86_400_000 }),
	kuaidi100({ com: 'zhongtong', num: '73100000000001', resultv2: '4' }),
	adminPost('/kuaidi100/push', {}),
];

async function run(seed: string | number): Promise<string[]> {
	const sandbox = await startSandbox({ orders: 1200, seed });
	try {
		const out: string[] = [];
		for (const step of STEPS) out.push(await step(sandbox));
		return out;
	} finally {
		await sandbox.close();
	}
}

test('two sandboxes with the same seed answer the same calls byte for byte', async () => {
	const first = await run('determinism');
	const second = await run('determinism');
	expect(second.length).toBe(first.length);
	first.forEach((text, i) => expect({ step: i, text: second[i] }).toEqual({ step: i, text }));
	expect(first[0].length).toBeGreaterThan(10_000);
	const other = await run('something else');
	expect(other[0]).not.toBe(first[0]);
});
