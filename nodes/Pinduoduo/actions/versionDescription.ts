import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as inventory from './inventory/Inventory.resource';
import * as order from './order/Order.resource';
import * as refund from './refund/Refund.resource';

// Order reads in Normalized or Both mode get a second output for orders that cannot be normalized.
const outputs = `={{ $parameter.resource === "order" && ["get", "getMany"].includes($parameter.operation) && $parameter.output !== "raw" ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Orders" }, { type: "${NodeConnectionTypes.Main}", displayName: "Unnormalized" }] : ["${NodeConnectionTypes.Main}"] }}` as const;

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Pinduoduo 拼多多',
	name: 'pinduoduo',
	group: ['transform'],
	version: 1,
	description: 'Read orders and after-sales, ship orders, list goods SKUs and set their stock on Pinduoduo',
	defaults: { name: 'Pinduoduo' },
	inputs: [NodeConnectionTypes.Main],
	outputs,
	credentials: [{ name: 'pinduoduoApi', required: true }],
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
