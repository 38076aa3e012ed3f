// Outbound pushes from a platform to the pack's callback URL. Plain http only: targets are local.
import { request } from 'node:http';

export interface WebhookResult {
	url: string;
	status: number;
	body: string;
	error?: string;
}

export function postWebhook(
	url: string,
	body: string,
	headers: Record<string, string>,
	timeoutMs = 10_000,
): Promise<WebhookResult> {
	return new Promise((resolve) => {
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			resolve({ url, status: 0, body: '', error: 'invalid callback URL' });
			return;
		}
		if (target.protocol !== 'http:') {
			resolve({ url, status: 0, body: '', error: 'the sandbox only pushes to http:// callback URLs' });
			return;
		}
		const req = request(
			target,
			{ method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => resolve({ url, status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			},
		);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (error) => resolve({ url, status: 0, body: '', error: error.message }));
		req.end(body);
	});
}
