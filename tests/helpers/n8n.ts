// A small stand-in for n8n's execution context, enough to run a node's execute() in a unit test:
// parameters per item, input items, continueOnFail and the helpers our nodes call.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

export interface FakeContextOptions {
	parameters?: Record<string, unknown> | ((name: string, itemIndex: number) => unknown);
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: Record<string, IDataObject>;
	nodeName?: string;
	httpRequest?: (options: IDataObject) => Promise<unknown>;
}

export function fakeExecuteContext(options: FakeContextOptions = {}): IExecuteFunctions {
	const node: INode = {
		id: 'node-1',
		name: options.nodeName ?? 'Node',
		type: 'n8n-nodes-unified-orders.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const items: INodeExecutionData[] = (options.items ?? [{}]).map((json) => ({ json }));
	const readParameter = (name: string, itemIndex: number, fallback?: unknown): unknown => {
		const source = options.parameters;
		const value = typeof source === 'function' ? source(name, itemIndex) : source?.[name];
		return value === undefined ? fallback : value;
	};
	const context = {
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			const value = readParameter(name, itemIndex, fallback);
			if (value === undefined) throw new Error(`Test context: parameter "${name}" not set`);
			return value;
		},
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			const credential = options.credentials?.[type];
			if (!credential) throw new Error(`Test context: no credential of type "${type}"`);
			return credential;
		},
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
				data.map((entry) => ({ ...entry, pairedItem: meta.itemData })),
			httpRequest: async (requestOptions: IDataObject) => {
				if (!options.httpRequest) throw new Error('Test context: no httpRequest stub');
				return options.httpRequest(requestOptions);
			},
		},
	};
	return context as unknown as IExecuteFunctions;
}
