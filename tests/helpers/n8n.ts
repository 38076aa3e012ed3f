// A small stand-in for n8n's execution context, enough to run a node's execute() in a unit test:
// parameters per item, input items, continueOnFail and the helpers our nodes call.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

export interface FakeContextOptions {
	parameters?: Record<string, unknown> | ((name: string, itemIndex: number) => unknown);
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: Record<string, IDataObject>;
	nodeName?: string;
	httpRequest?: (options: IDataObject) => Promise<unknown>;
	/** The workflow's time zone; default Asia/Shanghai. */
	timezone?: string;
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
		getTimezone: () => options.timezone ?? 'Asia/Shanghai',
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

/** An action node's execute() run on a fake context: a function parameter value is called with the item index. */
export function actionRunner(
	createNode: () => { execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> },
	credentials: Record<string, IDataObject>,
) {
	return async (parameters: Record<string, unknown>, options: { items?: IDataObject[]; continueOnFail?: boolean } = {}) => {
		const context = fakeExecuteContext({
			parameters: (name, i) => {
				const value = parameters[name];
				return typeof value === 'function' ? (value as (i: number) => unknown)(i) : value;
			},
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials,
			httpRequest: fetchHttpRequest,
		});
		return await createNode().execute.call(context);
	};
}

/** The json of each item of one output. */
export const itemsJson = (items: INodeExecutionData[]) => items.map((item) => item.json);

/**
 * What n8n's httpRequest does with the options our HttpClient adapter passes (raw body, full response,
 * no throw on HTTP errors), over fetch, so nock intercepts it.
 */
export async function fetchHttpRequest(options: IDataObject): Promise<unknown> {
	const url = new URL(String(options.url));
	for (const [key, value] of Object.entries((options.qs as IDataObject | undefined) ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
	}
	const res = await fetch(url, {
		method: String(options.method ?? 'GET'),
		headers: (options.headers as Record<string, string> | undefined) ?? {},
		body: options.body as string | undefined,
	});
	const headers: IDataObject = {};
	res.headers.forEach((value, name) => (headers[name] = value));
	return { statusCode: res.status, headers, body: await res.arrayBuffer() };
}

export interface FakePollOptions {
	parameters?: Record<string, unknown>;
	credentials?: Record<string, IDataObject>;
	mode?: 'trigger' | 'manual';
	/** The workflow static data object; kept between polls when the same object is passed again. */
	staticData?: IDataObject;
	httpRequest?: (options: IDataObject) => Promise<unknown>;
	timezone?: string;
	pollBudgetMs?: number;
}

/** A stand-in for n8n's poll context: parameters, credentials, mode, static data and the request helper. */
export function fakePollContext(options: FakePollOptions = {}): IPollFunctions {
	const node: INode = {
		id: 'node-1',
		name: 'Trigger',
		type: 'n8n-nodes-unified-orders.test',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const staticData = options.staticData ?? {};
	const warnings: string[] = [];
	const context = {
		getNode: () => node,
		getMode: () => options.mode ?? 'trigger',
		getActivationMode: () => 'activate',
		getTimezone: () => options.timezone ?? 'Asia/Shanghai',
		getPollBudgetMs: () => options.pollBudgetMs ?? 60_000,
		getWorkflowStaticData: () => staticData,
		getNodeParameter: (name: string, fallback?: unknown) => {
			const value = options.parameters?.[name];
			if (value === undefined && fallback === undefined) throw new Error(`Test context: parameter "${name}" not set`);
			return value === undefined ? fallback : value;
		},
		getCredentials: async (type: string) => {
			const credential = options.credentials?.[type];
			if (!credential) throw new Error(`Test context: no credential of type "${type}"`);
			return credential;
		},
		logger: { warn: (message: string) => warnings.push(message), info: () => {}, debug: () => {}, error: () => {} },
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			httpRequest: async (requestOptions: IDataObject) => {
				if (!options.httpRequest) throw new Error('Test context: no httpRequest stub');
				return options.httpRequest(requestOptions);
			},
		},
		warnings,
	};
	return context as unknown as IPollFunctions;
}
