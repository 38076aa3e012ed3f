// Fields of the Order Route node: allocation options, warehouse designations and carrier matching.
import type { INodeProperties } from 'n8n-workflow';
import { carrierOptionsProperty, carrierRulesProperty, costTableProperty } from './carrierFields';

export const routeProperties: INodeProperties[] = [
	{
		displayName: 'Order Field',
		name: 'orderField',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		description: 'Field that holds the unified order (it must be in the Order Store). Leave empty when the whole item is the order.',
	},
	{
		displayName: 'Allow Split',
		name: 'allowSplit',
		type: 'boolean',
		default: true,
		description: 'Whether to ship from several warehouses when no single one has every line',
	},
	{
		displayName: 'Max Parcels',
		name: 'maxParcels',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3,
		description: 'Most warehouses a split may use; 0 = no limit',
		displayOptions: { show: { allowSplit: [true] } },
	},
	{
		displayName: 'Prefer Same Region',
		name: 'preferSameRegion',
		type: 'boolean',
		default: true,
		description: "Whether warehouses covering the receiver's city or province go before nationwide ones",
	},
	{
		displayName: 'Warehouse Designations',
		name: 'designations',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Designation',
		default: {},
		description: 'Warehouses, regions and priorities come from the Order Store; here you pin SKUs or shops to warehouses',
		options: [
			{
				name: 'warehouse',
				displayName: 'Warehouse 指定仓',
				values: [
					{ displayName: 'Warehouse ID', name: 'id', type: 'string', default: '' },
					{ displayName: 'Designated SKUs', name: 'designatedSkus', type: 'string', default: '', description: 'Master SKUs that ship only from warehouses designating them' },
					{ displayName: 'Designated Shops', name: 'designatedShops', type: 'string', default: '', placeholder: 'shop-1, taobao:shop-2', description: "Shops whose orders ship only from warehouses designating them" },
				],
			},
		],
	},
	carrierRulesProperty,
	costTableProperty,
	carrierOptionsProperty,
];
