// The WeChat emulator answers like the platform: token checks and expiry, window and page-size limits,
// the rate-limit code, writes recorded; the pack's client copes with each the way it should.
import { WECHAT_METHODS, createWechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { AuthExpiredError, InvalidRequestError, fetchHttpClient } from '../../../../lib/http';
import { wechatProvider } from '../../../../sandbox/providers/wechat';
import { WECHAT, WECHAT_DEFAULTS } from '../../../../sandbox/providers/wechat/models';
import { startSandbox, type Sandbox } from '../../../../sandbox/server';
import { DAY_MS, admin, collect, iso, sandboxClient, sandboxCredentials, visibleTruth } from './wechatSandbox';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 60, seed: 'wechat-emulator', factories: [wechatProvider] });
});
afterAll(() => sandbox.close());

const post = async (path: string, body: unknown, token?: string) => {
	const res = await fetch(`${sandbox.url}/wechat${path}${token ? `?access_token=${token}` : ''}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return (await res.json()) as Record<string, unknown>;
};
const token = async () => (await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: WECHAT_DEFAULTS.app.appKey, secret: WECHAT_DEFAULTS.app.secret })).access_token as string;

test('token endpoints check AppID and AppSecret with WeChat errcodes', async () => {
	expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: 'wxnope', secret: 'x' })).toMatchObject({ errcode: 40013 });
	expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: WECHAT_DEFAULTS.app.appKey, secret: 'x' })).toMatchObject({ errcode: 40125 });
	const classic = await fetch(`${sandbox.url}/wechat/cgi-bin/token?grant_type=client_credential&appid=${WECHAT_DEFAULTS.app.appKey}&secret=${WECHAT_DEFAULTS.app.secret}`);
	expect(await classic.json()).toMatchObject({ expires_in: 7200 });
	expect(await post('/channels/ec/order/get', { order_id: '1' })).toMatchObject({ errcode: 41001 });
	expect(await post('/channels/ec/order/get', { order_id: '1' }, 'bogus')).toMatchObject({ errcode: 40001 });
});

test('order lists refuse windows over 7 days and pages over 100; the client splits and caps', async () => {
	const t = await token();
	const now = Math.floor(sandbox.world.clock.now() / 1000);
	expect(await post('/channels/ec/order/list/get', { create_time_range: { start_time: now - 8 * 86_400, end_time: now }, page_size: 10 }, t)).toMatchObject({ errcode: 40097 });
	expect(await post('/channels/ec/order/list/get', { create_time_range: { start_time: now - 86_400, end_time: now }, page_size: 101 }, t)).toMatchObject({ errcode: 40097 });
	const page = await post('/channels/ec/order/list/get', { create_time_range: { start_time: now - 7 * 86_400, end_time: now }, page_size: 2 }, t);
	expect(page).toMatchObject({ errcode: 0, has_more: true });
	expect((page.order_id_list as string[]).every((id) => /^37\d{17}$/.test(id))).toBe(true);
	const { client } = sandboxClient(sandbox);
	const ids = (await collect(client.listOrderIds({ by: 'created', from: iso(sandbox.world.clock.now() - 40 * DAY_MS), to: iso(sandbox.world.clock.now() + 1000), pageSize: 500 }))).flatMap((w) => w.ids);
	expect(ids.sort()).toEqual(visibleTruth(sandbox).map((o) => o.channelOrderId).sort());
});

test('a token WeChat reports expired (42001): the client fetches a new one once and goes on', async () => {
	const { client } = sandboxClient(sandbox);
	const id = visibleTruth(sandbox)[0].channelOrderId;
	await client.getOrder(id);
	// The platform may also drop a token early (another fetch with force_refresh, a reset in the console).
	for (const held of sandbox.world.registry.tokensOf(WECHAT)) sandbox.world.registry.expireToken(WECHAT, held.token, sandbox.world.clock.now());
	await client.getOrder(id);
	expect(client.stats.byMethod['/cgi-bin/stable_token']).toBe(2);
	expect(client.stats.byMethod[WECHAT_METHODS.getOrder.apiMethod]).toBe(3);
});

test('a wrong AppSecret is an auth error; an unknown carrier an invalid request; shipments and stock are recorded', async () => {
	const badSecret = createWechatShopClient({ credentials: { ...sandboxCredentials(sandbox), appSecret: 'x' }, http: fetchHttpClient() });
	await expect(badSecret.testConnection()).rejects.toBeInstanceOf(AuthExpiredError);
	const wrong = sandboxClient(sandbox);
	const order = visibleTruth(sandbox).find((o) => sandbox.world.truth.snapshot(o).status === 'paid');
	expect(order).toBeDefined();
	await expect(wrong.client.ship({ orderId: order!.channelOrderId, trackingNo: 'X1', companyCode: 'NOPE' })).rejects.toBeInstanceOf(InvalidRequestError);
	await wrong.client.ship({ orderId: order!.channelOrderId, trackingNo: 'SF1234567890123', companyCode: 'SF' });
	expect(sandbox.world.truth.snapshot(order!).status).toBe('shipped');
	const sku = (await collect(wrong.client.listSkus()))[0];
	await wrong.client.updateStock({ productId: sku.productId, skuId: sku.skuId, quantity: 3, mode: 'full' });
	const { writes } = (await admin(sandbox, 'GET', '/pushed?provider=wechat')) as { writes: Array<{ kind: string }> };
	expect(writes.map((w) => w.kind)).toEqual(expect.arrayContaining(['shipment', 'stock']));
});

test('the rate limit answers 45011, which the client backs off on', async () => {
	await admin(sandbox, 'POST', '/limits', { provider: WECHAT, method: WECHAT_METHODS.getOrder.apiMethod, calls: 1, windowMs: 60_000 });
	const { client, waits } = sandboxClient(sandbox, { retry: { maxAttempts: 2 } });
	const id = visibleTruth(sandbox)[1].channelOrderId;
	await client.getOrder(id);
	await expect(client.getOrder(id)).rejects.toMatchObject({ code: 45011, kind: 'throttled' });
	expect(waits).toHaveLength(1);
	await admin(sandbox, 'DELETE', '/limits');
});
