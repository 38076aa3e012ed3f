import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore, SkuMapping } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, requiredString, stringParameter } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'taobao' },
	{ displayName: 'Shop ID', name: 'shopId', type: 'string', default: '', description: 'Only this shop. Empty: every shop of the channel (a shop\'s own mapping wins).' },
	{ displayName: 'Channel SKU ID', name: 'channelSkuId', type: 'string', default: '', description: "The channel's SKU ID (sku_id). Give it, the merchant code, or both." },
	{ displayName: 'Merchant Code', name: 'merchantCode', type: 'string', default: '', description: 'The outer ID / 商家编码 set on the channel' },
	{
		displayName: 'Master SKU',
		name: 'masterSku',
		type: 'string',
		required: true,
		default: '',
		description: 'Your SKU it stands for; map to a bundle SKU to have its components reserved',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['sku'], operation: ['upsertMappings'] } }, properties);

/** Each mapping also resolves the stored order lines waiting for it (linesResolved). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'sku', operation: 'upsertMappings' }, async (i) => {
		const mapping: SkuMapping = { channel: requiredString(this, 'channel', 'Channel', i), masterSku: requiredString(this, 'masterSku', 'Master SKU', i) };
		for (const key of ['shopId', 'channelSkuId', 'merchantCode'] as const) {
			const value = stringParameter(this, key, i);
			if (value) mapping[key] = value;
		}
		if (!mapping.channelSkuId && !mapping.merchantCode) {
			throw new NodeOperationError(this.getNode(), 'Give the Channel SKU ID, the Merchant Code, or both', { itemIndex: i });
		}
		const result = await store.upsertMappings([mapping], { actor: storeActor(this) });
		return [{ ...mapping, linesResolved: result.linesResolved }];
	});
}
