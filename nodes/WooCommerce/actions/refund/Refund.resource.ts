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
			{ name: 'Get', value: 'get', description: 'Get one refund of an order', action: 'Get a refund' },
			{ name: 'Get Many', value: 'getMany', description: 'Get every refund of an order', action: 'Get many refunds' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
