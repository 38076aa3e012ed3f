// The SF Express and Kdniao emulators answer like the real gateways: signatures checked with the real error
// codes (and the published examples accepted), orders and e-waybills, cancel, tracking, tokens; and the
// pack's credential tests pass with the sandbox accounts and fail with wrong ones.
import type { IDataObject, IHttpRequestOptions, ICredentialType } from 'n8n-workflow';
import { kdniaoClient } from '../../../lib/carriers/kdniao';
import { sfClient } from '../../../lib/carriers/sf';
import { fetchHttpClient, isChannelApiError } from '../../../lib/http';
import { KdniaoApi } from '../../../credentials/KdniaoApi.credentials';
import { Kuaidi100Api } from '../../../credentials/Kuaidi100Api.credentials';
import { SfExpressApi } from '../../../credentials/SfExpressApi.credentials';
import { KDNIAO_DEFAULTS } from '../../../sandbox/providers/kdniao/models';
import { KUAIDI100_DEFAULTS } from '../../../sandbox/providers/kuaidi100/models';
import { SF_DEFAULTS } from '../../../sandbox/providers/sf/models';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { admin } from '../sandbox/top-client';
import { realHttpRequest } from './harness';

const HOUR = 3_600_000;
let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 5, seed: 'carrier-emulators' });
});
afterAll(() => sandbox.close());

const http = fetchHttpClient();
const noRetry = { retry: { maxAttempts: 1 } } as const;
const sf = (checkWord = SF_DEFAULTS.partner.checkWord, auth: 'digest' | 'oauth' = 'digest') =>
	sfClient({ credentials: { partnerId: SF_DEFAULTS.partner.partnerId, checkWord }, baseUrl: `${sandbox.url}/sf`, auth, http, now: () => sandbox.world.clock.now(), ...noRetry });
const kdniao = (appKey = KDNIAO_DEFAULTS.account.appKey) =>
	kdniaoClient({ credentials: { eBusinessId: KDNIAO_DEFAULTS.account.eBusinessId, appKey }, baseUrl: `${sandbox.url}/kdniao`, http, ...noRetry });

const codeOf = (promise: Promise<unknown>) =>
	promise.then(
		() => 'no error',
		(error: unknown) => (isChannelApiError(error) ? String(error.code) : String(error)),
	);

const contact = (type: number, name: string, mobile: string) => ({ contactType: type, contact: name, mobile, province: '浙江省', city: '杭州市', county: '西湖区', address: '文三路90号' });
const sfOrder = (orderId: string) => ({
	orderId,
	contactInfoList: [contact(1, '李四', '13900001111'), contact(2, '张三', '13812345678')],
	cargoDetails: [{ name: '纯棉T恤', count: 1, unit: '件' }],
	monthlyCard: '7551234567',
	payMethod: 1,
	expressTypeId: 1,
});

