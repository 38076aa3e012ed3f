import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderRef, OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, orderIdField, outputOrder, readOptions, requiredString, showFullContactOption } from '../common';

/** Find By + the order ID or the channel's order number; shared with Update. */
export const orderRefProperties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Order ID', value: 'id', description: "The store's order ID (uo_...)" },
			{ name: 'Channel Order Number', value: 'channelOrder', description: "Channel, shop and the channel's own order number" },
		],
		default: 'id',
	},
	{ ...orderIdField, displayOptions: { show: { findBy: ['id'] } } },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: channelOptions,
		default: 'taobao',
		displayOptions: { show: { findBy: ['channelOrder'] } },
	},
	{
		displayName: 'Shop ID',
		name: 'shopId',
		type: 'string',
		required: true,
		default: '',
		description: 'The shop ID the orders were stored with (as in the channel credential)',
		displayOptions: { show: { findBy: ['channelOrder'] } },
	},
	{
		displayName: 'Channel Order Number',
		name: 'channelOrderId',
		type: 'string',
		required: true,
		default: '',
		description: "The channel's own order number (tid, orderId, ...)",
		displayOptions: { show: { findBy: ['channelOrder'] } },
	},
];

const properties: INodeProperties[] = [
	...orderRefProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Cost and Margin',
				name: 'withCost',
				type: 'boolean',
				default: false,
				description: "Whether to add line costs and the margin from the master SKUs (left out for profiles that may not see them)",
			},
			showFullContactOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export function orderRefFromParameters(ctx: IExecuteFunctions, i: number): { ref: OrderRef; label: string } {
	if (ctx.getNodeParameter('findBy', i, 'id') === 'id') {
		const id = requiredString(ctx, 'orderId', 'Order ID', i);
		return { ref: id, label: id };
	}
	const ref = {
		channel: requiredString(ctx, 'channel', 'Channel', i),
		shopId: requiredString(ctx, 'shopId', 'Shop ID', i),
		channelOrderId: requiredString(ctx, 'channelOrderId', 'Channel Order Number', i),
	};
	return { ref, label: `${ref.channel}/${ref.shopId}/${ref.channelOrderId}` };
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	store: OrderStore,
	access: StoreAccess,
): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'order', operation: 'get' }, async (i, note) => {
		const { ref, label } = orderRefFromParameters(this, i);
		note.orderId = label;
		const options = readOptions(this, i);
		const order = await store.getOrder(ref, { withCost: options.withCost === true });
		if (!order) throw new Error(`order ${label} is not in the store`);
		return [outputOrder(order, access, options.showFullContact)];
	});
}
