import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, UpsertResult } from '../../../../lib/store';
import { readItemObject } from '../../../shared/items';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { errorJson, outputOrder, readOptions, showFullContactOption, storeNodeError } from '../common';

const label = { resource: 'order', operation: 'upsert' };
export const DEFAULT_UPSERT_BATCH_SIZE = 500;

const properties: INodeProperties[] = [
	{
		displayName: 'Order Field',
		name: 'orderField',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		description: 'Field of each input item that holds the unified order. Empty: the whole item is the order.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_UPSERT_BATCH_SIZE,
				description: 'Orders written per database transaction',
			},
			{
				displayName: 'Include Stored Order',
				name: 'includeOrder',
				type: 'boolean',
				default: true,
				description: 'Whether each output item carries the order as stored (after merging) under "order"',
			},
			{
				displayName: 'Send Invalid Orders to Dead Letters',
				name: 'deadLetterInvalid',
				type: 'boolean',
				default: true,
				description:
					'Whether orders that fail validation are kept as dead letters to fix and replay. They come out either way, with outcome "invalid" and their problems.',
			},
			showFullContactOption,
			{
				displayName: 'Source Label',
				name: 'source',
				type: 'string',
				default: '',
				placeholder: 'e.g. taobao/shop-1',
				description: 'Where dead letters say they came from. Empty: the name of this node.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['upsert'] } }, properties);

/** All items go to the store in batches (one transaction each); results come back in input order. */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	store: OrderStore,
	access: StoreAccess,
): Promise<INodeExecutionData[][]> {
	const options = readOptions(this, 0);
	const batchSize = Math.max(1, Math.trunc(Number(options.batchSize ?? DEFAULT_UPSERT_BATCH_SIZE)));
	const includeOrder = options.includeOrder !== false;
	const out: Array<INodeExecutionData | undefined> = new Array(items.length);
	const pending: Array<{ item: number; order: unknown }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			pending.push({ item: i, order: readItemObject(this, items[i], String(this.getNodeParameter('orderField', i, '')), i) });
		} catch (error) {
			if (!this.continueOnFail()) throw storeNodeError(this, error, label, i);
			out[i] = { json: errorJson(error, label), pairedItem: { item: i } };
		}
	}
	for (let start = 0; start < pending.length; start += batchSize) {
		const batch = pending.slice(start, start + batchSize);
		let results: UpsertResult[];
		try {
			results = await store.upsertOrders(
				batch.map((entry) => entry.order),
				{
					deadLetterInvalid: options.deadLetterInvalid !== false,
					source: String(options.source || this.getNode().name),
					returnOrders: includeOrder,
					actor: storeActor(this),
				},
			);
		} catch (error) {
			if (!this.continueOnFail()) throw storeNodeError(this, error, label, batch[0].item);
			for (const entry of batch) out[entry.item] = { json: errorJson(error, label), pairedItem: { item: entry.item } };
			continue;
		}
		for (const result of results) {
			const item = batch[result.index].item;
			out[item] = { json: upsertJson(result, access, options.showFullContact), pairedItem: { item } };
		}
	}
	return [out.filter((entry): entry is INodeExecutionData => entry !== undefined)];
}

function upsertJson(result: UpsertResult, access: StoreAccess, showFullContact: unknown): IDataObject {
	const { index: _index, order, ...rest } = result;
	const json = { ...rest, transition: result.transition ?? null } as unknown as IDataObject;
	if (order) {
		json.updatedAt = order.updatedAt;
		json.order = outputOrder(order, access, showFullContact);
	}
	return json;
}
