// A small Kuaidi100 client and push receiver for these tests, signing on its own.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from './top-client';

export const md5Upper = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();
export const ACCOUNT = { customer: 'SANDBOXCUSTOMER0001', key: 'sandbox-kuaidi100-key', secret: 'sandbox-kuaidi100-secret' };

export async function postForm(url: string, form: Record<string, string>): Promise<{ status: number; text: string; body: Json }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form).toString(),
	});
	const text = await res.text();
	let body: Json;
	try {
		body = JSON.parse(text);
	} catch {
		body = undefined;
	}
	return { status: res.status, text, body };
}

export function queryForm(param: Record<string, unknown>, account = ACCOUNT) {
	const text = JSON.stringify(param);
	return { customer: account.customer, param: text, sign: md5Upper(text + account.key + account.customer) };
}

export interface ReceivedPush {
	param: string;
	sign?: string;
	query: string;
}

/** A callback endpoint that verifies the salt like a real receiver and answers as Kuaidi100 expects. */
export async function pushReceiver(salt: string) {
	const received: ReceivedPush[] = [];
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const form = new URLSearchParams(Buffer.concat(chunks).toString());
			const push = { param: form.get('param') ?? '', sign: form.get('sign') ?? undefined, query: req.url ?? '' };
			received.push(push);
			const ok = push.sign === md5Upper(push.param + salt);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(ok ? { result: true, returnCode: '200', message: '成功' } : { result: false, returnCode: '500', message: '签名错误' }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kuaidi100/callback?shop=tb-flagship`;
	return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
