import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRefunds from './getRefunds.operation';
import * as ship from './ship.operation';

export { get, getMany, getRefunds, ship };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get one order by its ID', action: 'Get an order' },
			{ name: 'Get Many', value: 'getMany', description: 'Get orders created or changed since a time', action: 'Get many orders' },
			{ name: 'Get Refunds', value: 'getRefunds', description: 'Get the refunds of an order', action: 'Get the refunds of an order' },
			{ name: 'Ship', value: 'ship', description: 'Fulfill an order (or some lines) with a tracking number', action: 'Ship an order' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
	...ship.description,
	...getRefunds.description,
];
