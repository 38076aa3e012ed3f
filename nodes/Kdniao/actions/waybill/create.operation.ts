import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toAggregatorCode } from '../../../../lib/carriers/carrierCodes';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, includeRawField } from '../../../TrackParcel/shared/fields';
import { readShipment, shipmentFields, type Contact, type PayMethod, type ShipmentRequest } from '../../../TrackParcel/shared/shipment';
import { kdniaoClientFor } from '../../../TrackParcel/shared/transport';

/** Kdniao PayType: 1 现付, 2 到付, 3 月结, 4 第三方付 (logistics spec §2.5). */
export const KDNIAO_PAY_TYPES: Record<PayMethod, number> = { shipper: 1, receiver: 2, monthly: 3, thirdParty: 4 };

const properties: INodeProperties[] = [
	carrierField('kdniao'),
	...shipmentFields,
	{
		displayName: 'Carrier Account',
		name: 'account',
		type: 'collection',
		placeholder: 'Add account field',
		default: {},
		description: "Your e-waybill account with the carrier, as Kdniao's page for that carrier asks for it",
		options: [
			{ displayName: 'Customer Name', name: 'CustomerName', type: 'string', default: '' },
			{ displayName: 'Customer Password', name: 'CustomerPwd', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Month Code (月结编码)', name: 'MonthCode', type: 'string', default: '' },
			{ displayName: 'Send Site (网点)', name: 'SendSite', type: 'string', default: '' },
			{ displayName: 'Express Type', name: 'ExpType', type: 'string', default: '1', description: '1 = standard express (标准快件)' },
			{ displayName: 'Return Print Template', name: 'IsReturnPrintTemplate', type: 'boolean', default: false },
		],
	},
	includeRawField,
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['create'] } }, properties);

const party = (c: Contact) => ({
	Company: c.company,
	Name: c.name,
	Mobile: c.phone,
	ProvinceName: c.province,
	CityName: c.city,
	ExpAreaName: c.district,
	Address: c.address,
});

/** The 1007 RequestData. */
export function kdniaoWaybillData(shipperCode: string, shipment: ShipmentRequest, account: IDataObject): Record<string, unknown> {
	const { IsReturnPrintTemplate, ExpType = '1', ...carrierAccount } = account;
	return {
		OrderCode: shipment.orderCode,
		ShipperCode: shipperCode,
		...carrierAccount,
		PayType: KDNIAO_PAY_TYPES[shipment.payMethod],
		ExpType,
		Sender: party(shipment.sender),
		Receiver: party(shipment.receiver),
		Commodity: [{ GoodsName: shipment.cargo.name, Goodsquantity: shipment.cargo.count, GoodsWeight: shipment.cargo.weightKg }],
		Weight: shipment.cargo.weightKg,
		Quantity: shipment.parcelCount,
		Remark: shipment.remark,
		IsReturnPrintTemplate: IsReturnPrintTemplate ? '1' : '0',
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client, lastBody } = await kdniaoClientFor(this);
	return await runParcelItems(this, 'kdniao', async (i, input, item) => {
		const shipment = readShipment(this, input, i);
		item.about({ label: 'order', value: shipment.orderCode });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const account = this.getNodeParameter('account', i, {}) as IDataObject;
		const result = await client.createWaybill(kdniaoWaybillData(toAggregatorCode(carrier, 'kdniao'), shipment, account));
		const json: IDataObject = {
			provider: 'kdniao',
			carrier: result.carrier ?? carrier,
			orderId: result.orderCode ?? shipment.orderCode,
			trackingNo: result.trackingNo ?? null,
			alreadyCreated: result.alreadyCreated,
			printTemplate: result.printTemplate ?? null,
		};
		if (this.getNodeParameter('includeRaw', i, false)) json.raw = lastBody() as IDataObject;
		return [json];
	});
}
