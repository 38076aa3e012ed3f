// Runs Order Audit, Order Route or Stock Sync through the fake n8n context against the Order Store kit's
// real temporary SQLite store (or any store credential).
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { fakeExecuteContext } from '../../helpers/n8n';
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
