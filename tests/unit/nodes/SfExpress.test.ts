// The SF Express node through a fake n8n context: parameters -> msgDigest-signed SF calls -> output items.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { sfMsgDigest } from '../../../lib/carriers/sf/sign';
import { SfExpress } from '../../../nodes/SfExpress/SfExpress.node';
import { sampleOrder } from '../../fixtures/orders';
import { carrierContext, SENDER_PARAMETERS } from './TrackParcel.kit';

const envelope = (result: object) => ({ apiResultCode: 'A1000', apiErrorMsg: '', apiResponseID: 'R1', apiResultData: JSON.stringify(result) });
const ok = (msgData: object) => envelope({ success: true, errorCode: 'S0000', errorMsg: null, msgData });

const ROUTES = ok({
	routeResps: [
		{
			mailNo: 'SF1234567890',
			routes: [
				{ acceptTime: '2026-11-19 09:00:00', acceptAddress: '深圳市', remark: '顺丰速运 已收取快件', opCode: '50' },
				{ acceptTime: '2026-11-20 18:00:00', acceptAddress: '上海市', remark: '已签收', opCode: '80' },
			],
		},
	],
});

async function run(parameters: Record<string, unknown>, answers: object[], extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) {
	const { api, context } = carrierContext({ parameters, answers, ...extra });
	return { api, result: new SfExpress().execute.call(context) };
}

describe('SF Express node', () => {
	const track = { resource: 'tracking', operation: 'get', trackingNo: 'SF1234567890', phone: '13812341234' };

	it('queries routes with a valid msgDigest and the phone digits SF needs, and normalizes them', async () => {
		const { api, result } = await run(track, [ROUTES]);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ carrier: 'sf', trackingNo: 'SF1234567890', status: 'delivered', provider: 'sf' });
		expect((item.json.events as IDataObject[]).map((e) => e.status)).toEqual(['picked_up', 'delivered']);
		const { form, url } = api.seen[0];
		expect(url).toBe('http://carrier.test/sf/std/service');
		expect(form).toMatchObject({ partnerID: 'PARTNER', serviceCode: 'EXP_RECE_SEARCH_ROUTES' });
		expect(form.msgDigest).toBe(sfMsgDigest(form.msgData, form.timestamp, 'test-check-word'));
		expect(JSON.parse(form.msgData)).toMatchObject({ trackingNumber: ['SF1234567890'], checkPhoneNo: '1234', trackingType: 1 });
	});

	it('reports a waybill SF has no routes for as pending', async () => {
		const { result } = await run(track, [ok({ routeResps: [] })]);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ trackingNo: 'SF1234567890', status: 'pending', events: [] });
	});

	it('names SF, the tracking number, the gateway code and the hint on a refused signature', async () => {
		const { result } = await run(track, [{ apiResultCode: 'A1006', apiErrorMsg: '数字签名无效', apiResponseID: 'R1' }]);
		const error = await result.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/SF Express EXP_RECE_SEARCH_ROUTES for tracking number SF1234567890 failed with code A1006/);
		expect((error as NodeApiError).description).toContain('check word');
	});

	it('creates an SF order from the unified order and outputs the waybill number', async () => {
		const order = sampleOrder();
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'create', payMethod: 'monthly', monthlyCard: '7551234567', expressTypeId: 2, isDocall: true, ...SENDER_PARAMETERS },
			[ok({ orderId: order.channelOrderId, waybillNoInfoList: [{ waybillType: 1, waybillNo: 'SF7000000000001' }], originCode: '755', destCode: '021', filterResult: 2 })],
			{ items: [order as unknown as IDataObject] },
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ provider: 'sf', carrier: 'sf', trackingNo: 'SF7000000000001', orderId: order.channelOrderId, destCode: '021' });
		const { form } = api.seen[0];
		expect(form.serviceCode).toBe('EXP_RECE_CREATE_ORDER');
		const msg = JSON.parse(form.msgData);
		expect(msg).toMatchObject({ orderId: order.channelOrderId, monthlyCard: '7551234567', payMethod: 1, expressTypeId: 2, isDocall: 1 });
		expect(msg.contactInfoList[0]).toMatchObject({ contactType: 1, contact: '李四', mobile: '13900001111', county: '南山区' });
		expect(msg.contactInfoList[1]).toMatchObject({ contactType: 2, contact: order.receiver.name, mobile: order.receiver.phone });
	});

	it('asks for the monthly card before calling SF when the monthly account pays', async () => {
		const { api, result } = await run(
			{ resource: 'waybill', operation: 'create', payMethod: 'monthly', monthlyCard: '', ...SENDER_PARAMETERS },
			[ok({})],
			{ items: [sampleOrder() as unknown as IDataObject] },
		);
		await expect(result).rejects.toBeInstanceOf(NodeOperationError);
		expect(api.seen).toHaveLength(0);
	});

	it('names the order and the business code when SF refuses an order', async () => {
		const { result } = await run(
			{ resource: 'waybill', operation: 'create', payMethod: 'shipper', monthlyCard: '', ...SENDER_PARAMETERS, orderCode: 'DUP-1' },
			[envelope({ success: false, errorCode: '8016', errorMsg: '重复下单', msgData: null })],
			{ items: [sampleOrder() as unknown as IDataObject], continueOnFail: true },
		);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ provider: 'sf', orderId: 'DUP-1', code: '8016' });
	});

	it('cancels an order (dealType 2) and treats "already cancelled" as done', async () => {
		const { api, result } = await run({ resource: 'waybill', operation: 'cancel', orderCode: 'O-1' }, [
			envelope({ success: false, errorCode: '8037', errorMsg: '已消单', msgData: null }),
		]);
		const [[item]] = await result;
		expect(item.json).toMatchObject({ cancelled: true, alreadyCancelled: true, orderId: 'O-1' });
		expect(JSON.parse(api.seen[0].form.msgData)).toMatchObject({ orderId: 'O-1', dealType: 2 });
	});
});
