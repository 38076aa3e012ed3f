import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId, validateOrder } from '../../../../lib/model';
import { carrierIdOf, taobaoCompanyCode } from '../../../../lib/channels/taobao/codes';
import {
	FLAG_LINES_TOTAL_MISMATCH,
	normalizeTaobaoTrade,
	type NormalizeResult,
} from '../../../../lib/channels/taobao/normalize';

const fixtureDir = path.resolve(__dirname, '../../../fixtures/channels/taobao');
const fixture = <T>(name: string): T => parseJsonLossless<T>(readFileSync(path.join(fixtureDir, name), 'utf8'));

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const fullinfo = () => fixture<Raw>('trade-fullinfo-get.json').trade_fullinfo_get_response.trade;
const soldList = () => fixture<Raw>('trades-sold-get.json').trades_sold_get_response.trades.trade as Raw[];

function expectOk(result: NormalizeResult) {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
	expect(validateOrder(result.order)).toEqual([]);
	return result.order;
}

describe('normalizeTaobaoTrade: published fullinfo example', () => {
	const order = expectOk(normalizeTaobaoTrade(fullinfo(), { shopId: 'shop-1' }));

	it('keeps the above-2^53 tid exactly and derives the stable id from it', () => {
		expect(order.channelOrderId).toBe('289749893209214687');
		expect(order.id).toBe(orderId('taobao', 'shop-1', '289749893209214687'));
		expect(order.lines.map((l) => l.lineId)).toEqual(['289749893210214687', '289749893211214687']);
	});

	it('maps status, money and times', () => {
		expect(order).toMatchObject({
			channel: 'taobao',
			shopId: 'shop-1',
			status: 'paid',
			rawStatus: 'WAIT_SELLER_SEND_GOODS',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 2, discount: 0, shippingFee: 0, paid: 2 },
			createdAt: '2019-07-22T10:15:30.000+08:00',
			paidAt: '2019-07-22T10:16:02.000+08:00',
			updatedAt: '2019-07-22T10:16:05.000+08:00',
			buyerMessage: '请尽快发货',
			buyer: { id: 'AAHk5d-EAAeGwJedwSFu0XXX', nick: 't**1' },
		});
		expect(order.flags).toEqual([]);
		expect(order.shippedAt).toBeUndefined();
	});

	it('keeps the masked receiver with its OAID token', () => {
		expect(order.receiver).toEqual({
			name: '张**',
			phone: '138****1234',
			province: '浙江省',
			city: '杭州市',
			district: '余杭区',
			town: '五常街道',
			address: '文一西路****',
			postcode: '311121',
			masked: true,
			token: '1Ya2bC3dE4fG5hI6jK7lM8nO9pQ',
		});
	});

	it('maps lines with item ids and merchant codes', () => {
		expect(order.lines[0]).toEqual({
			lineId: '289749893210214687',
			channelItemId: '598497390355',
			merchantCode: 'JHJL001',
			title: 'WLN-架海金梁测试-请不要拍-CN001',
			quantity: 1,
			unitPrice: 1,
			discount: 0,
			paidAmount: 1,
			refundState: 'none',
		});
	});

	it('falls back to seller_nick for the shop and keeps raw only on request', () => {
		const result = expectOk(normalizeTaobaoTrade(fullinfo()));
		expect(result.shopId).toBe('架海金梁旗舰店');
		expect(result.raw).toBeUndefined();
		expect(expectOk(normalizeTaobaoTrade(fullinfo(), { keepRaw: true })).raw).toEqual(fullinfo());
	});
});

