import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { batchItem, errorJson, storeNodeError } from '../common';

const label = { resource: 'maintenance', operation: 'stats' };

export const description = updateDisplayOptions({ show: { resource: ['maintenance'], operation: ['stats'] } }, []);

/** Schema version, rows per table and orders per channel and status. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]> {
	try {
		const stats = await store.stats();
		return [[batchItem({ backend: access.backend, ...stats } as unknown as IDataObject, items)]];
	} catch (error) {
		if (this.continueOnFail()) return [[batchItem(errorJson(error, label), items)]];
		throw storeNodeError(this, error, label);
	}
}
