// The pack's own clients against the sandbox: two independent signing implementations must agree, and the
// pack must read the emulated platforms the way they are documented.
import { parseKuaidi100Push, kuaidi100Client } from '../../../lib/carriers/kuaidi100';
import { createTaobaoClient, normalizeTaobaoTrade } from '../../../lib/channels/taobao';
import { fetchHttpClient } from '../../../lib/http';
import { isoFromMillis } from '../../../lib/model';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { ACCOUNT, pushReceiver } from './kuaidi100-client';
import { admin, type Json } from './top-client';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 600, seed: 'pack-clients' });
});
afterAll(() => sandbox.close());

const noRetry = { maxAttempts: 1 };
const taobao = (signMethod: 'md5' | 'hmac' | 'hmac-sha256', session = 'tbsess-flagship-0001') =>
	createTaobaoClient({
		credentials: {
			appKey: '21000001', appSecret: 'sandbox-taobao-secret-0001', session, refreshToken: `${session}-refresh`,
			shopId: 'tb-flagship', signMethod, url: `${sandbox.url}/taobao/router/rest`,
		},
		http: fetchHttpClient(),
		now: () => sandbox.world.clock.now(),
		retry: noRetry,
	});

test.each(['md5', 'hmac', 'hmac-sha256'] as const)('the pack\'s Taobao client (%s) pulls exactly the truth of a shop', async (signMethod) => {
	const now = sandbox.world.clock.now();
	const ids: string[] = [];
	for await (const trade of taobao(signMethod).listOrders({ by: 'created', from: isoFromMillis(now - 31 * 86_400_000), to: isoFromMillis(now) })) {
		ids.push(String(trade.tid));
	}
	const { orders } = await admin(sandbox, 'GET', '/orders?channel=taobao&shopId=tb-flagship&view=summary');
	expect(ids.sort()).toEqual(orders.map((o: Json) => o.channelOrderId).sort());
});

test('the pack normalizes an emulated trade to the truth as the channel shows it', async () => {
	const { orders } = await admin(sandbox, 'GET', '/orders?channel=taobao&shopId=tb-flagship&view=channel');
	const truth = orders.find((o: Json) => o.lines.length > 1 && o.status === 'shipped');
	const trade = await taobao('md5').getOrder(truth.channelOrderId);
	const result = normalizeTaobaoTrade(trade, { shopId: 'tb-flagship' }) as Json;
	expect(result.problems ?? []).toEqual([]);
	const order = result.order;
	expect(order).toEqual(expect.objectContaining({ id: truth.id, channelOrderId: truth.channelOrderId, status: truth.status, totals: expect.objectContaining({ paid: truth.totals.paid }) }));
	expect(order.lines.map((l: Json) => l.lineId)).toEqual(truth.lines.map((l: Json) => l.lineId));
});

test('ship, stock and memo writes from the pack land in the sandbox', async () => {
	const client = taobao('hmac');
	const [paid] = (await admin(sandbox, 'GET', '/orders?channel=taobao&shopId=tb-flagship&status=paid&view=summary')).orders;
	await client.ship({ orderId: paid.channelOrderId, trackingNo: 'JT1234567890123', companyCode: 'JTSD' });
	await client.updateMemo(paid.channelOrderId, '已发极兔', 2);
	const after = await admin(sandbox, 'GET', `/orders/${paid.id}`);
	expect(after).toEqual(expect.objectContaining({ status: 'shipped', sellerMemo: '已发极兔' }));
	const skus = [];
	for await (const sku of client.listSkus()) skus.push(sku);
	expect(skus.length).toBeGreaterThan(20);
	const target = skus.find((s) => s.skuId)!;
	await client.updateStock({ itemId: target.itemId, skuId: target.skuId, quantity: 5 });
	const { writes } = await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=stock');
	expect(writes.at(-1).data).toEqual(expect.objectContaining({ itemId: target.itemId, skuId: target.skuId, after: 5 }));
});

test('an expired session is refreshed through taobao.top.auth.token.refresh', async () => {
	const refreshed = await taobao('md5', 'tbsess-expired-0001').refreshAccessToken();
	expect(refreshed.accessToken).toMatch(/^tbsess-/);
	expect(refreshed.expiresInSeconds).toBe(30 * 86_400);
	const trade = await taobao('md5', refreshed.accessToken).listOrders({ by: 'created', from: isoFromMillis(sandbox.world.clock.now() - 86_400_000), to: isoFromMillis(sandbox.world.clock.now()) }).next();
	expect(trade.done).toBe(false);
});

test('the pack\'s Kuaidi100 client tracks a parcel and verifies the sandbox\'s signed pushes', async () => {
	const client = kuaidi100Client({ credentials: ACCOUNT, baseUrl: `${sandbox.url}/kuaidi100`, http: fetchHttpClient(), now: () => sandbox.world.clock.now() });
	const timeline = await client.track({ com: 'yuantong', trackingNo: 'YT0000000000000' });
	expect((timeline as Json).events.length).toBeGreaterThan(2);
	const receiver = await pushReceiver('pack-salt');
	try {
		await client.subscribe({ com: 'yuantong', trackingNo: 'YT0000000000000', callbackUrl: receiver.url, salt: 'pack-salt' });
		await admin(sandbox, 'POST', '/kuaidi100/push', { number: 'YT0000000000000', wrongSignature: true });
		await admin(sandbox, 'POST', '/kuaidi100/push', { number: 'YT0000000000000' });
		const [bad, good] = receiver.received;
		expect(() => parseKuaidi100Push({ param: bad.param, sign: bad.sign }, 'pack-salt')).toThrow();
		const push = parseKuaidi100Push({ param: good.param, sign: good.sign }, 'pack-salt');
		expect(push.timeline.events.length).toBe((timeline as Json).events.length);
	} finally {
		await receiver.close();
	}
});
