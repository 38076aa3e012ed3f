import type { INodeProperties } from 'n8n-workflow';
import * as getVariants from './getVariants.operation';
import * as setStock from './setStock.operation';

export { getVariants, setStock };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Get Variants', value: 'getVariants', description: 'List every variant with its SKU and inventory item ID, for SKU mapping', action: 'Get variants' },
			{ name: 'Set Stock', value: 'setStock', description: 'Set the available quantity of an inventory item at a location', action: 'Set stock at a location' },
		],
		default: 'setStock',
	},
	...setStock.description,
	...getVariants.description,
];
