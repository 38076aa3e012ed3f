import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { toAggregatorCode } from '../../../../lib/carriers/carrierCodes';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, includeRawField } from '../../../TrackParcel/shared/fields';
import { readShipment, shipmentFields, type Contact, type PayMethod, type ShipmentRequest } from '../../../TrackParcel/shared/shipment';
import { kuaidi100ClientFor } from '../../../TrackParcel/shared/transport';

/** [I] Kuaidi100 payType values per pay method (SDK examples show SHIPPER; the others are from its docs' table). */
export const KUAIDI100_PAY_TYPES: Record<PayMethod, string> = {
	shipper: 'SHIPPER',
	receiver: 'CONSIGNEE',
	monthly: 'MONTHLY',
	thirdParty: 'THIRDPARTY',
};

const properties: INodeProperties[] = [
	carrierField('kuaidi100'),
	...shipmentFields,
	{
		displayName: 'Carrier Account',
		name: 'account',
		type: 'collection',
		placeholder: 'Add account field',
		default: {},
		description: "Your account with the carrier (电子面单账号), as the carrier's Kuaidi100 page asks for it",
		options: [
			{ displayName: 'Partner ID', name: 'partnerId', type: 'string', default: '' },
			{ displayName: 'Partner Key', name: 'partnerKey', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Partner Secret', name: 'partnerSecret', type: 'string', typeOptions: { password: true }, default: '' },
			{ displayName: 'Partner Name', name: 'partnerName', type: 'string', default: '' },
			{ displayName: 'Outlet (网点)', name: 'net', type: 'string', default: '' },
			{ displayName: 'Outlet Code', name: 'code', type: 'string', default: '' },
			{ displayName: 'Express Type', name: 'expType', type: 'string', default: '标准快递' },
			{ displayName: 'Template ID', name: 'tempId', type: 'string', default: '' },
			{
				displayName: 'Print Type',
				name: 'printType',
				type: 'options',
				options: [
					{ name: 'None (Number Only)', value: 'NON' },
					{ name: 'Image URL', value: 'IMAGE' },
					{ name: 'HTML', value: 'HTML' },
					{ name: 'Cloud Printer', value: 'CLOUD' },
				],
				default: 'NON',
			},
			{ displayName: 'Cloud Printer ID (Siid)', name: 'siid', type: 'string', default: '' },
		],
	},
	includeRawField,
];

export const description = updateDisplayOptions({ show: { resource: ['waybill'], operation: ['create'] } }, properties);

const person = (c: Contact) => ({ name: c.name, mobile: c.phone, printAddr: [c.province, c.city, c.district, c.address].join(''), company: c.company });

/** The label/order `param` of method=order. */
export function kuaidi100LabelParam(kuaidicom: string, shipment: ShipmentRequest, account: IDataObject): Record<string, unknown> {
	const { printType = 'NON', expType = '标准快递', ...carrierAccount } = account;
	return {
		kuaidicom,
		...carrierAccount,
		recMan: person(shipment.receiver),
		sendMan: person(shipment.sender),
		cargo: shipment.cargo.name,
		count: shipment.parcelCount,
		weight: shipment.cargo.weightKg,
		payType: KUAIDI100_PAY_TYPES[shipment.payMethod],
		expType,
		printType,
		remark: shipment.remark,
		orderId: shipment.orderCode,
	};
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client, lastBody } = await kuaidi100ClientFor(this);
	return await runParcelItems(this, 'kuaidi100', async (i, input, item) => {
		const shipment = readShipment(this, input, i);
		item.about({ label: 'order', value: shipment.orderCode });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const account = this.getNodeParameter('account', i, {}) as IDataObject;
		const result = await client.createLabel(kuaidi100LabelParam(toAggregatorCode(carrier, 'kuaidi100'), shipment, account));
		const json: IDataObject = {
			provider: 'kuaidi100',
			carrier,
			orderId: shipment.orderCode,
			trackingNo: result.trackingNo ?? null,
			childTrackingNos: result.childTrackingNos,
			returnTrackingNo: result.returnTrackingNo ?? null,
			labelUrl: result.labelUrl ?? null,
			taskId: result.taskId ?? null,
		};
		if (this.getNodeParameter('includeRaw', i, false)) json.raw = lastBody() as IDataObject;
		return [json];
	});
}
