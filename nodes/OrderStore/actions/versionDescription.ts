import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as cursor from './cursor/Cursor.resource';
import * as customer from './customer/Customer.resource';
import * as deadLetter from './deadLetter/DeadLetter.resource';
import * as inventory from './inventory/Inventory.resource';
import * as maintenance from './maintenance/Maintenance.resource';
import * as order from './order/Order.resource';
import * as sku from './sku/Sku.resource';

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
				{ name: 'Cursor', value: 'cursor', description: 'Where the last pull of a shop ended' },
				{ name: 'Customer', value: 'customer' },
				{ name: 'Dead Letter', value: 'deadLetter', description: 'Orders that failed validation, kept to fix and replay' },
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Maintenance', value: 'maintenance' },
				{ name: 'Order', value: 'order' },
				{ name: 'SKU', value: 'sku' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
		...sku.description,
		...customer.description,
		...cursor.description,
		...deadLetter.description,
		...maintenance.description,
	],
};
