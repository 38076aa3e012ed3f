import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { parseMoney } from '../../../../lib/model';
import { runItems } from '../../../shared/runItems';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';

const properties: INodeProperties[] = [returnAllField, limitField];

const displayOptions = { show: { resource: ['inventory'], operation: ['getSkus'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	client: TaobaoClient,
): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main = [];
		for await (const sku of client.listSkus()) {
			if (main.length >= limit) break;
			main.push({
				channel: 'taobao',
				shopId: client.shopId,
				channelItemId: sku.itemId,
				channelSkuId: sku.skuId ?? null,
				merchantCode: sku.merchantCode ?? null,
				title: sku.title,
				skuName: sku.skuName ?? null,
				quantity: sku.quantity ?? null,
				price: priceInFen(sku.price),
				currency: 'CNY',
			});
		}
		return { main };
	});
}

function priceInFen(price: string | undefined): number | null {
	try {
		return price === undefined ? null : parseMoney(price, { currency: 'CNY' });
	} catch {
		return null;
	}
}
