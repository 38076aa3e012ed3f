import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { parseMoney } from '../../../../lib/model';
import type { BundleComponent, MasterSku, OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, listOf, requiredString } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Master SKU', name: 'sku', type: 'string', required: true, default: '', description: 'Your own SKU code' },
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{ displayName: 'Active', name: 'active', type: 'boolean', default: true },
			{ displayName: 'Barcode', name: 'barcode', type: 'string', default: '' },
			{
				displayName: 'Bundle Components',
				name: 'components',
				type: 'string',
				default: '',
				placeholder: 'e.g. TEE-RED-M*2, MUG-01*1',
				description: 'Makes this SKU a bundle (组合装): the SKUs one unit consists of, each as SKU*quantity, comma separated',
			},
			{ displayName: 'Currency', name: 'currency', type: 'string', default: 'CNY' },
			{
				displayName: 'Unit Cost',
				name: 'cost',
				type: 'string',
				default: '',
				placeholder: 'e.g. 12.30',
				description: 'Cost of one unit in the currency (yuan, not fen); used for margins',
			},
			{ displayName: 'Weight (Grams)', name: 'weightGrams', type: 'number', default: 0 },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sku'], operation: ['upsertMasterSkus'] } }, properties);

/** "A*2, B" -> [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] */
export function parseComponents(value: unknown): BundleComponent[] {
	return listOf(value).map((part) => {
		const match = /^(.+?)\s*[*×xX]\s*(\d+)$/.exec(part);
		return match ? { sku: match[1].trim(), quantity: Number(match[2]) } : { sku: part, quantity: 1 };
	});
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'sku', operation: 'upsertMasterSkus' }, async (i) => {
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const sku: MasterSku = { sku: requiredString(this, 'sku', 'Master SKU', i), title: requiredString(this, 'title', 'Title', i) };
		const currency = String(options.currency || 'CNY').toUpperCase();
		if (options.cost !== undefined && options.cost !== '') {
			try {
				sku.cost = parseMoney(options.cost, { currency, unit: 'major' });
			} catch (error) {
				throw new NodeOperationError(this.getNode(), `Unit Cost of ${sku.sku}: ${(error as Error).message}`, { itemIndex: i });
			}
			sku.currency = currency;
		}
		if (options.barcode) sku.barcode = String(options.barcode);
		if (Number(options.weightGrams) > 0) sku.weightGrams = Number(options.weightGrams);
		const components = parseComponents(options.components);
		if (components.length) sku.components = components;
		if (options.active === false) sku.active = false;
		await store.upsertMasterSkus([sku], { actor: storeActor(this) });
		return [sku as unknown as IDataObject];
	});
}
