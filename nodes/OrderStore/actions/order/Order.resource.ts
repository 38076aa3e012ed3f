import type { INodeProperties } from 'n8n-workflow';
import * as findByTracking from './findByTracking.operation';
import * as get from './get.operation';
import * as history from './history.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { findByTracking, get, history, search, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Find by Tracking Number',
				value: 'findByTracking',
				description: 'Find the stored orders a waybill number belongs to, e.g. the one a carrier push is about',
				action: 'Find orders by tracking number',
			},
			{ name: 'Get', value: 'get', description: 'Get one stored order by its ID or channel order number', action: 'Get an order' },
			{ name: 'History', value: 'history', description: 'List every change made to an order: who, what, when', action: 'Get the history of an order' },
			{ name: 'Search', value: 'search', description: 'Find stored orders by channel, shop, status, dates, tag or text', action: 'Search orders' },
			{ name: 'Update', value: 'update', description: 'Change status, refund state, tags, memo, tracking, audit result or allocation', action: 'Update an order' },
			{
				name: 'Upsert',
				value: 'upsert',
				description: 'Store unified orders: new ones are created, newer snapshots update, older ones are ignored',
				action: 'Create or update orders',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...get.description,
	...findByTracking.description,
	...search.description,
	...update.description,
	...history.description,
];
