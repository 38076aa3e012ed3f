import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { chosenOperation, type OperationTable } from '../../shared/router';
import { withStore } from '../../shared/store';
import type { StoreOperation } from './common';
import * as cursor from './cursor/Cursor.resource';
import * as customer from './customer/Customer.resource';
import * as deadLetter from './deadLetter/DeadLetter.resource';
import * as inventory from './inventory/Inventory.resource';
import * as maintenance from './maintenance/Maintenance.resource';
import * as order from './order/Order.resource';
import * as sku from './sku/Sku.resource';

const RESOURCES: OperationTable<StoreOperation> = {
	order: { upsert: order.upsert, get: order.get, findByTracking: order.findByTracking, search: order.search, update: order.update, history: order.history },
	inventory: {
		upsertWarehouse: inventory.upsertWarehouse,
		setOnHand: inventory.setOnHand,
		adjust: inventory.adjust,
		reserve: inventory.reserve,
		reserveBatch: inventory.reserveBatch,
		release: inventory.release,
		availability: inventory.availability,
		ledger: inventory.ledger,
	},
	sku: { upsertMasterSkus: sku.upsertMasterSkus, upsertMappings: sku.upsertMappings, resolve: sku.resolve, listUnmapped: sku.listUnmapped },
	customer: { get: customer.get, merge: customer.merge },
	cursor: { get: cursor.get, commit: cursor.commit },
	deadLetter: { list: deadLetter.list, replay: deadLetter.replay, discard: deadLetter.discard },
	maintenance: { backup: maintenance.backup, report: maintenance.report, stats: maintenance.stats },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const handler = chosenOperation(this, RESOURCES);
	return await withStore(this, async (store, access) => await handler.execute.call(this, this.getInputData(), store, access));
}
