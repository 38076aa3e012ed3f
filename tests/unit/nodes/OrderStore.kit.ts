// Runs the Order Store node against a real SQLite file in a temporary folder, through the fake n8n context.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { OrderStore as Store } from '../../../lib/store';
import { OrderStore } from '../../../nodes/OrderStore/OrderStore.node';
import { cachedStore, closeStores, storeConfigFromCredential } from '../../../nodes/shared/store';
import { fakeExecuteContext } from '../../helpers/n8n';

export interface StoreKit {
	credential: ICredentialDataDecryptedObject;
	/** The same store instance the node uses. */
	store(): Promise<Store>;
	run(parameters: Record<string, unknown>, items?: IDataObject[], options?: { continueOnFail?: boolean; credential?: IDataObject }): Promise<INodeExecutionData[]>;
	cleanup(): Promise<void>;
}

export function storeKit(credential: IDataObject = {}): StoreKit {
	const dir = mkdtempSync(join(tmpdir(), 'uo-node-'));
	const base = { backend: 'sqlite', filePath: join(dir, 'store.sqlite'), accessProfile: 'full', ...credential } as ICredentialDataDecryptedObject;
	return {
		credential: base,
		store: () => cachedStore(storeConfigFromCredential(base)),
		run: async (parameters, items = [{}], options = {}) => {
			const context = fakeExecuteContext({
				parameters,
				items,
				continueOnFail: options.continueOnFail,
				credentials: { orderStoreApi: { ...base, ...options.credential } as IDataObject },
				nodeName: 'Order Store',
			});
			const [out] = await new OrderStore().execute.call(context);
			return out;
		},
		cleanup: async () => {
			await closeStores();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export const json = (items: INodeExecutionData[]) => items.map((item) => item.json);
