import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { channelOptions, eachItem, stringParameter, toDataObjects } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Channel', name: 'channel', type: 'options', options: [{ name: 'Any Channel', value: '' }, ...channelOptions], default: '' },
	{ displayName: 'Shop ID', name: 'shopId', type: 'string', default: '', description: 'Empty: every shop' },
	{ displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1 }, default: 50, description: 'Max number of results to return' },
];

export const description = updateDisplayOptions({ show: { resource: ['sku'], operation: ['listUnmapped'] } }, properties);

/** Channel SKUs on stored order lines with no master SKU yet, with how many lines wait for each. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'sku', operation: 'listUnmapped' }, async (i) => {
		const channel = stringParameter(this, 'channel', i);
		const shopId = stringParameter(this, 'shopId', i);
		const limit = Number(this.getNodeParameter('limit', i, 50));
		return toDataObjects(await store.listUnmappedSkus({ ...(channel ? { channel } : {}), ...(shopId ? { shopId } : {}), limit }));
	});
}
