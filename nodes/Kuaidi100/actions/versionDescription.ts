import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import * as tracking from './tracking/Tracking.resource';
import * as waybill from './waybill/Waybill.resource';

/** Everything but icon, subtitle and usableAsTool, which n8n's lint reads from the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Kuaidi100 快递100',
	name: 'kuaidi100',
	group: ['transform'],
	version: 1,
	description: 'Track parcels of any carrier, subscribe them to pushes, and create or cancel e-waybills with Kuaidi100',
	defaults: { name: 'Kuaidi100' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'kuaidi100Api', required: true }],
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
