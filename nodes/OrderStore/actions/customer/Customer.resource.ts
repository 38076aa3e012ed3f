import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as merge from './merge.operation';

export { get, merge };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customer'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a customer with their channel identities and order history', action: 'Get a customer' },
			{ name: 'Merge', value: 'merge', description: 'Merge two customers who are the same person', action: 'Merge customers' },
		],
		default: 'get',
	},
	...get.description,
	...merge.description,
];
