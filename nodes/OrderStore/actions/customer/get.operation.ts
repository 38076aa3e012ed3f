import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { PROFILE_RULES, type CustomerRef, type CustomerView, type OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, requiredString } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Customer ID', value: 'id', description: "The store's customer ID, as orders carry it (customerId)" },
			{ name: 'Channel Buyer ID', value: 'buyer', description: "A channel's buyer ID / open ID" },
		],
		default: 'id',
	},
	{ displayName: 'Customer ID', name: 'customerId', type: 'string', required: true, default: '', displayOptions: { show: { findBy: ['id'] } } },
	{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'taobao', displayOptions: { show: { findBy: ['buyer'] } } },
	{ displayName: 'Buyer ID', name: 'buyerId', type: 'string', required: true, default: '', displayOptions: { show: { findBy: ['buyer'] } } },
	{
		displayName: 'Orders to Include',
		name: 'orderLimit',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 20,
		description: 'How many of the newest orders to list with the customer',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

/** Profiles without buyer access (Warehouse) see the order history but not who the buyer is. */
export function customerForProfile(customer: CustomerView, access: StoreAccess): IDataObject {
	if (PROFILE_RULES[access.profile].buyer) return customer as unknown as IDataObject;
	const { displayName: _name, identities: _identities, ...rest } = customer;
	return rest as unknown as IDataObject;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'customer', operation: 'get' }, async (i) => {
		const ref: CustomerRef =
			this.getNodeParameter('findBy', i, 'id') === 'id'
				? requiredString(this, 'customerId', 'Customer ID', i)
				: { channel: requiredString(this, 'channel', 'Channel', i), buyerId: requiredString(this, 'buyerId', 'Buyer ID', i) };
		const customer = await store.getCustomer(ref, { orderLimit: Number(this.getNodeParameter('orderLimit', i, 20)) });
		if (!customer) throw new Error(`customer ${typeof ref === 'string' ? ref : `${ref.channel}/${ref.buyerId}`} is not in the store`);
		return [customerForProfile(customer, access)];
	});
}
