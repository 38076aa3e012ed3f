import type { INodeProperties } from 'n8n-workflow';
import * as getSkus from './getSkus.operation';
import * as updateStock from './updateStock.operation';

export { getSkus, updateStock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Get SKUs', value: 'getSkus', description: 'List the SKUs with their IDs, merchant codes and stock', action: 'Get SKUs' },
			{ name: 'Update Stock', value: 'updateStock', description: 'Set or change the stock of one SKU per input item', action: 'Update stock of a SKU' },
		],
		default: 'updateStock',
	},
	...updateStock.description,
	...getSkus.description,
];
