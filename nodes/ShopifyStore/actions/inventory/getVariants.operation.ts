import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
import { limitField, readLimit, returnAllField, takeUpTo } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getVariants'] } }, [returnAllField, limitField] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main: IDataObject[] = await takeUpTo(client.listVariants(), limit, ({ raw: _raw, ...variant }) => ({ channel: CHANNEL, shopId: client.shopId, ...variant }), {
			stopAtLimit: true,
		});
		return { main };
	});
}
