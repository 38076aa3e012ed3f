// Shared bench helpers: child processes, a keep-alive load loop, and signed TOP page requests.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { topSign } from '../../sandbox/providers/taobao/sign';
import { formatShanghai } from '../../sandbox/core/time';

export interface Started {
	child: ChildProcess;
	port: number;
	stop(): Promise<void>;
}

/** Starts `node <script> <args>` and waits for "listening on http://host:port" on stdout. */
export function startProcess(script: string, args: string[]): Promise<Started> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		const timer = setTimeout(() => reject(new Error(`${script} did not start in 60 s`)), 60_000);
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const m = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
			if (m) {
				clearTimeout(timer);
				child.stdout!.removeAllListeners('data');
				child.stdout!.resume();
				resolve({
					child,
					port: Number(m[1]),
					stop: () => new Promise<void>((done) => {
						child.once('exit', () => done());
						child.kill('SIGTERM');
					}),
				});
			}
		});
		child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before listening`)));
	});
}

export interface Target {
	path: string;
	method: 'GET' | 'POST';
	body?: string;
	headers?: Record<string, string>;
}

/** One request; keeps only the first bytes of the body, so the load generator stays cheaper than the server. */
export function get(port: number, target: Target, agent?: Agent): Promise<{ status: number; bytes: number; head: string }> {
	return new Promise((resolve, reject) => {
		const req = request(
			{ host: '127.0.0.1', port, path: target.path, method: target.method, headers: target.headers, agent },
			(res) => {
				let bytes = 0;
				let head = '';
				res.on('data', (c: Buffer) => {
					if (bytes === 0) head = c.subarray(0, 64).toString('latin1');
					bytes += c.length;
				});
				res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, head }));
			},
		);
		req.on('error', reject);
		req.end(target.body);
	});
}

/** Runs `total` requests over `connections` keep-alive connections; returns req/s and latency percentiles. */
export async function load(port: number, targets: (i: number) => Target, total: number, connections: number) {
	const agent = new Agent({ keepAlive: true, maxSockets: connections });
	const latencies: number[] = [];
	let next = 0;
	let bytes = 0;
	let failures = 0;
	const started = process.hrtime.bigint();
	await Promise.all(
		Array.from({ length: connections }, async () => {
			while (next < total) {
				const i = next++;
				const t0 = process.hrtime.bigint();
				const res = await get(port, targets(i), agent);
				latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
				bytes += res.bytes;
				if (res.status !== 200 || res.head.startsWith('{"error_response"')) failures++;
			}
		}),
	);
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	agent.destroy();
	latencies.sort((a, b) => a - b);
	const pct = (p: number) => Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(2));
	return { requests: total, failures, seconds: Number(seconds.toFixed(3)), rps: Math.round(total / seconds), p50Ms: pct(0.5), p99Ms: pct(0.99), meanBytes: Math.round(bytes / total) };
}

/** CPU milliseconds the server process has used so far (its /_admin/stats). */
export async function serverCpuMs(port: number): Promise<number> {
	const res = await new Promise<string>((resolve, reject) => {
		request({ host: '127.0.0.1', port, path: '/_admin/stats' }, (r) => {
			let text = '';
			r.on('data', (c: Buffer) => (text += c.toString()));
			r.on('end', () => resolve(text));
		})
			.on('error', reject)
			.end();
	});
	return (JSON.parse(res) as { cpuMs: number }).cpuMs;
}

/** Load plus the server's CPU time for it: requests per server CPU second does not depend on other load. */
export async function measuredLoad(port: number, targets: (i: number) => Target, total: number, connections: number) {
	const before = await serverCpuMs(port);
	const result = await load(port, targets, total, connections);
	const cpuMs = (await serverCpuMs(port)) - before;
	return { ...result, serverCpuMs: cpuMs, rpsPerServerCpuSecond: Math.round(total / (cpuMs / 1000)) };
}

export const TAOBAO_APP = { appKey: '21000001', secret: 'sandbox-taobao-secret-0001' };
export const PAGE_FIELDS = 'tid,status,type,created,modified,pay_time,payment,total_fee,post_fee,discount_fee,buyer_nick,receiver_name,receiver_mobile,receiver_address,receiver_state,receiver_city,receiver_district,orders';

/** A signed taobao.trades.sold.get request for one page (the sandbox clock starts at `nowMs`). */
export function tradePage(nowMs: number, session: string, page: number, pageSize = 100): Target {
	const params: Record<string, string> = {
		method: 'taobao.trades.sold.get', app_key: TAOBAO_APP.appKey, session, timestamp: formatShanghai(nowMs),
		format: 'json', v: '2.0', sign_method: 'md5', fields: PAGE_FIELDS, page_no: String(page), page_size: String(pageSize),
	};
	params.sign = topSign(params, TAOBAO_APP.secret, 'md5');
	return {
		path: '/taobao/router/rest',
		method: 'POST',
		body: new URLSearchParams(params).toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
	};
}

export function emit(record: Record<string, unknown>): void {
	process.stdout.write(`${JSON.stringify(record)}\n`);
}
