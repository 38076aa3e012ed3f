import type { INodeProperties } from 'n8n-workflow';

export const warehouseField: INodeProperties = {
	displayName: 'Warehouse ID',
	name: 'warehouseId',
	type: 'string',
	required: true,
	default: 'main',
	description: 'The warehouse the stock is in',
};

export const masterSkuField: INodeProperties = {
	displayName: 'Master SKU',
	name: 'masterSku',
	type: 'string',
	required: true,
	default: '',
	description: 'Your own SKU code (as in SKU › Upsert Master SKUs)',
};
