import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as afterSale from './afterSale/AfterSale.resource';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as token from './token/Token.resource';

// Order reads in Normalized or Both mode get a second output for orders that cannot be normalized.
const outputs = `={{ $parameter.resource === "order" && ["get", "getMany"].includes($parameter.operation) && $parameter.output !== "raw" ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Orders" }, { type: "${NodeConnectionTypes.Main}", displayName: "Unnormalized" }] : ["${NodeConnectionTypes.Main}"] }}` as const;

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Douyin Shop 抖店',
	name: 'douyin',
	group: ['transform'],
	version: 1,
	description: 'Read orders and after-sales, ship orders, add remarks and update stock on a Douyin Shop (抖店) through its open platform',
	defaults: { name: 'Douyin Shop' },
	inputs: [NodeConnectionTypes.Main],
	outputs,
	credentials: [{ name: 'douyinApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Access Token', value: 'accessToken' },
				{ name: 'After-Sale (售后)', value: 'afterSale' },
				{ name: 'Inventory', value: 'inventory' },
				{ name: 'Order', value: 'order' },
			],
			default: 'order',
		},
		...order.description,
		...inventory.description,
		...afterSale.description,
		...token.description,
	],
};
