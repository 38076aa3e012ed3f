import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';
import { orderReadOutputs } from '../../shared/orderOutput';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'WeChat Shop 微信小店',
	name: 'wechatShop',
	group: ['transform'],
	version: 1,
	description: 'Read orders and after-sales, ship orders, add notes and update stock on the WeChat Channels shop (微信小店/视频号小店)',
	defaults: { name: 'WeChat Shop' },
	inputs: [NodeConnectionTypes.Main],
	outputs: orderReadOutputs,
	credentials: [{ name: 'wechatShopApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Order', value: 'order' },
				{ name: 'Refund (After-Sale)', value: 'refund' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
		...refund.description,
	],
};
