import { dirname, join } from 'node:path';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { batchItem, errorJson, stringParameter, storeNodeError } from '../common';

const label = { resource: 'maintenance', operation: 'backup' };

const properties: INodeProperties[] = [
	{
		displayName: 'Backup Folder',
		name: 'directory',
		type: 'string',
		default: '',
		placeholder: '/home/node/.n8n/unified-orders/backups',
		description: 'SQLite only: where backup files go (created when missing). Empty: a "backups" folder beside the store file.',
	},
	{
		displayName: 'Backups to Keep',
		name: 'keep',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 7,
		description: 'SQLite only: older backups of this store in the folder are deleted',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['maintenance'], operation: ['backup'] } }, properties);

/** SQLite: a consistent online copy. PostgreSQL: the pg_dump command to schedule, and whether this user may run it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]> {
	try {
		const directory = stringParameter(this, 'directory', 0) || (access.sqlitePath ? join(dirname(access.sqlitePath), 'backups') : undefined);
		const keep = Number(this.getNodeParameter('keep', 0, 7));
		const result = await store.backup({ directory, keep });
		return [[batchItem(result as unknown as IDataObject, items)]];
	} catch (error) {
		if (this.continueOnFail()) return [[batchItem(errorJson(error, label), items)]];
		throw storeNodeError(this, error, label);
	}
}
