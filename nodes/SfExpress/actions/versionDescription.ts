import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as tracking from './tracking/Tracking.resource';
import * as waybill from './waybill/Waybill.resource';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'SF Express 顺丰速运',
	name: 'sfExpress',
	group: ['transform'],
	version: 1,
	description: 'Create and cancel SF Express orders (waybills) and track SF parcels through the SF open platform (丰桥)',
	defaults: { name: 'SF Express' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'sfExpressApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Tracking', value: 'tracking' },
				{ name: 'Waybill', value: 'waybill' },
			],
			default: 'tracking',
		},
		...tracking.description,
		...waybill.description,
	],
};
