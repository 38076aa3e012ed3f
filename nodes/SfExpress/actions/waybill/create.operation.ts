import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { includeRawField } from '../../../TrackParcel/shared/fields';
import { readShipment, shipmentFields, type Contact, type PayMethod, type ShipmentRequest } from '../../../TrackParcel/shared/shipment';
import { sfClientFor } from '../../../TrackParcel/shared/transport';

/** [I] SF payMethod: 1 寄方付 (also with a monthly card), 2 收方付, 3 第三方付. */
export const SF_PAY_METHODS: Record<PayMethod, number> = { shipper: 1, receiver: 2, monthly: 1, thirdParty: 3 };

const properties: INodeProperties[] = [
	...shipmentFields,
	{
		displayName: 'Monthly Card (月结卡号)',
		name: 'monthlyCard',
		type: 'string',
		default: '',
		description: 'Your 10-digit SF monthly account; required when the pay method is Monthly Account',
	},
	{
		displayName: 'Express Type ID',
		name: 'expressTypeId',
		type: 'number',
		default: 1,
		description: 'SF product: 1 = 顺丰特快, 2 = 顺丰标快; see the product table of your SF contract',
	},
	{ displayName: 'Request Pickup', name: 'isDocall', type: 'boolean', default: false, description: 'Whether to have a courier come to pick the parcel up (上门收件)' },
	includeRawField,
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['create'] } }, properties);

const contact = (type: 1 | 2, c: Contact) => ({
	contactType: type,
	contact: c.name,
	mobile: c.phone,
	company: c.company,
	province: c.province,
	city: c.city,
	county: c.district,
	address: c.address,
	country: 'CN',
});

/** The EXP_RECE_CREATE_ORDER msgData (without language, which the client adds). */
export function sfOrderData(shipment: ShipmentRequest, options: { monthlyCard?: string; expressTypeId: number; isDocall: boolean }) {
	return {
		orderId: shipment.orderCode,
		contactInfoList: [contact(1, shipment.sender), contact(2, shipment.receiver)],
		cargoDetails: [{ name: shipment.cargo.name, count: shipment.cargo.count, unit: '件', weight: shipment.cargo.weightKg }],
		monthlyCard: options.monthlyCard,
		payMethod: SF_PAY_METHODS[shipment.payMethod],
		expressTypeId: options.expressTypeId,
		parcelQty: shipment.parcelCount,
		totalWeight: shipment.cargo.weightKg,
		isDocall: options.isDocall ? 1 : 0,
		remark: shipment.remark,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client, lastBody } = await sfClientFor(this);
	return await runParcelItems(this, 'sf', async (i, input, item) => {
		const shipment = readShipment(this, input, i);
		item.about({ label: 'order', value: shipment.orderCode });
		const monthlyCard = (this.getNodeParameter('monthlyCard', i, '') as string).trim() || undefined;
		if (shipment.payMethod === 'monthly' && !monthlyCard) {
			throw new NodeOperationError(this.getNode(), 'Monthly Account needs the monthly card number', {
				itemIndex: i,
				description: 'Fill in "Monthly Card", or pick another pay method.',
			});
		}
		const expressTypeId = this.getNodeParameter('expressTypeId', i, 1) as number;
		const isDocall = this.getNodeParameter('isDocall', i, false) as boolean;
		const result = await client.createOrder(sfOrderData(shipment, { monthlyCard, expressTypeId, isDocall }));
		const json: IDataObject = {
			provider: 'sf',
			carrier: 'sf',
			orderId: result.orderId ?? shipment.orderCode,
			trackingNo: result.trackingNo ?? null,
			waybillNos: result.waybillNos as unknown as IDataObject[],
			originCode: result.originCode ?? null,
			destCode: result.destCode ?? null,
			filterResult: result.filterResult ?? null,
		};
		if (this.getNodeParameter('includeRaw', i, false)) json.raw = lastBody() as IDataObject;
		return [json];
	});
}
