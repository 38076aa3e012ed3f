import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { PinduoduoClient } from '../../../../lib/channels/pinduoduo/client';
import { parseMoney } from '../../../../lib/model';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: PinduoduoClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main = [];
		for await (const sku of client.listSkus()) {
			if (main.length >= limit) break;
			main.push({
				channel: 'pinduoduo',
				shopId: client.shopId,
				channelItemId: sku.itemId,
				channelSkuId: sku.skuId ?? null,
				merchantCode: sku.merchantCode ?? null,
				title: sku.title,
				skuName: sku.skuName ?? null,
				quantity: sku.quantity ?? null,
				price: sku.price === undefined ? null : parseMoney(sku.price, { currency: 'CNY' }),
				currency: 'CNY',
			});
		}
		return { main };
	});
}
