import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';
import { orderReadOutputs } from '../../shared/orderOutput';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Taobao 淘宝/天猫',
	name: 'taobao',
	group: ['transform'],
	version: 1,
	description: 'Read orders and refunds, ship orders, add memos and update stock on Taobao and Tmall (TOP)',
	defaults: { name: 'Taobao' },
	inputs: [NodeConnectionTypes.Main],
	outputs: orderReadOutputs,
	credentials: [{ name: 'taobaoApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Order', value: 'order' },
				{ name: 'Refund', value: 'refund' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
		...refund.description,
	],
};
