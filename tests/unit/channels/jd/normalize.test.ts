import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { orderId, validateOrder } from '../../../../lib/model';
import {
	FLAG_LINES_TOTAL_MISMATCH,
	FLAG_UPDATED_AT_FROM_CREATED,
	logisticsOf,
	normalizeJdOrder,
	type NormalizeResult,
} from '../../../../lib/channels/jd/normalize';

const fixtureDir = path.resolve(__dirname, '../../../fixtures/channels/jd');
const fixture = <T>(name: string): T => parseJsonLossless<T>(readFileSync(path.join(fixtureDir, name), 'utf8'));

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const detail = () => fixture<Raw>('order-get.json').jingdong_pop_order_get_responce.orderDetailInfo.orderInfo;
const searchList = () => fixture<Raw>('order-search.json').jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList as Raw[];
const refunds = () => fixture<Raw>('refundapply-querypagelist.json').jingdong_pop_afs_soa_refundapply_queryPageList_responce.queryResult.result as Raw[];

function expectOk(result: NormalizeResult) {
	if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.problems)}`);
	expect(validateOrder(result.order)).toEqual([]);
	return result.order;
}

describe('normalizeJdOrder: order.get detail', () => {
	const order = expectOk(normalizeJdOrder(detail()));

	it('keeps the above-2^53 orderId exactly and takes the shop from venderId', () => {
		expect(typeof detail().orderId).toBe('string');
		expect(order.channelOrderId).toBe('3014567890123456789');
		expect(order.shopId).toBe('10139288');
		expect(order.id).toBe(orderId('jd', '10139288', '3014567890123456789'));
	});

	it('maps state, yuan strings and Beijing times', () => {
		expect(order).toMatchObject({
			channel: 'jd',
			status: 'paid',
			rawStatus: 'WAIT_SELLER_STOCK_OUT',
			refundState: 'none',
			currency: 'CNY',
			totals: { goods: 255880, discount: 10580, shippingFee: 0, paid: 245300 },
			createdAt: '2024-03-08T20:15:42.000+08:00',
			paidAt: '2024-03-08T20:16:03.000+08:00',
			updatedAt: '2024-03-08T20:16:05.000+08:00',
			buyer: { id: 'o*AAQ2VMNweFJXvq0fAvKFvwKXYWFlN21QRryiD7Ee', nick: 'jd_5c3****f2a' },
			buyerMessage: '工作日送货',
			sellerMemo: '赠送贴膜',
			tags: ['order_type:22'],
		});
		expect(order.flags).toEqual([]);
		expect(order.shippedAt).toBeUndefined();
		expect(order.logistics).toBeUndefined();
		expect(order.presale).toBeUndefined();
	});

	it('keeps the masked consignee with its OAID token and JD region fields', () => {
		expect(order.receiver).toEqual({
			name: '王*',
			phone: '137****5678',
			province: '北京',
			city: '朝阳区',
			district: '三环到四环之间',
			town: '望京街道',
			address: '北京朝阳区三环到四环之间望京街道****',
			masked: true,
			token: 'JDoaid6a4b2c9d8e7f60123456789abcdef',
		});
	});

	it('numbers lines by position and spreads item coupons onto them', () => {
		expect(order.lines).toEqual([
			{
				lineId: '1',
				channelSkuId: '100012043978',
				channelItemId: '100008348542',
				merchantCode: 'RK70-12-256-BLK',
				title: '小米 Redmi K70 12GB+256GB 墨羽',
				quantity: 1,
				unitPrice: 249900,
				discount: 10000,
				paidAmount: 239900,
				refundState: 'none',
			},
			{
				lineId: '2',
				channelSkuId: '10022039398512',
				channelItemId: '10022039398511',
				merchantCode: 'CASE-K70-CLR',
				title: '手机壳 K70 透明',
				quantity: 2,
				unitPrice: 2990,
				discount: 580,
				paidAmount: 5400,
				refundState: 'none',
			},
		]);
	});

	it('keeps raw only on request and prefers the Shop ID option', () => {
		expect(order.raw).toBeUndefined();
		const kept = expectOk(normalizeJdOrder(detail(), { keepRaw: true, shopId: 'shop-9' }));
		expect(kept.raw).toEqual(detail());
		expect(kept.shopId).toBe('shop-9');
	});

	it('takes line refund states from the refund applications given with it', () => {
		const withRefunds = expectOk(normalizeJdOrder(detail(), { refunds: refunds() }));
		expect(withRefunds.lines.map((l) => l.refundState)).toEqual(['none', 'requested']);
		expect(withRefunds.refundState).toBe('requested');
	});
});

describe('normalizeJdOrder: order.search list', () => {
	const [finished, cancelled] = searchList();

	it('reads a finished order shipped by SF (JD carrier id 467) with freight', () => {
		const order = expectOk(normalizeJdOrder(finished));
		expect(order.channelOrderId).toBe('3014567890123456791');
		expect(order.status).toBe('completed');
		expect(order.totals).toEqual({ goods: 19900, discount: 0, shippingFee: 1000, paid: 20900 });
		expect(order.logistics).toEqual({
			carrier: 'sf',
			channelCarrierCode: '467',
			trackingNo: 'SF1402384910237',
			shipments: [{ carrier: 'sf', trackingNo: 'SF1402384910237' }],
		});
		expect(order.buyerMessage).toBeUndefined();
		expect(order.sellerMemo).toBeUndefined();
		expect(order.flags).toEqual([]);
	});

	it('reads a cancelled order with a string id and a finance-approved refund', () => {
		const order = expectOk(normalizeJdOrder(cancelled, { refunds: refunds() }));
		expect(order.channelOrderId).toBe('301456789012345679');
		expect(order.status).toBe('cancelled');
		expect(order.refundState).toBe('refunded');
		expect(order.lines[0].refundState).toBe('refunded');
		expect(order.receiver.masked).toBe(true);
		expect(order.receiver.token).toBeUndefined();
	});

	it('refuses an orderId that a lossy parse already rounded', () => {
		const lossy = JSON.parse(JSON.stringify({ ...finished, orderId: Number(finished.orderId) }));
		const result = normalizeJdOrder(lossy, { basePath: '$.orderInfoList[0]' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems).toEqual([
			expect.objectContaining({ source: 'payload', path: '$.orderInfoList[0].orderId', message: expect.stringContaining('2^53') }),
		]);
	});

	it('flags lines that disagree with orderPayment but keeps both', () => {
		const changed = structuredClone(finished);
		changed.orderPayment = '205.00';
		const order = expectOk(normalizeJdOrder(changed));
		expect(order.flags).toContain(FLAG_LINES_TOTAL_MISMATCH);
		expect(order.totals.paid).toBe(20500);
		expect(order.lines[0].paidAmount).toBe(19900);
	});

	it('stands createdAt in for a missing modified time and reads an unset time as absent', () => {
		const changed = structuredClone(finished);
		delete changed.modified;
		changed.paymentConfirmTime = '0000-00-00 00:00:00';
		const order = expectOk(normalizeJdOrder(changed));
		expect(order.updatedAt).toBe(order.createdAt);
		expect(order.paidAt).toBeUndefined();
		expect(order.flags).toEqual([FLAG_UPDATED_AT_FROM_CREATED]);
	});

	it('reads JD timestamps that carry milliseconds and an offset', () => {
		const changed = { ...finished, modified: '2024-02-27 10:00:00.683+0800' };
		expect(expectOk(normalizeJdOrder(changed)).updatedAt).toBe('2024-02-27T10:00:00.683+08:00');
	});
});

describe('normalizeJdOrder: problems', () => {
	it('reports every bad field with its path into the payload', () => {
		const order = structuredClone(detail());
		order.orderPayment = '12.345';
		order.orderStartTime = '2024-13-01 00:00:00';
		order.orderState = 'SOMETHING_NEW';
		order.itemInfoList[1].itemTotal = '0';
		order.couponDetailList[0].couponPrice = 'abc';
		const result = normalizeJdOrder(order, { basePath: '$.orderInfo' });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.channelOrderId).toBe('3014567890123456789');
		expect(result.problems.map((p) => p.path).sort()).toEqual(
			[
				'$.orderInfo.couponDetailList[0].couponPrice',
				'$.orderInfo.itemInfoList[1].itemTotal',
				'$.orderInfo.orderPayment',
				'$.orderInfo.orderStartTime',
				'$.orderInfo.orderState',
			].sort(),
		);
	});

	it('refuses non-objects and orders without items or shop', () => {
		expect(normalizeJdOrder(null)).toEqual({ ok: false, problems: [{ source: 'payload', path: '$', message: expect.any(String) }] });
		const { itemInfoList: _items, venderId: _vender, ...bare } = searchList()[0];
		const result = normalizeJdOrder(bare);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['$.itemInfoList', '$.venderId']);
	});
});

describe('logisticsOf', () => {
	it('splits carriers on | and one carrier\'s waybills on ,', () => {
		expect(logisticsOf('467|1499', 'SF1|ZT1,ZT2')).toEqual({
			carrier: 'zto',
			channelCarrierCode: '1499',
			trackingNo: 'ZT2',
			shipments: [
				{ carrier: 'sf', trackingNo: 'SF1' },
				{ carrier: 'zto', trackingNo: 'ZT1' },
				{ carrier: 'zto', trackingNo: 'ZT2' },
			],
		});
	});

	it('keeps an unknown JD carrier id verbatim and needs a waybill', () => {
		expect(logisticsOf('99999', 'X1')).toEqual({ channelCarrierCode: '99999', trackingNo: 'X1', shipments: [{ carrier: '99999', trackingNo: 'X1' }] });
		expect(logisticsOf('1274', '')).toBeUndefined();
		expect(logisticsOf(undefined, undefined)).toBeUndefined();
	});
});
