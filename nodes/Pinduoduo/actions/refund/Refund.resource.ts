import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['refund'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one after-sale (售后单) by its ID', action: 'Get a refund' },
			{ name: 'Get Many', value: 'getMany', description: 'Get after-sales that changed in a time range', action: 'Get many refunds' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
