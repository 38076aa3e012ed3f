import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, SkuQuery } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, requiredString, stringParameter } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'taobao' },
	{ displayName: 'Shop ID', name: 'shopId', type: 'string', required: true, default: '' },
	{ displayName: 'Channel SKU ID', name: 'channelSkuId', type: 'string', default: '' },
	{ displayName: 'Merchant Code', name: 'merchantCode', type: 'string', default: '' },
];

export const description = updateDisplayOptions({ show: { resource: ['sku'], operation: ['resolve'] } }, properties);

/** The master SKU a channel SKU stands for, with what one unit takes from stock; resolved: false when unmapped. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'sku', operation: 'resolve' }, async (i) => {
		const query: SkuQuery = { channel: requiredString(this, 'channel', 'Channel', i), shopId: requiredString(this, 'shopId', 'Shop ID', i) };
		for (const key of ['channelSkuId', 'merchantCode'] as const) {
			const value = stringParameter(this, key, i);
			if (value) query[key] = value;
		}
		const resolved = await store.resolveSku(query);
		return [{ ...query, resolved: resolved !== undefined, ...(resolved ?? {}) } as unknown as IDataObject];
	});
}
