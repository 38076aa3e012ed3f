import type { INodeProperties } from 'n8n-workflow';
import * as cancel from './cancel.operation';
import * as create from './create.operation';

export { cancel, create };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['waybill'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', description: 'Cancel an e-waybill that has not been picked up', action: 'Cancel a waybill' },
			{ name: 'Create', value: 'create', description: 'Create an e-waybill (电子面单) for an order and get its tracking number', action: 'Create a waybill' },
		],
		default: 'create',
	},
	...create.description,
	...cancel.description,
];
