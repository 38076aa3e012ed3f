// A stand-in for n8n's webhook and hook contexts, built from a request's raw body and query: enough to run
// a push trigger's webhook() and webhookMethods, and to read back exactly what it answered.
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

export interface PushRequest {
	rawBody: string;
	contentType?: string;
	query?: IDataObject;
}

export interface RecordedReply {
	status?: number;
	headers: Record<string, string>;
	body?: string;
}

export interface TriggerHarness {
	webhook(request: PushRequest): { context: IWebhookFunctions; reply: RecordedReply };
	hooks(): IHookFunctions;
	staticData: IDataObject;
}

export function triggerHarness(options: {
	parameters?: Record<string, unknown>;
	credentials: Record<string, IDataObject>;
	webhookUrl?: string;
	httpRequest?: (options: IDataObject) => Promise<unknown>;
}): TriggerHarness {
	const staticData: IDataObject = {};
	const node = { id: 'trigger-1', name: 'Trigger', type: 'n8n-nodes-unified-orders.test', typeVersion: 1, position: [0, 0], parameters: {} };
	const getNodeParameter = (name: string, fallback?: unknown) => {
		const value = options.parameters?.[name];
		if (value === undefined && fallback === undefined) throw new Error(`Test context: parameter "${name}" not set`);
		return value === undefined ? fallback : value;
	};
	const common = {
		getNode: () => node,
		getNodeParameter,
		getWorkflowStaticData: () => staticData,
		getCredentials: async (type: string) => {
			const credential = options.credentials[type];
			if (!credential) throw new Error(`Test context: no credential of type "${type}"`);
			return credential;
		},
		getNodeWebhookUrl: () => options.webhookUrl ?? 'https://n8n.test/webhook/abc/push',
		helpers: {
			returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			httpRequest: async (requestOptions: IDataObject) => {
				if (!options.httpRequest) throw new Error('Test context: no httpRequest stub');
				return options.httpRequest(requestOptions);
			},
		},
	};
	return {
		staticData,
		hooks: () => common as unknown as IHookFunctions,
		webhook(request) {
			const reply: RecordedReply = { headers: {} };
			const contentType = request.contentType ?? 'application/x-www-form-urlencoded';
			const body = contentType.includes('json')
				? JSON.parse(request.rawBody || '{}')
				: Object.fromEntries(new URLSearchParams(request.rawBody));
			const response = {
				status(code: number) {
					reply.status = code;
					return response;
				},
				setHeader(name: string, value: string) {
					reply.headers[name.toLowerCase()] = value;
					return response;
				},
				end(text?: string) {
					reply.body = text ?? '';
					return response;
				},
			};
			const context = {
				...common,
				getRequestObject: () => ({ rawBody: Buffer.from(request.rawBody, 'utf8'), body, query: request.query ?? {} }),
				getResponseObject: () => response,
				getBodyData: () => body,
				getQueryData: () => request.query ?? {},
				getHeaderData: () => ({ 'content-type': contentType }),
			};
			return { context: context as unknown as IWebhookFunctions, reply };
		},
	};
}
