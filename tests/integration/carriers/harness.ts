// Runs the carrier nodes against the in-process sandbox over real HTTP, and receives the sandbox's pushes
// on a small node:http server that hands each real request to a push trigger's webhook().
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { fakeExecuteContext } from '../../helpers/n8n';
import { triggerHarness, type TriggerHarness } from '../../unit/nodes/TrackParcel.webhook';

/** n8n's httpRequest (returnFullResponse, raw body) over fetch. */
export async function realHttpRequest(options: IDataObject): Promise<unknown> {
	const url = new URL(String(options.url));
	for (const [key, value] of Object.entries((options.qs as IDataObject) ?? {})) {
		if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
	}
	const res = await fetch(url, {
		method: String(options.method ?? 'GET'),
		headers: options.headers as Record<string, string>,
		body: options.body === undefined ? undefined : (options.body as string),
	});
	return { statusCode: res.status, headers: Object.fromEntries(res.headers), body: Buffer.from(await res.arrayBuffer()) };
}

export async function runNode(
	node: INodeType,
	parameters: Record<string, unknown> | ((name: string, itemIndex: number) => unknown),
	credentials: Record<string, IDataObject>, items: IDataObject[]) {
	const context = fakeExecuteContext({ parameters, credentials, items, httpRequest: realHttpRequest });
	const outputs = (await node.execute!.call(context)) as INodeExecutionData[][];
	return outputs[0].map((item) => item.json);
}

export interface PushReceiver {
	url: string;
	/** Every item the triggers emitted, in arrival order, per trigger path. */
	received: Record<string, IDataObject[]>;
	/** HTTP statuses answered, per path. */
	statuses: Record<string, number[]>;
	close(): Promise<void>;
}

type Webhook = (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

/** One path per trigger: /<name> -> that trigger's webhook() with its own static data. */
export async function startPushReceiver(triggers: Record<string, { webhook: Webhook; harness: TriggerHarness }>): Promise<PushReceiver> {
	const received: Record<string, IDataObject[]> = {};
	const statuses: Record<string, number[]> = {};
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://receiver.local');
			const name = url.pathname.slice(1);
			const trigger = triggers[name];
			if (!trigger) {
				res.writeHead(404).end();
				return;
			}
			const { context, reply } = trigger.harness.webhook({
				rawBody: Buffer.concat(chunks).toString('utf8'),
				contentType: String(req.headers['content-type'] ?? ''),
				query: Object.fromEntries(url.searchParams),
			});
			try {
				const result = await trigger.webhook.call(context);
				for (const item of result.workflowData?.[0] ?? []) (received[name] ??= []).push(item.json);
				(statuses[name] ??= []).push(reply.status ?? 0);
				res.writeHead(reply.status ?? 500, reply.headers).end(reply.body ?? '');
			} catch (error) {
				(statuses[name] ??= []).push(500);
				res.writeHead(500).end(String(error));
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		received,
		statuses,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

export { triggerHarness };
