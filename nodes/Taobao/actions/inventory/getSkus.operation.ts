import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { TaobaoClient } from '../../../../lib/channels/taobao/client';
import { runItems } from '../../../shared/runItems';
import { yuanPricedSkuJson } from '../../../shared/skuOutput';
import { limitField, readLimit, returnAllField, takeUpTo } from '../../../shared/listFields';

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
		return { main: await takeUpTo(client.listSkus(), limit, (sku) => yuanPricedSkuJson('taobao', client.shopId, sku)) };
	});
}
