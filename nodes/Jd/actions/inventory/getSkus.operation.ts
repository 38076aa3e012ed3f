import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { JdClient } from '../../../../lib/channels/jd/client';
import { runItems } from '../../../shared/runItems';
import { yuanPricedSkuJson } from '../../../shared/skuOutput';
import { limitField, readLimit, returnAllField, takeUpTo } from '../../../shared/listFields';

const properties: INodeProperties[] = [returnAllField, limitField];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: JdClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		return { main: await takeUpTo(client.listSkus(), limit, (sku) => yuanPricedSkuJson('jd', client.shopId, sku)) };
	});
}
