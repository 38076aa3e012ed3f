// Order pages per second from a sandbox process seeded with 10,000 orders (pages of 100 full trades),
// against a bare node:http hello-world server under the same load from this process. Besides wall-clock
// req/s it reports requests per CPU second of the server process, which other load on the machine does not skew.
import { join } from 'node:path';
import { DEFAULT_SANDBOX_START } from '../../sandbox/core/clock';
import { emit, load, measuredLoad, startProcess, tradePage } from './load';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const SESSIONS = ['tbsess-flagship-0001', 'tbsess-cshop-0001'];

async function main() {
	const hello = await startProcess(join(__dirname, 'hello-server.js'), ['0']);
	await load(hello.port, () => ({ path: '/', method: 'GET' }), 500, CONNECTIONS);
	const baseline = await measuredLoad(hello.port, () => ({ path: '/', method: 'GET' }), REQUESTS, CONNECTIONS);
	await hello.stop();

	// Same number of bytes per answer as an order page, with no work behind them.
	const bulk = await startProcess(join(__dirname, 'hello-server.js'), ['0', '152375']);
	const bulkBaseline = await measuredLoad(bulk.port, () => ({ path: '/', method: 'GET' }), REQUESTS, CONNECTIONS);
	await bulk.stop();

	const sandbox = await startProcess(join(__dirname, '../../sandbox/cli.js'), ['--port', '0', '--orders', String(ORDERS), '--seed', 'bench']);
	const pages = Math.floor(ORDERS / SESSIONS.length / 100);
	// Pre-built signed requests: the bench measures the server, not this process's signing.
	const targets = SESSIONS.flatMap((session) => Array.from({ length: pages }, (_, p) => tradePage(DEFAULT_SANDBOX_START, session, p + 1)));
	const cold = await measuredLoad(sandbox.port, (i) => targets[i % targets.length], targets.length, CONNECTIONS);
	const warm = await measuredLoad(sandbox.port, (i) => targets[i % targets.length], REQUESTS, CONNECTIONS);
	await sandbox.stop();

	emit({ bench: 'sandbox.throughput.baseline_hello', ...baseline, connections: CONNECTIONS });
	emit({ bench: 'sandbox.throughput.baseline_same_bytes', ...bulkBaseline, connections: CONNECTIONS });
	emit({ bench: 'sandbox.throughput.first_pass', orders: ORDERS, pageSize: 100, ...cold, connections: CONNECTIONS });
	emit({
		bench: 'sandbox.throughput.order_pages',
		orders: ORDERS,
		pageSize: 100,
		...warm,
		connections: CONNECTIONS,
		ratioToBaseline: Number((warm.rps / baseline.rps).toFixed(3)),
		cpuRatioToBaseline: Number((warm.rpsPerServerCpuSecond / baseline.rpsPerServerCpuSecond).toFixed(3)),
		ratioToSameBytes: Number((warm.rps / bulkBaseline.rps).toFixed(3)),
		cpuRatioToSameBytes: Number((warm.rpsPerServerCpuSecond / bulkBaseline.rpsPerServerCpuSecond).toFixed(3)),
		target: 500,
		meetsTarget: warm.rps >= 500,
		meetsTargetPerServerCpuSecond: warm.rpsPerServerCpuSecond >= 500,
	});
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
