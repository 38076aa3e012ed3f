import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as tracking from './tracking/Tracking.resource';
import * as waybill from './waybill/Waybill.resource';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Kdniao 快递鸟',
	name: 'kdniao',
	group: ['transform'],
	version: 1,
	description: 'Track parcels of any carrier, subscribe them to pushes, and create or cancel e-waybills with Kdniao',
	defaults: { name: 'Kdniao' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'kdniaoApi', required: true }],
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
