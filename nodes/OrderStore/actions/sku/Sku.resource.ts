import type { INodeProperties } from 'n8n-workflow';
import * as listUnmapped from './listUnmapped.operation';
import * as resolve from './resolve.operation';
import * as upsertMappings from './upsertMappings.operation';
import * as upsertMasterSkus from './upsertMasterSkus.operation';

export { listUnmapped, resolve, upsertMappings, upsertMasterSkus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['sku'] } },
		options: [
			{ name: 'List Unmapped', value: 'listUnmapped', description: 'Channel SKUs on orders that no master SKU stands for yet', action: 'List unmapped SKUs' },
			{ name: 'Resolve', value: 'resolve', description: 'Find the master SKU of a channel SKU', action: 'Resolve a channel SKU' },
			{ name: 'Upsert Mappings', value: 'upsertMappings', description: 'Say which master SKU (or bundle) a channel SKU is', action: 'Create or update SKU mappings' },
			{ name: 'Upsert Master SKUs', value: 'upsertMasterSkus', description: 'Create or change your own SKUs: title, cost, bundle components', action: 'Create or update master SKUs' },
		],
		default: 'upsertMasterSkus',
	},
	...upsertMasterSkus.description,
	...upsertMappings.description,
	...resolve.description,
	...listUnmapped.description,
];
