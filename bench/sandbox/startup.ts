// Time from launching `node dist/sandbox/cli.js --orders 10000` to its first served page of 100 trades,
// against launching a bare node:http server and getting its first answer.
import { join } from 'node:path';
import { DEFAULT_SANDBOX_START } from '../../sandbox/core/clock';
import { emit, get, serverCpuMs, startProcess, tradePage } from './load';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

async function timeFirstAnswer(script: string, args: string[], target: () => Parameters<typeof get>[1]) {
	const t0 = process.hrtime.bigint();
	const started = await startProcess(script, args);
	const listening = Number(process.hrtime.bigint() - t0) / 1e6;
	const res = await get(started.port, target());
	const firstAnswer = Number(process.hrtime.bigint() - t0) / 1e6;
	// CPU the process spent to boot, seed and answer: unlike wall time, other load does not inflate it.
	const cpuMs = await serverCpuMs(started.port);
	await started.stop();
	if (res.status !== 200 || res.head.startsWith('{"error_response"')) throw new Error(`first answer failed: ${res.status} ${res.head}`);
	return { listening, firstAnswer, cpuMs, bytes: res.bytes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Every provider (each sales channel seeds ORDERS orders), and Taobao alone (ORDERS orders in all). */
const CONFIGS = [
	{ name: 'all_providers', args: [] as string[] },
	{ name: 'taobao_only', args: ['--providers', 'taobao'] },
];

async function main() {
	const cli = join(__dirname, '../../sandbox/cli.js');
	const hello = join(__dirname, 'hello-server.js');
	const baselineRuns = [];
	const runs: Record<string, Awaited<ReturnType<typeof timeFirstAnswer>>[]> = {};
	for (let i = 0; i < RUNS; i++) {
		baselineRuns.push(await timeFirstAnswer(hello, ['0'], () => ({ path: '/', method: 'GET' })));
		for (const config of CONFIGS) {
			const args = ['--port', '0', '--orders', String(ORDERS), '--seed', 'bench', ...config.args];
			(runs[config.name] ??= []).push(await timeFirstAnswer(cli, args, () => tradePage(DEFAULT_SANDBOX_START, 'tbsess-flagship-0001', 1)));
		}
	}
	const baselineMs = median(baselineRuns.map((r) => r.firstAnswer));
	const baselineCpuMs = median(baselineRuns.map((r) => r.cpuMs));
	for (const config of CONFIGS) {
		const sandboxRuns = runs[config.name];
		const sandboxMs = median(sandboxRuns.map((r) => r.firstAnswer));
		const cpuMs = median(sandboxRuns.map((r) => r.cpuMs));
		emit({
			bench: `sandbox.startup.${config.name}`,
			ordersPerChannel: ORDERS,
			runs: RUNS,
			listeningMs: Math.round(median(sandboxRuns.map((r) => r.listening))),
			firstPageMs: Math.round(sandboxMs),
			firstPageCpuMs: cpuMs,
			firstPageBytes: sandboxRuns[0].bytes,
			baselineHelloFirstAnswerMs: Math.round(baselineMs),
			baselineHelloCpuMs: baselineCpuMs,
			ratioToBaseline: Number((sandboxMs / baselineMs).toFixed(2)),
			cpuRatioToBaseline: Number((cpuMs / baselineCpuMs).toFixed(2)),
			budgetMs: 3000,
			withinBudget: sandboxMs < 3000,
			cpuWithinBudget: cpuMs < 3000,
		});
	}
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});
