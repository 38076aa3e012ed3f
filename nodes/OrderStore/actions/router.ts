import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { withStore } from '../../shared/store';
import type { StoreOperation } from './common';
import * as order from './order/Order.resource';

const RESOURCES: Record<string, Record<string, StoreOperation>> = {
	order: { upsert: order.upsert, get: order.get, search: order.search, update: order.update, history: order.history },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = RESOURCES[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return await withStore(this, async (store, access) => await handler.execute.call(this, this.getInputData(), store, access));
}
