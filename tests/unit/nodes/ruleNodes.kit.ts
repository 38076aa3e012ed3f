// Runs Order Audit, Order Route or Stock Sync through the fake n8n context against the Order Store kit's
// real temporary SQLite store (or any store credential).
import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { cachedStore, closeStores, storeConfigFromCredential } from '../../../nodes/shared/store';
import { fakeExecuteContext } from '../../helpers/n8n';
import { PG_URL, type Backend } from '../../integration/store/backends';
import type { StoreKit } from './OrderStore.kit';

interface ExecutableNode {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export async function runNode(
	kit: StoreKit,
	node: ExecutableNode,
	parameters: Record<string, unknown>,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: Record<string, IDataObject>; httpRequest?: (o: IDataObject) => Promise<unknown> } = {},
): Promise<INodeExecutionData[][]> {
	const context = fakeExecuteContext({
		parameters,
		items,
		continueOnFail: options.continueOnFail,
		credentials: { orderStoreApi: kit.credential as IDataObject, ...options.credentials },
		nodeName: 'Rule Node',
		httpRequest: options.httpRequest,
	});
	return await node.execute.call(context);
}

export const jsonOf = (items: INodeExecutionData[]) => items.map((item) => item.json);

/** A store credential on one of the store suite's backends (SQLite file or a throwaway PostgreSQL schema). */
export function backendKit(backend: Backend): StoreKit {
	const config = backend.newConfig();
	let credential: IDataObject;
	if (config.kind === 'sqlite') {
		credential = { backend: 'sqlite', filePath: config.path, accessProfile: 'full' };
	} else {
		const url = new URL(config.connectionString ?? PG_URL);
		credential = {
			backend: 'postgres',
			host: url.hostname,
			port: Number(url.port || 5432),
			database: url.pathname.slice(1),
			user: decodeURIComponent(url.username),
			password: decodeURIComponent(url.password),
			schema: config.schema,
			poolSize: 5,
			accessProfile: 'full',
		};
	}
	const data = credential as ICredentialDataDecryptedObject;
	return {
		credential: data,
		store: () => cachedStore(storeConfigFromCredential(data)),
		run: () => Promise.reject(new Error('use runNode()')),
		cleanup: async () => {
			await closeStores();
			await backend.cleanup();
		},
	};
}
