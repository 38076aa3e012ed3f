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
		displayOptions: { show: { resource: ['afterSale'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one after-sale by its ID', action: 'Get an after sale' },
			{ name: 'Get Many', value: 'getMany', description: 'Get after-sales applied for or changed in a time range', action: 'Get many after sales' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
];
