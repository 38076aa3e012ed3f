import type { INodeProperties } from 'n8n-workflow';
import * as getSkus from './getSkus.operation';
import * as setStock from './setStock.operation';

export { getSkus, setStock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Get SKUs', value: 'getSkus', description: 'List every product and variation with its SKU and stock, for SKU mapping', action: 'Get SKUs' },
			{ name: 'Set Stock', value: 'setStock', description: 'Set the stock quantity of products or variations (batched)', action: 'Set stock' },
		],
		default: 'setStock',
	},
	...setStock.description,
	...getSkus.description,
];
