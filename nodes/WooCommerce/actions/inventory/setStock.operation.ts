import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient, WooStockResult, WooStockUpdate } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { InvalidRequestError } from '../../../../lib/http';
import { channelNodeError, errorItemJson } from '../../../shared/channelErrors';

const properties: INodeProperties[] = [
	{ displayName: 'Product ID', name: 'productId', type: 'string', required: true, default: '', description: 'The WooCommerce product ID (see Get SKUs)' },
	{
		displayName: 'Variation ID',
		name: 'variationId',
		type: 'string',
		default: '',
		description: 'For a variable product: the variation whose stock is set. Empty for a simple product.',
	},
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 0, description: 'The new stock quantity (stock management is switched on)' },
];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['setStock'] } }, properties);

/** All input items in one go: the client sends several updates through the batch endpoints, 100 per call. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	const updates: WooStockUpdate[] = items.map((_, i) => {
		const variationId = String(this.getNodeParameter('variationId', i, '') ?? '').trim();
		return {
			productId: String(this.getNodeParameter('productId', i)).trim(),
			variationId: variationId || undefined,
			quantity: this.getNodeParameter('quantity', i) as number,
		};
	});
	let results: WooStockResult[] = [];
	let failure: unknown;
	try {
		results = await client.setStock(updates);
	} catch (error) {
		if (!this.continueOnFail()) throw channelNodeError(this.getNode(), error, 0);
		failure = error;
	}
	const out: INodeExecutionData[] = [];
	const pending = [...results];
	for (let i = 0; i < updates.length; i++) {
		const u = updates[i];
		if (failure) {
			out.push({ json: errorItemJson(failure), pairedItem: { item: i } });
			continue;
		}
		const index = pending.findIndex((r) => r.productId === u.productId && r.variationId === u.variationId);
		const result = index >= 0 ? pending.splice(index, 1)[0] : undefined;
		if (!result || !result.ok) {
			const error = new InvalidRequestError({
				provider: CHANNEL,
				shopId: client.shopId,
				method: u.variationId ? 'POST /products/{id}/variations/batch' : 'POST /products/batch',
				platformMessage: `stock of product ${u.productId}${u.variationId ? ` variation ${u.variationId}` : ''} not set: ${result?.error ?? 'no answer'}`,
			});
			if (!this.continueOnFail()) throw channelNodeError(this.getNode(), error, i);
			out.push({ json: errorItemJson(error), pairedItem: { item: i } });
			continue;
		}
		const json: IDataObject = { channel: CHANNEL, shopId: client.shopId, productId: u.productId, quantity: u.quantity, stockQuantity: result.stockQuantity ?? null };
		if (u.variationId) json.variationId = u.variationId;
		out.push({ json, pairedItem: { item: i } });
	}
	return [out];
}
