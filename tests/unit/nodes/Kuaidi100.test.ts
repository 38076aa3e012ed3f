// The Kuaidi100 node through a fake n8n context: parameters -> signed Kuaidi100 requests -> output items.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { kuaidi100QuerySign, kuaidi100TimedSign } from '../../../lib/carriers/kuaidi100/sign';
import { Kuaidi100 } from '../../../nodes/Kuaidi100/Kuaidi100.node';
import { sampleOrder } from '../../fixtures/orders';
import { carrierContext, SENDER_PARAMETERS } from './TrackParcel.kit';

const DELIVERED = {
	message: 'ok',
	nu: 'SF1234567890',
	ischeck: '1',
	com: 'shunfeng',
	status: '200',
	state: '301',
	data: [
		{ time: '2026-11-20 18:00:00', ftime: '2026-11-20 18:00:00', context: '已签收，本人签收', statusCode: '301' },
		{ time: '2026-11-19 09:00:00', ftime: '2026-11-19 09:00:00', context: '顺丰速运 已收取快件', statusCode: '103' },
	],
};

async function run(parameters: Record<string, unknown>, answers: object[], extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const { api, context } = carrierContext({ parameters, answers, ...extra });
	const result = new Kuaidi100().execute.call(context);
	return { api, result };
}

describe('Kuaidi100 node', () => {
	const track = { resource: 'tracking', operation: 'get', trackingNo: 'SF1234567890', carrier: 'sf', phone: '13812341234' };

	it('gets a signed real-time query and outputs the normalized timeline, paired with its item', async () => {
		const { api, result } = await run(track, [DELIVERED], { items: [{}, {}] });
		const [items] = await result;
		expect(items).toHaveLength(2);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		const json = items[0].json;
		expect(json).toMatchObject({ carrier: 'sf', trackingNo: 'SF1234567890', status: 'delivered', subStatus: 'signed_self', provider: 'kuaidi100' });
		expect((json.events as IDataObject[]).map((e) => e.status)).toEqual(['picked_up', 'delivered']);
		expect(json.raw).toBeUndefined();
		const form = api.seen[0].form;
		expect(api.seen[0].url).toBe('http://carrier.test/kuaidi100/poll/query.do');
		expect(form.customer).toBe('TESTCUSTOMER');
		expect(form.sign).toBe(kuaidi100QuerySign(form.param, 'TESTKEY', 'TESTCUSTOMER'));
		expect(JSON.parse(form.param)).toMatchObject({ com: 'shunfeng', num: 'SF1234567890', phone: '13812341234' });
	});

	it('adds the raw answer when asked', async () => {
		const { result } = await run({ ...track, includeRaw: true }, [DELIVERED]);
		const [[item]] = await result;
		expect((item.json.raw as IDataObject).nu).toBe('SF1234567890');
	});

	it('fails with an error naming Kuaidi100, the tracking number, the code and what to do', async () => {
		const { result } = await run(track, [{ result: false, returnCode: '503', message: '验证签名失败' }]);
		const error = await result.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toContain('Kuaidi100');
		expect((error as Error).message).toContain('SF1234567890');
		expect((error as Error).message).toContain('503');
		expect((error as NodeApiError).description).toContain('check the credential');
	});

	it('puts an error item on the output with Continue On Fail and goes on', async () => {
		const { result } = await run(track, [{ result: false, returnCode: '503', message: '验证签名失败' }, DELIVERED], {
			items: [{}, {}],
			continueOnFail: true,
		});
		const [items] = await result;
		expect(items[0].json).toMatchObject({ provider: 'kuaidi100', trackingNo: 'SF1234567890', code: '503', errorKind: 'auth' });
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.status).toBe('delivered');
	});

	it('subscribes a parcel with the callback URL and the push salt of the credential', async () => {
		const { api, result } = await run(
			{ resource: 'tracking', operation: 'subscribe', trackingNo: 'YT0000000000001', carrier: 'yto', phone: '', callbackUrl: 'https://n8n.test/webhook/k' },
			[{ result: true, returnCode: '200', message: '提交成功' }],
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ subscribed: true, alreadySubscribed: false, trackingNo: 'YT0000000000001', signedPushes: true });
		const { form } = api.seen[0];
		expect(form.schema).toBe('json');
		const param = JSON.parse(form.param);
		expect(param).toMatchObject({ company: 'yuantong', number: 'YT0000000000001', key: 'TESTKEY' });
		expect(param.parameters).toMatchObject({ callbackurl: 'https://n8n.test/webhook/k', salt: 'TESTSALT' });
	});

	it('creates an e-waybill for the incoming unified order, receiver from the order and sender from the node', async () => {
		const order = sampleOrder();
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'create', carrier: 'zto', payMethod: 'monthly', account: { partnerId: 'P1', printType: 'IMAGE' }, ...SENDER_PARAMETERS },
			[{ code: 200, message: 'success', data: { taskId: 'T1', kuaidinum: '73100000000001', label: 'https://label.test/1' } }],
			{ items: [order as unknown as IDataObject] },
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ provider: 'kuaidi100', carrier: 'zto', trackingNo: '73100000000001', orderId: order.channelOrderId, labelUrl: 'https://label.test/1' });
		const { form } = api.seen[0];
		expect(form.method).toBe('order');
		expect(form.sign).toBe(kuaidi100TimedSign(form.param, form.t, 'TESTKEY', 'TESTSECRET'));
		const param = JSON.parse(form.param);
		expect(param).toMatchObject({ kuaidicom: 'zhongtong', partnerId: 'P1', printType: 'IMAGE', payType: 'MONTHLY', cargo: order.lines[0].title, weight: 1.5 });
		expect(param.recMan).toMatchObject({ name: order.receiver.name, mobile: order.receiver.phone });
		expect(param.sendMan).toMatchObject({ name: '李四', mobile: '13900001111', printAddr: '广东省深圳市南山区科技园路1号' });
	});

	it('refuses a masked receiver before calling Kuaidi100', async () => {
		const order = sampleOrder();
		const masked = { ...order, receiver: { ...order.receiver, phone: '138****1234', masked: true } };
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'create', carrier: 'zto', payMethod: 'monthly', account: {}, ...SENDER_PARAMETERS },
			[{ code: 200, data: {} }],
			{ items: [masked as unknown as IDataObject] },
		);
		const error = await result.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as Error).message).toContain('masked');
		expect(api.seen).toHaveLength(0);
	});

	it('cancels an e-waybill by carrier and tracking number', async () => {
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'cancel', trackingNo: '73100000000001', carrier: 'zto', orderCode: '', reason: '订单取消' },
			[{ code: 200, message: 'success', data: {} }],
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ cancelled: true, trackingNo: '73100000000001' });
		expect(api.seen[0].form.method).toBe('cancel');
		expect(JSON.parse(api.seen[0].form.param)).toMatchObject({ kuaidicom: 'zhongtong', kuaidinum: '73100000000001', reason: '订单取消' });
	});
});
