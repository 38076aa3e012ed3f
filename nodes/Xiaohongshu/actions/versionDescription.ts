import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';
import * as token from './token/Token.resource';
import { orderReadOutputs } from '../../shared/orderOutput';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Xiaohongshu 小红书',
	name: 'xiaohongshu',
	group: ['transform'],
	version: 1,
	description: 'Read orders and after-sales, ship orders and update stock on the Xiaohongshu (小红书) shop through the Ark open platform',
	defaults: { name: 'Xiaohongshu' },
	inputs: [NodeConnectionTypes.Main],
	outputs: orderReadOutputs,
	credentials: [{ name: 'xiaohongshuApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Access Token', value: 'accessToken' },
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Order', value: 'order' },
				{ name: 'Refund (After-Sale)', value: 'refund' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
		...refund.description,
		...token.description,
	],
};
