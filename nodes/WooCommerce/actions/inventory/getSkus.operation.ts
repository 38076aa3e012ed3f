import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { limitField, readLimit, returnAllField } from '../../../shared/listFields';
import { runItems } from '../../../shared/runItems';

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getSkus'] } }, [returnAllField, limitField] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const limit = readLimit(this, i);
		const main: IDataObject[] = [];
		for await (const { raw: _raw, ...sku } of client.listSkus()) {
			main.push({ channel: CHANNEL, shopId: client.shopId, ...sku });
			if (main.length >= limit) break;
		}
		return { main };
	});
}
