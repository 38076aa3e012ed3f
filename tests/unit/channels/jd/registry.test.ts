import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseJsonLossless } from '../../../../lib/json';
import { detectChannel, normalizePayload } from '../../../../lib/channels/registry';
import { isJdPayload, jdOrdersIn } from '../../../../lib/channels/jd/normalize';

const fixture = (name: string) =>
	parseJsonLossless<Record<string, any>>(readFileSync(path.resolve(__dirname, '../../../fixtures/channels/jd', name), 'utf8')); // eslint-disable-line @typescript-eslint/no-explicit-any

const get = fixture('order-get.json');
const search = fixture('order-search.json');
const list = search.jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList as unknown[];

describe('jdOrdersIn', () => {
	it.each([
		['an order.get envelope', get, ['$.jingdong_pop_order_get_responce.orderDetailInfo.orderInfo']],
		[
			'an order.search envelope',
			search,
			[
				'$.jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList[0]',
				'$.jingdong_pop_order_search_responce.searchorderinfo_result.orderInfoList[1]',
			],
		],
		['an empty search', { jingdong_pop_order_search_responce: { code: '0', searchorderinfo_result: { orderTotal: 0 } } }, []],
		['an orderInfoList', { orderInfoList: list }, ['$.orderInfoList[0]', '$.orderInfoList[1]']],
		['an orderInfo member', { orderInfo: list[0] }, ['$.orderInfo']],
		['a bare orderInfo', list[1], ['$']],
		['an array of orders', list, ['$[0]', '$[1]']],
	])('finds the orders in %s', (_name, payload, paths) => {
		expect(jdOrdersIn(payload).map((o) => o.path)).toEqual(paths);
	});
});

describe('JD detection', () => {
	it.each([
		['order.get envelope', get, true, 'jd'],
		['order.search envelope', search, true, 'jd'],
		['bare orderInfo', list[0], true, 'jd'],
		['array of orders', list, true, 'jd'],
		['a Taobao trade', { tid: '1', status: 'WAIT_SELLER_SEND_GOODS', orders: [] }, false, 'taobao'],
		['an orderInfo with an unknown state', { orderId: '1', orderState: 'paid', itemInfoList: [] }, false, undefined],
		['an orderInfo without items', { orderId: '1', orderState: 'WAIT_SELLER_STOCK_OUT' }, false, undefined],
		['an empty array', [], false, undefined],
	])('%s', (_name, payload, expected, channel) => {
		expect(isJdPayload(payload)).toBe(expected);
		expect(detectChannel(payload)).toBe(channel);
	});
});

describe('normalizePayload with JD', () => {
	it('detects JD and normalizes every order with paths into the payload, big ids exact', () => {
		const { channel, orders } = normalizePayload(search, { channel: 'detect' });
		expect(channel).toBe('jd');
		expect(orders.map((o) => o.result.ok && [o.result.order.channelOrderId, o.result.order.status])).toEqual([
			['3014567890123456791', 'completed'],
			['301456789012345679', 'cancelled'],
		]);
	});

	it('reports problems with paths into the whole envelope', () => {
		const broken = structuredClone(get);
		broken.jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.orderPayment = 'abc';
		const [only] = normalizePayload(broken, { channel: 'jd', shopId: 'x' }).orders;
		expect(only.result.ok).toBe(false);
		if (!only.result.ok) {
			expect(only.result.problems[0].path).toBe('$.jingdong_pop_order_get_responce.orderDetailInfo.orderInfo.orderPayment');
		}
	});
});
