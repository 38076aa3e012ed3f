// A webhook trigger behind a real HTTP server: each request is handed to the node's webhook() through a
// context built from that request, the way n8n's webhook server does, and the answer goes back over the wire.
// The test keeps its parameters, credentials and static data; the server reads them per request.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { fetchHttpRequest } from './n8n';

export type WebhookRequest = IncomingMessage & { rawBody: Buffer };

export interface WebhookServerOptions {
	parameters: () => IDataObject;
	credentials: () => IDataObject;
	staticData?: () => IDataObject;
	/** What getBodyData gives, read when the request arrives; by default the raw body as JSON, read when asked. */
	body?: (req: WebhookRequest) => unknown;
	/** Each run's outputs, as the items' json. */
	onRun: (outputs: IDataObject[][]) => void;
	/** What goes back when the node did not answer itself; by default its webhookResponse text, else nothing. */
	unanswered?: (result: IWebhookResponseData) => string;
}

interface WebhookNode {
	webhook(this: IWebhookFunctions): Promise<IWebhookResponseData>;
}

const logger = { warn: () => {}, info: () => {}, debug: () => {}, error: () => {} };

/** Starts the server in beforeAll and closes it in afterAll; `url()` is the node's webhook URL. */
export function webhookServer(createNode: () => WebhookNode, options: WebhookServerOptions) {
	let server: http.Server;
	let baseUrl = '';
	const url = () => `${baseUrl}/webhook`;
	const staticData = () => options.staticData?.() ?? {};
	const unanswered = options.unanswered ?? ((result: IWebhookResponseData) => (typeof result.webhookResponse === 'string' ? result.webhookResponse : ''));

	function webhookContext(req: WebhookRequest, res: ServerResponse): IWebhookFunctions {
		const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
		const response = {
			status(code: number) {
				res.statusCode = code;
				return response;
			},
			type(contentType: string) {
				res.setHeader('content-type', contentType);
				return response;
			},
			send(body: string) {
				res.end(body);
				return response;
			},
			json(body: unknown) {
				res.setHeader('content-type', 'application/json');
				res.end(JSON.stringify(body));
				return response;
			},
		};
		const body = options.body ? { value: options.body(req) } : undefined;
		return {
			getWebhookName: () => (req.method === 'GET' ? 'setup' : 'default'),
			getQueryData: () => Object.fromEntries(query),
			getRequestObject: () => req,
			getHeaderData: () => req.headers,
			getBodyData: () => (body ? body.value : JSON.parse(req.rawBody.toString('utf8') || '{}')),
			getResponseObject: () => response,
			getNodeParameter: (name: string, fallback?: unknown) => options.parameters()[name] ?? fallback,
			getCredentials: async () => options.credentials(),
			getWorkflowStaticData: staticData,
			getNodeWebhookUrl: url,
			logger,
			helpers: { returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })) },
		} as unknown as IWebhookFunctions;
	}

	beforeAll(async () => {
		const node = createNode();
		server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				const withBody = Object.assign(req, { rawBody: Buffer.concat(chunks) });
				node.webhook
					.call(webhookContext(withBody, res))
					.then((result: IWebhookResponseData) => {
						if (result.workflowData) options.onRun(result.workflowData.map((output) => output.map((item) => item.json)));
						if (!res.writableEnded) res.end(unanswered(result));
					})
					.catch((error: Error) => {
						res.statusCode = 500;
						res.end(error.message);
					});
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});

	/** The context n8n gives webhookMethods (checkExists, create, delete), requests going out over fetch. */
	function hookContext(): IHookFunctions {
		return {
			getNodeWebhookUrl: url,
			getNodeParameter: (name: string, fallback?: unknown) => options.parameters()[name] ?? fallback,
			getCredentials: async () => options.credentials(),
			getWorkflowStaticData: staticData,
			logger,
			helpers: { httpRequest: fetchHttpRequest },
		} as unknown as IHookFunctions;
	}

	return { url, hookContext };
}
