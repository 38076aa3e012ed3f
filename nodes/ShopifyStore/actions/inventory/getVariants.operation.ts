import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { ShopifyClient } from '../../../../lib/channels/shopify/client';
import { CHANNEL } from '../../../../lib/channels/shopify/codes';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getVariants'] } }, [returnAllField, limitField] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: ShopifyClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main: IDataObject[] = [];
		for await (const { raw: _raw, ...variant } of client.listVariants()) {
			main.push({ channel: CHANNEL, shopId: client.shopId, ...variant });
			if (main.length >= limit) break;
		}
		return { main };
	});
}