describe('normalizeTaobaoTrade: sold list', () => {
	const [finished, partial] = soldList();

	it('takes totals from the trade fields, postage included (published list example)', () => {
		const order = expectOk(normalizeTaobaoTrade(finished, { shopId: 's' }));
		expect(order.totals).toEqual({ goods: 16000, discount: 2000, shippingFee: 800, paid: 14800 });
		expect(order.status).toBe('completed');
		expect(order.lines[0]).toMatchObject({ unitPrice: 16000, discount: 2000, paidAmount: 14000, merchantCode: '06-18-08' });
		expect(order.flags).toEqual([]);
		expect(order.tags).toEqual(['seller_flag:2', 'trade_type:fixed']);
		expect(order.sellerMemo).toBe('已核对型号');
		expect(order.shippedAt).toBe('2018-09-28T10:21:38.000+08:00');
		expect(order.logistics).toEqual({
			carrier: 'sf',
			channelCarrierCode: '顺丰速运',
			trackingNo: '048929553270',
			shipments: [
				{
					carrier: 'sf',
					trackingNo: '048929553270',
					lineIds: ['227668460417201790'],
					shippedAt: '2018-09-28T10:21:38.000+08:00',
				},
			],
		});
		expect(order.receiver.masked).toBe(true);
		expect(order.receiver.token).toBeUndefined();
	});

	it('keeps a 19-digit tid sent as a JSON number, with SKU ids and a line refund', () => {
		const order = expectOk(normalizeTaobaoTrade(partial, { shopId: 's' }));
		expect(order.channelOrderId).toBe('4011234567890123457');
		expect(order.status).toBe('partially_shipped');
		expect(order.refundState).toBe('requested');
		expect(order.lines.map((l) => [l.lineId, l.channelSkuId, l.merchantCode, l.refundState])).toEqual([
			['4011234567890123458', '5012345678901', 'TEE-RED-M', 'none'],
			['4011234567890123459', undefined, 'SOCK', 'requested'],
		]);
		expect(order.lines[0].skuName).toBe('颜色:红;尺码:M');
		expect(order.logistics?.shipments?.[0]).toMatchObject({ carrier: 'zto', lineIds: ['4011234567890123458'] });
	});

	it('refuses a tid that was already rounded by a lossy parse', () => {
		const lossy = JSON.parse(JSON.stringify({ ...partial, tid: Number(partial.tid) }));
		const result = normalizeTaobaoTrade(lossy, { shopId: 's', basePath: '$.trades[1]' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			expect.objectContaining({ source: 'payload', path: '$.trades[1].tid', message: expect.stringContaining('2^53') }),
		]);
	});

	it('flags lines that disagree with the paid total but keeps both', () => {
		const changed = structuredClone(partial);
		changed.orders.order[1].divide_order_fee = '9.70';
		const order = expectOk(normalizeTaobaoTrade(changed, { shopId: 's' }));
		expect(order.flags).toContain(FLAG_LINES_TOTAL_MISMATCH);
		expect(order.totals.paid).toBe(24780);
		expect(order.lines[1].paidAmount).toBe(970);
	});
});

describe('normalizeTaobaoTrade: problems', () => {
	it('reports every bad field with its path into the payload', () => {
		const trade = structuredClone(soldList()[1]);
		trade.payment = '12.345';
		trade.created = '2024-13-01 00:00:00';
		trade.status = 'SOMETHING_NEW';
		trade.orders.order[1].num = 0;
		trade.orders.order[0].refund_status = 'MYSTERY';
		const result = normalizeTaobaoTrade(trade, { shopId: 's', basePath: '$.trade' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.channelOrderId).toBe('4011234567890123457');
		expect(result.problems.map((p) => p.path).sort()).toEqual(
			[
				'$.trade.created',
				'$.trade.orders.order[0].refund_status',
				'$.trade.orders.order[1].num',
				'$.trade.payment',
				'$.trade.status',
			].sort(),
		);
	});

	it('refuses non-objects and trades without lines or shop', () => {
		expect(normalizeTaobaoTrade('x')).toEqual({
			ok: false,
			problems: [{ source: 'payload', path: '$', message: expect.any(String) }],
		});
		const { orders: _orders, seller_nick: _nick, ...bare } = soldList()[0];
		const result = normalizeTaobaoTrade(bare);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['$.orders', '$.seller_nick']);
	});
});

describe('taobaoCompanyCode', () => {
	it.each([
		['sf', 'SF'],
		['SF', 'SF'],
		['顺丰速运', 'SF'],
		['zto', 'ZTO'],
		['youzheng', 'POSTB'],
		['dbkd', 'DBKD'],
	])('%s -> %s', (input, expected) => {
		expect(taobaoCompanyCode(input)).toBe(expected);
	});
});

describe('carrierIdOf', () => {
	it.each([
		['SF', 'sf'],
		['顺丰速运', 'sf'],
		['中通快递', 'zto'],
		['YUNDA', 'yunda'],
		['某某物流', undefined],
	])('%s -> %s', (input, expected) => {
		expect(carrierIdOf(input)).toBe(expected);
	});
});
