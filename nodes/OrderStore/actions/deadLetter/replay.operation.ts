import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, outputOrder } from '../common';
import { deadLetterIdsField, readDeadLetterIds } from './ids';

export const description = updateDisplayOptions({ show: { resource: ['deadLetter'], operation: ['replay'] } }, [deadLetterIdsField]);

/** Validates each kept payload again (after a fix in mappings or code) and stores it; one item per dead letter. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'deadLetter', operation: 'replay' }, async (i) => {
		const results = await store.replayDeadLetters(readDeadLetterIds(this, i), { actor: storeActor(this) });
		return results.map((result) => {
			const json = { ...result } as unknown as IDataObject;
			if (result.upsert?.order) json.upsert = { ...result.upsert, order: outputOrder(result.upsert.order, access, false) } as unknown as IDataObject;
			return json;
		});
	});
}
