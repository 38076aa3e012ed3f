// What every "create waybill" operation needs, read the same way for every provider: the receiver from the
// incoming unified order (or the field that holds it), the sender from the node, cargo and who pays.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readItemObject } from '../../shared/items';

export type PayMethod = 'shipper' | 'receiver' | 'monthly' | 'thirdParty';

export interface Contact {
	name: string;
	phone: string;
	province: string;
	city: string;
	district: string;
	address: string;
	company?: string;
}

export interface ShipmentRequest {
	/** Our own order reference sent to the provider (unique per waybill). */
	orderCode: string;
	sender: Contact;
	receiver: Contact;
	cargo: { name: string; count: number; weightKg?: number };
	parcelCount: number;
	payMethod: PayMethod;
	remark?: string;
}

const senderField = (name: string, displayName: string, required: boolean, placeholder: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	required,
	default: '',
	placeholder,
});

/** The fields of the shared part of "create waybill" (the provider adds its account fields). */
export const shipmentFields: INodeProperties[] = [
	{
		displayName: 'Use Order From Field',
		name: 'orderField',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		description: 'The receiver and order number come from the unified order in each item. Leave empty when the item is the order; otherwise name the field that holds it.',
	},
	{
		displayName: 'Order Reference',
		name: 'orderCode',
		type: 'string',
		default: '',
		description: "Your reference for this waybill, unique per parcel. Leave empty to use the order's channel order ID.",
	},
	senderField('senderName', 'Sender Name', true, 'e.g. 张三'),
	senderField('senderPhone', 'Sender Phone', true, 'e.g. 13800000000'),
	senderField('senderProvince', 'Sender Province', true, 'e.g. 广东省'),
	senderField('senderCity', 'Sender City', true, 'e.g. 深圳市'),
	senderField('senderDistrict', 'Sender District', false, 'e.g. 南山区'),
	senderField('senderAddress', 'Sender Address', true, 'e.g. 科技园路1号'),
	{
		displayName: 'Cargo Name',
		name: 'cargoName',
		type: 'string',
		default: '',
		description: "What is in the parcel. Leave empty to use the title of the order's first line.",
	},
	{ displayName: 'Parcel Count', name: 'parcelCount', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
	{
		displayName: 'Weight (Kg)',
		name: 'weightKg',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Total weight; 0 leaves it to the carrier to weigh',
	},
	{
		displayName: 'Pay Method',
		name: 'payMethod',
		type: 'options',
		options: [
			{ name: 'Sender Pays (寄付)', value: 'shipper' },
			{ name: 'Receiver Pays (到付)', value: 'receiver' },
			{ name: 'Monthly Account (月结)', value: 'monthly' },
			{ name: 'Third Party Pays (第三方付)', value: 'thirdParty' },
		],
		default: 'monthly',
	},
	{ displayName: 'Remark', name: 'remark', type: 'string', default: '', description: 'A note printed on the waybill' },
];

const str = (value: unknown): string => (typeof value === 'string' ? value.trim() : value === undefined || value === null ? '' : String(value));

export function readShipment(ctx: IExecuteFunctions, item: INodeExecutionData, i: number): ShipmentRequest {
	const order = readItemObject(ctx, item, ctx.getNodeParameter('orderField', i, '') as string, i) as IDataObject;
	const receiver = (order?.receiver ?? {}) as IDataObject;
	const orderCode = str(ctx.getNodeParameter('orderCode', i, '')) || str(order?.channelOrderId) || str(order?.id);
	if (!orderCode) {
		throw new NodeOperationError(ctx.getNode(), 'The item has no order number', {
			itemIndex: i,
			description: 'Set "Order Reference", or pass a unified order (with channelOrderId) in the item.',
		});
	}
	const to: Contact = {
		name: str(receiver.name),
		phone: str(receiver.phone),
		province: str(receiver.province),
		city: str(receiver.city),
		district: str(receiver.district),
		address: str(receiver.address),
	};
	if (!to.name || !to.phone || !to.address) {
		throw new NodeOperationError(ctx.getNode(), `Order ${orderCode} has no complete receiver (name, phone and address)`, {
			itemIndex: i,
			description: 'Pass a unified order with its receiver, or set "Use Order From Field" to the field that holds the order.',
		});
	}
	if (receiver.masked === true && to.phone.includes('*')) {
		throw new NodeOperationError(ctx.getNode(), `The receiver of order ${orderCode} is masked (${to.phone})`, {
			itemIndex: i,
			description: "Carriers need the real phone and address: read the order with unmasked receiver, or decrypt it on the channel first.",
		});
	}
	const lines = Array.isArray(order?.lines) ? (order.lines as IDataObject[]) : [];
	const weightKg = ctx.getNodeParameter('weightKg', i, 0) as number;
	const count = lines.reduce((sum, line) => sum + (typeof line.quantity === 'number' ? line.quantity : 0), 0);
	return {
		orderCode,
		sender: {
			name: str(ctx.getNodeParameter('senderName', i)),
			phone: str(ctx.getNodeParameter('senderPhone', i)),
			province: str(ctx.getNodeParameter('senderProvince', i)),
			city: str(ctx.getNodeParameter('senderCity', i)),
			district: str(ctx.getNodeParameter('senderDistrict', i, '')),
			address: str(ctx.getNodeParameter('senderAddress', i)),
		},
		receiver: to,
		cargo: {
			name: str(ctx.getNodeParameter('cargoName', i, '')) || str(lines[0]?.title) || '商品',
			count: count || 1,
			weightKg: weightKg > 0 ? weightKg : undefined,
		},
		parcelCount: (ctx.getNodeParameter('parcelCount', i, 1) as number) || 1,
		payMethod: ctx.getNodeParameter('payMethod', i, 'monthly') as PayMethod,
		remark: str(ctx.getNodeParameter('remark', i, '')) || undefined,
	};
}
