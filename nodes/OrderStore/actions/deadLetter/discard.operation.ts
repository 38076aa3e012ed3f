import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem } from '../common';
import { deadLetterIdsField, readDeadLetterIds } from './ids';

export const description = updateDisplayOptions({ show: { resource: ['deadLetter'], operation: ['discard'] } }, [deadLetterIdsField]);

/** Marks dead letters discarded (kept for the record, no longer listed as open). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'deadLetter', operation: 'discard' }, async (i) => {
		const ids = readDeadLetterIds(this, i);
		return [{ ids, discarded: await store.discardDeadLetters(ids, { actor: storeActor(this) }) }];
	});
}
