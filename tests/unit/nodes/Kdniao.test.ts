// The Kdniao node through a fake n8n context: parameters -> DataSign-signed Kdniao requests -> output items.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { kdniaoDataSign } from '../../../lib/carriers/kdniao/sign';
import { Kdniao } from '../../../nodes/Kdniao/Kdniao.node';
import { sampleOrder } from '../../fixtures/orders';
import { carrierContext, SENDER_PARAMETERS } from './TrackParcel.kit';

const IN_TRANSIT = {
	EBusinessID: '1234567',
	ShipperCode: 'SF',
	LogisticCode: 'SF1234567890',
	Success: true,
	State: '2',
	StateEx: '202',
	Traces: [
		{ AcceptTime: '2026-11-19 09:00:00', AcceptStation: '顺丰速运 已收取快件', Action: '1' },
		{ AcceptTime: '2026-11-20 08:00:00', AcceptStation: '快件派送中', Action: '202' },
	],
};

async function run(parameters: Record<string, unknown>, answers: object[], extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const { api, context } = carrierContext({ parameters, answers, ...extra });
	return { api, result: new Kdniao().execute.call(context) };
}

describe('Kdniao node', () => {
	const track = { resource: 'tracking', operation: 'get', trackingNo: 'SF1234567890', carrier: 'sf', phone: '138-1234-1234', monitored: true };

	it('queries with a valid DataSign (monitored 8001, SF phone digits as CustomerName) and normalizes the answer', async () => {
		const { api, result } = await run(track, [IN_TRANSIT]);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ carrier: 'sf', trackingNo: 'SF1234567890', status: 'out_for_delivery', provider: 'kdniao' });
		expect(item.pairedItem).toEqual({ item: 0 });
		const { form, url } = api.seen[0];
		expect(url).toBe('http://carrier.test/kdniao/Ebusiness/EbusinessOrderHandle.aspx');
		expect(form).toMatchObject({ EBusinessID: '1234567', RequestType: '8001', DataType: '2' });
		expect(form.DataSign).toBe(kdniaoDataSign(form.RequestData, 'test-app-key'));
		expect(JSON.parse(form.RequestData)).toMatchObject({ ShipperCode: 'SF', LogisticCode: 'SF1234567890', CustomerName: '1234' });
	});

	it('names Kdniao, the tracking number and the ResultCode when Kdniao refuses', async () => {
		const { result } = await run(track, [{ EBusinessID: '1234567', Success: false, ResultCode: '102', Reason: '验证失败' }]);
		const error = await result.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/Kdniao .*SF1234567890.*102.*验证失败/);
	});

	it('keeps going with Continue On Fail', async () => {
		const { result } = await run(track, [{ Success: false, ResultCode: '102', Reason: '验证失败' }, IN_TRANSIT], { items: [{}, {}], continueOnFail: true });
		const [items] = await result;
		expect(items[0].json).toMatchObject({ provider: 'kdniao', trackingNo: 'SF1234567890', code: '102' });
		expect(items[1].json.status).toBe('out_for_delivery');
	});

	it('subscribes (1008) with the callback value', async () => {
		const { api, result } = await run(
			{ resource: 'tracking', operation: 'subscribe', trackingNo: '73100000000001', carrier: 'zto', phone: '', monitored: false, callback: 'order-42' },
			[{ EBusinessID: '1234567', Success: true, UpdateTime: '2026-11-20 08:00:00' }],
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ subscribed: true, trackingNo: '73100000000001', callback: 'order-42' });
		expect(api.seen[0].url).toBe('http://carrier.test/kdniao/api/dist');
		expect(api.seen[0].form.RequestType).toBe('1008');
		expect(JSON.parse(api.seen[0].form.RequestData)).toMatchObject({ ShipperCode: 'ZTO', LogisticCode: '73100000000001', Callback: 'order-42' });
	});

	it('creates an e-waybill (1007) from the order under a field, with the pay type and carrier account', async () => {
		const order = sampleOrder();
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'create', carrier: 'yto', payMethod: 'receiver', account: { CustomerName: 'acct', MonthCode: 'M1' }, ...SENDER_PARAMETERS, orderField: 'order' },
			[{ EBusinessID: '1234567', Success: true, ResultCode: '100', Order: { OrderCode: order.channelOrderId, ShipperCode: 'YTO', LogisticCode: 'YT9000000000001' } }],
			{ items: [{ order } as unknown as IDataObject] },
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ provider: 'kdniao', carrier: 'yto', trackingNo: 'YT9000000000001', orderId: order.channelOrderId });
		expect(api.seen[0].url).toBe('http://carrier.test/kdniao/api/EOrderService');
		const data = JSON.parse(api.seen[0].form.RequestData);
		expect(data).toMatchObject({ ShipperCode: 'YTO', PayType: 2, CustomerName: 'acct', MonthCode: 'M1', Quantity: 1 });
		expect(data.Receiver).toMatchObject({ Name: order.receiver.name, Mobile: order.receiver.phone, ProvinceName: order.receiver.province });
		expect(data.Sender).toMatchObject({ Name: '李四', CityName: '深圳市', ExpAreaName: '南山区' });
	});

	it('cancels an e-waybill (1147) by order reference and number', async () => {
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'cancel', trackingNo: 'YT9000000000001', carrier: 'yto', orderCode: 'O-1', customerName: '', customerPwd: '' },
			[{ EBusinessID: '1234567', Success: true, ResultCode: '100' }],
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ cancelled: true, orderId: 'O-1', trackingNo: 'YT9000000000001' });
		expect(api.seen[0].form.RequestType).toBe('1147');
		expect(JSON.parse(api.seen[0].form.RequestData)).toMatchObject({ ShipperCode: 'YTO', OrderCode: 'O-1', ExpNo: 'YT9000000000001' });
	});
});
