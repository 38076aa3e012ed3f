// Carrier matching as the editor shows it: ordered rules (first match wins), a cost table for "cheapest",
// and the fallback carrier. Names and defaults match lib/rules/carrierMatch.ts.
import type { INodeProperties } from 'n8n-workflow';
import { CARRIER_IDS } from '../../lib/carriers/carrierCodes';
import { CHEAPEST, DEFAULT_REMOTE_PROVINCES } from '../../lib/rules';

const carrierOptions = CARRIER_IDS.map((id) => ({ name: id, value: id }));

export const carrierRulesProperty: INodeProperties = {
	displayName: 'Carrier Rules',
	name: 'carrierRules',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Carrier Rule',
	default: {},
	description: 'Tried in order; the first rule whose conditions all hold picks the carrier. Empty conditions match anything.',
	options: [
		{
			name: 'rule',
			displayName: 'Rule 快递规则',
			values: [
				{ displayName: 'Rule Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether this rule is tried' },
				{
					displayName: 'Carrier',
					name: 'carrier',
					type: 'options',
					options: [{ name: 'Cheapest From Cost Table 最便宜', value: CHEAPEST }, ...carrierOptions],
					default: 'zto',
				},
				{ displayName: 'Cheapest Among', name: 'candidates', type: 'string', default: '', placeholder: 'sf, zto, yto', description: 'For "Cheapest": carriers to compare; empty = every carrier in the cost table' },
				{ displayName: 'Destination Provinces', name: 'provinces', type: 'string', default: '', placeholder: '浙江, 广东/深圳', description: 'Empty = anywhere' },
				{ displayName: 'Exclude Provinces', name: 'excludeProvinces', type: 'string', default: '' },
				{
					displayName: 'Remote Areas',
					name: 'remote',
					type: 'options',
					options: [
						{ name: 'Any Destination', value: 'any' },
						{ name: 'Exclude Remote Areas', value: 'exclude' },
						{ name: 'Only Remote Areas', value: 'only' },
					],
					default: 'any',
				},
				{ displayName: 'Min Weight (g)', name: 'minWeightGrams', type: 'number', default: 0 },
				{ displayName: 'Max Weight (g)', name: 'maxWeightGrams', type: 'number', default: 0, description: '0 = no upper limit' },
				{ displayName: 'Min Order Value (Yuan)', name: 'minOrderValue', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
				{ displayName: 'Max Order Value (Yuan)', name: 'maxOrderValue', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: '0 = no upper limit' },
				{ displayName: 'SKUs', name: 'skus', type: 'string', default: '', description: 'Master SKUs or merchant codes; empty = any' },
				{
					displayName: 'SKU Match',
					name: 'skuMatch',
					type: 'options',
					options: [
						{ name: 'All Lines Listed', value: 'all' },
						{ name: 'Any Line Listed', value: 'any' },
					],
					default: 'any',
				},
				{ displayName: 'Shops', name: 'shops', type: 'string', default: '', placeholder: 'shop-1, taobao:shop-2', description: 'Empty = any shop' },
			],
		},
	],
};

export const costTableProperty: INodeProperties = {
	displayName: 'Cost Table',
	name: 'costTable',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Price Row',
	default: {},
	description: 'Prices "Cheapest" rules compare: first weight step plus started additional steps',
	options: [
		{
			name: 'entry',
			displayName: 'Price Row 运费',
			values: [
				{ displayName: 'Carrier', name: 'carrier', type: 'options', options: carrierOptions, default: 'zto' },
				{ displayName: 'Regions', name: 'regions', type: 'string', default: '', description: 'Destinations this price applies to; empty = anywhere' },
				{ displayName: 'First Weight (g)', name: 'firstWeightGrams', type: 'number', default: 1000 },
				{ displayName: 'First Price (Yuan)', name: 'firstPrice', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
				{ displayName: 'Additional Step (g)', name: 'additionalWeightGrams', type: 'number', default: 1000 },
				{ displayName: 'Additional Price (Yuan)', name: 'additionalPrice', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0 },
			],
		},
	],
};

export const carrierOptionsProperty: INodeProperties = {
	displayName: 'Carrier Options',
	name: 'carrierOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Fallback Carrier',
			name: 'fallbackCarrier',
			type: 'options',
			options: [{ name: 'None (Leave for a Person)', value: '' }, ...carrierOptions],
			default: '',
			description: 'Carrier when no rule matches',
		},
		{ displayName: 'Remote Provinces', name: 'remoteProvinces', type: 'string', default: DEFAULT_REMOTE_PROVINCES.join(', ') },
		{ displayName: 'Packaging Weight (g)', name: 'extraWeightGrams', type: 'number', default: 0, description: "Added to the goods' weight" },
		{
			displayName: 'SKU Weights (g)',
			name: 'skuWeights',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'TEE-RED-M=250',
			description: 'One master SKU=grams per line; weight conditions and "Cheapest" need them',
		},
	],
};
