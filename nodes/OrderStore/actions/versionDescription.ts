import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as order from './order/Order.resource';

/** Everything but what n8n's lint reads from the node class itself (icon, subtitle, credentials, usableAsTool). */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool' | 'credentials'> = {
	displayName: 'Order Store 订单中心',
	name: 'orderStore',
	group: ['transform'],
	version: 1,
	description: 'Keep every channel\'s orders, stock, SKUs, customers and sync cursors in one store (SQLite or PostgreSQL)',
	defaults: { name: 'Order Store' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Order', value: 'order' },
			],
			default: 'order',
		},
		...order.description,
	],
};
