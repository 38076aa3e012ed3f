import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { eachItem, requiredString } from '../common';
import { cursorFields } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['cursor'], operation: ['get'] } }, cursorFields);

/** The stored watermark; watermark null (found: false) before the first commit, so a pull starts from its default. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'cursor', operation: 'get' }, async (i) => {
		const key = {
			channel: requiredString(this, 'channel', 'Channel', i),
			shopId: requiredString(this, 'shopId', 'Shop ID', i),
			stream: requiredString(this, 'stream', 'Stream', i),
		};
		const cursor = await store.getCursor(key.channel, key.shopId, key.stream);
		return [(cursor ? { ...cursor, found: true } : { ...key, watermark: null, found: false }) as unknown as IDataObject];
	});
}
