import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import { orderReadOutputs } from '../../shared/orderOutput';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Shopify (Unified Orders)',
	name: 'shopifyStore',
	group: ['transform'],
	version: 1,
	description: "Read orders and refunds, ship with tracking and set stock per location on your own Shopify store (独立站), as unified orders",
	defaults: { name: 'Shopify (Unified Orders)' },
	inputs: [NodeConnectionTypes.Main],
	outputs: orderReadOutputs,
	credentials: [{ name: 'shopifyUnifiedApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Order', value: 'order' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
	],
};