describe('SF Express emulator', () => {
	test('the published msgDigest example passes the gateway (A1000) and reaches the business check', async () => {
		const form = new URLSearchParams({
			partnerID: SF_DEFAULTS.examplePartner.partnerId,
			requestID: 'example-1',
			serviceCode: 'EXP_RECE_SEARCH_ORDER_RESP',
			timestamp: '12312334453453',
			msgData: '{"language":"zh-CN","orderId":"QIAO-20200618-004"}',
			msgDigest: 'IIKJtuLVzoFTu4kHI8M8vA==',
		});
		const res = await fetch(`${sandbox.url}/sf/std/service`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
		const body = (await res.json()) as { apiResultCode: string; apiResultData: string };
		expect(body.apiResultCode).toBe('A1000');
		expect(JSON.parse(body.apiResultData)).toMatchObject({ success: false, errorCode: '8018' });
		form.set('msgDigest', 'IIKJtuLVzoFTu4kHI8M8vB==');
		const forged = await fetch(`${sandbox.url}/sf/std/service`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
		expect(((await forged.json()) as { apiResultCode: string }).apiResultCode).toBe('A1006');
	});

	test('orders get a waybill, duplicates 8016, cancel twice 8037, wrong check word A1006', async () => {
		const created = await sf().createOrder(sfOrder('EMU-1'));
		expect(created.trackingNo).toMatch(/^SF\d{13}$/);
		expect((await sf().searchOrder('EMU-1')).trackingNo).toBe(created.trackingNo);
		expect(await codeOf(sf().createOrder(sfOrder('EMU-1')))).toBe('8016');
		expect(await codeOf(sf().createOrder({ ...sfOrder('EMU-2'), contactInfoList: [contact(1, '李四', '13900001111')] }))).toBe('1011');
		expect(await codeOf(sf('wrong-word').createOrder(sfOrder('EMU-3')))).toBe('A1006');
		expect((await sf().cancelOrder('EMU-1')).alreadyCancelled).toBe(false);
		expect((await sf().cancelOrder('EMU-1')).alreadyCancelled).toBe(true);
		expect(await codeOf(sf().cancelOrder('NO-SUCH-ORDER'))).toBe('8018');
	});

	test('routes move with the clock; other partners need the phone digits (8196)', async () => {
		const { trackingNo } = await sf().createOrder(sfOrder('EMU-ROUTES'));
		const [empty] = await sf().routes({ trackingNumbers: [trackingNo!] });
		expect(empty.events).toHaveLength(0);
		await admin(sandbox, 'POST', '/clock', { advanceMs: 30 * HOUR });
		const [moved] = await sf().routes({ trackingNumbers: [trackingNo!] });
		expect(moved.events.length).toBeGreaterThan(1);
		expect(moved.events[0].status).toBe('picked_up');
		const other = sfClient({ credentials: SF_DEFAULTS.examplePartner, baseUrl: `${sandbox.url}/sf`, http, ...noRetry });
		expect(await codeOf(other.routes({ trackingNumbers: [trackingNo!] }))).toBe('8196');
		expect((await other.routes({ trackingNumbers: [trackingNo!], checkPhoneNo: '5678' }))[0].events.length).toBe(moved.events.length);
	});

	test('OAuth: a token from oauth2/accessToken works until it expires (A1002), then is renewed', async () => {
		const client = sf(SF_DEFAULTS.partner.checkWord, 'oauth');
		expect((await client.createOrder(sfOrder('EMU-OAUTH-1'))).trackingNo).toBeDefined();
		await admin(sandbox, 'POST', '/clock', { advanceMs: 3 * HOUR });
		expect((await client.createOrder(sfOrder('EMU-OAUTH-2'))).trackingNo).toBeDefined();
		expect(await codeOf(sf('wrong-word', 'oauth').fetchAccessToken())).toBe('A1006');
	});
});

describe('Kdniao emulator', () => {
	test('the published DataSign example is accepted; a wrong AppKey gets 102', async () => {
		const example = kdniaoClient({ credentials: KDNIAO_DEFAULTS.exampleAccount, baseUrl: `${sandbox.url}/kdniao`, http, ...noRetry });
		const timeline = await example.track({ shipperCode: 'YTO', trackingNo: 'YT0000000000000' });
		expect(timeline).toMatchObject({ carrier: 'yto', trackingNo: 'YT0000000000000' });
		expect(timeline.events.length).toBeGreaterThan(0);
		expect(await codeOf(kdniao('wrong-key').track({ carrier: 'zto', trackingNo: '1' }))).toBe('102');
	});

	test('e-waybills: created, the same OrderCode returns the same number (106), cancelled once', async () => {
		const order = {
			OrderCode: 'KDN-EMU-1',
			ShipperCode: 'ZTO',
			PayType: 3,
			Sender: { Name: '李四', Mobile: '13900001111', ProvinceName: '浙江省', CityName: '杭州市', ExpAreaName: '西湖区', Address: '文三路90号' },
			Receiver: { Name: '张三', Mobile: '13812345678', ProvinceName: '上海', CityName: '上海市', ExpAreaName: '浦东新区', Address: '世纪大道1号' },
			Commodity: [{ GoodsName: '纯棉T恤', Goodsquantity: 1 }],
		};
		const first = await kdniao().createWaybill(order);
		expect(first).toMatchObject({ carrier: 'zto', alreadyCreated: false });
		const again = await kdniao().createWaybill(order);
		expect(again).toMatchObject({ trackingNo: first.trackingNo, alreadyCreated: true });
		expect(await codeOf(kdniao().createWaybill({ ...order, OrderCode: 'KDN-EMU-2', Receiver: {} }))).toBe('101');
		await kdniao().cancelWaybill({ carrier: 'zto', orderCode: 'KDN-EMU-1', trackingNo: first.trackingNo! });
		expect(await codeOf(kdniao().cancelWaybill({ carrier: 'zto', orderCode: 'KDN-EMU-1', trackingNo: first.trackingNo! }))).toBe('105');
	});

	test('monitored queries report StateEx as the parcel moves', async () => {
		const order = {
			OrderCode: 'KDN-EMU-TRACK',
			ShipperCode: 'YTO',
			Sender: { Name: '李四', Mobile: '13900001111', ProvinceName: '浙江省', CityName: '杭州市', Address: '文三路90号' },
			Receiver: { Name: '张三', Mobile: '13812345678', ProvinceName: '上海', CityName: '上海市', Address: '世纪大道1号' },
			Commodity: [{ GoodsName: '纯棉T恤' }],
		};
		const { trackingNo } = await kdniao().createWaybill(order);
		await admin(sandbox, 'POST', '/clock', { advanceMs: 240 * HOUR });
		const timeline = await kdniao().track({ carrier: 'yto', trackingNo: trackingNo!, monitored: true });
		expect(timeline.events.length).toBeGreaterThan(3);
		expect(['delivered', 'returned', 'exception']).toContain(timeline.status);
	});
});

describe('credential tests against the sandbox', () => {
	async function credentialTest(type: ICredentialType, credentials: IDataObject): Promise<string | undefined> {
		const request = type.test!.request as IHttpRequestOptions;
		const signed = await (type.authenticate as (c: IDataObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>)(credentials, { ...request });
		const res = (await realHttpRequest(signed as unknown as IDataObject)) as { body: Buffer };
		const body = JSON.parse(res.body.toString('utf8'));
		for (const rule of type.test!.rules ?? []) {
			const { key, value, message } = (rule as { properties: { key: string; value: unknown; message: string } }).properties;
			if (body[key] === value) return message;
		}
		return undefined;
	}

	test.each([
		['Kuaidi100', () => new Kuaidi100Api(), () => ({ environment: 'custom', customBaseUrl: `${sandbox.url}/kuaidi100`, customer: KUAIDI100_DEFAULTS.account.customer, authKey: KUAIDI100_DEFAULTS.account.key }), 'authKey'],
		['Kdniao', () => new KdniaoApi(), () => ({ environment: 'custom', customBaseUrl: `${sandbox.url}/kdniao`, eBusinessId: KDNIAO_DEFAULTS.account.eBusinessId, apiKey: KDNIAO_DEFAULTS.account.appKey }), 'apiKey'],
		['SF Express', () => new SfExpressApi(), () => ({ environment: 'custom', customBaseUrl: `${sandbox.url}/sf`, partnerId: SF_DEFAULTS.partner.partnerId, checkWordSecret: SF_DEFAULTS.partner.checkWord }), 'checkWordSecret'],
	])('%s: passes with the sandbox account, fails with a wrong secret', async (_name, type, credentials, secretField) => {
		expect(await credentialTest(type(), credentials())).toBeUndefined();
		expect(await credentialTest(type(), { ...credentials(), [secretField]: 'wrong' })).toEqual(expect.any(String));
	});
});
