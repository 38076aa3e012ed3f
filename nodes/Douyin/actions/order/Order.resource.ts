import type { INodeProperties } from 'n8n-workflow';
import * as addMemo from './addMemo.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as ship from './ship.operation';

export { addMemo, get, getMany, ship };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Add Memo', value: 'addMemo', description: 'Add to or replace the seller remark (商家备注) of an order', action: 'Add a memo to an order' },
			{ name: 'Get', value: 'get', description: 'Get one order by its order ID', action: 'Get an order' },
			{ name: 'Get Many', value: 'getMany', description: 'Get orders created or changed in a time range', action: 'Get many orders' },
			{ name: 'Ship', value: 'ship', description: 'Send the waybill of an order to Douyin (发货)', action: 'Ship an order' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
	...ship.description,
	...addMemo.description,
];
