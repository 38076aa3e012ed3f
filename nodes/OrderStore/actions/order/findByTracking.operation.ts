import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { eachItem, outputOrder, readOptions, requiredString, showFullContactOption, stringParameter } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Tracking Number',
		name: 'trackingNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. SF1234567890',
		description: 'The waybill number a carrier push or a tracking query names (the carrier triggers output it as trackingNo)',
	},
	{
		displayName: 'Carrier',
		name: 'carrier',
		type: 'string',
		default: '',
		placeholder: 'e.g. sf',
		description: 'Our carrier ID (sf, jd, zto, ...). Set: orders stored with another carrier are left out. Empty: any carrier.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Error When Not Found',
				name: 'errorWhenNotFound',
				type: 'boolean',
				default: false,
				description: 'Whether a tracking number no stored order carries is an error. Off: that item gives no output (a parcel that is not one of ours).',
			},
			showFullContactOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['findByTracking'] } }, properties);

/** One output item per stored order carrying the tracking number (several when orders were shipped together). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	store: OrderStore,
	access: StoreAccess,
): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'order', operation: 'findByTracking' }, async (i) => {
		const trackingNo = requiredString(this, 'trackingNumber', 'Tracking Number', i);
		const carrier = stringParameter(this, 'carrier', i) || undefined;
		const options = readOptions(this, i);
		const orders = await store.findByTrackingNo({ trackingNo, carrier });
		if (!orders.length && options.errorWhenNotFound === true) {
			throw new Error(`no stored order carries tracking number ${trackingNo}${carrier ? ` (carrier ${carrier})` : ''}`);
		}
		return orders.map((order) => outputOrder(order, access, options.showFullContact));
	});
}
