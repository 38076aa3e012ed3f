// `npm run sandbox -- --port 18080 --orders 2000 --seed 42`: every emulated API on one local port.
import { isoFromMillis } from '../lib/model';
import type { ClockMode } from './core/clock';
import { startSandbox } from './server';

export interface CliOptions {
	port: number;
	host: string;
	orders: number;
	seed: string;
	startMs?: number;
	providers?: string[];
	clock?: ClockMode;
}

const USAGE = `usage: npm run sandbox -- [--port 18080] [--host 127.0.0.1] [--orders 200] [--seed 1] [--now 2026-03-02T10:00:00+08:00] [--providers taobao,kuaidi100] [--clock frozen|live]`;

export function parseCliArgs(argv: string[]): CliOptions {
	const options: CliOptions = { port: 18080, host: '127.0.0.1', orders: 200, seed: '1' };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = inline ?? argv[++i];
		if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
		switch (flag) {
			case '--port':
				options.port = Number(value);
				break;
			case '--host':
				options.host = value;
				break;
			case '--orders':
				options.orders = Number(value);
				break;
			case '--seed':
				options.seed = value;
				break;
			case '--now':
				options.startMs = Date.parse(value);
				break;
			case '--providers':
				options.providers = value.split(',').map((name) => name.trim()).filter(Boolean);
				break;
			case '--clock':
				if (value !== 'frozen' && value !== 'live') throw new Error(`--clock must be frozen or live\n${USAGE}`);
				options.clock = value;
				break;
			default:
				throw new Error(`unknown option ${flag}\n${USAGE}`);
		}
	}
	if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new Error(`bad --port\n${USAGE}`);
	if (!Number.isInteger(options.orders) || options.orders < 0) throw new Error(`bad --orders\n${USAGE}`);
	if (options.startMs !== undefined && !Number.isFinite(options.startMs)) throw new Error(`bad --now\n${USAGE}`);
	return options;
}

async function main(): Promise<void> {
	let options: CliOptions;
	try {
		options = parseCliArgs(process.argv.slice(2));
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exit(2);
	}
	const started = Date.now();
	let sandbox;
	try {
		sandbox = await startSandbox(options);
	} catch (error) {
		process.stderr.write(`${(error as Error).message}\n`);
		process.exit(2);
	}
	const base = `http://${options.host}:${sandbox.port}`;
	const lines = [
		`channel sandbox listening on ${base}  (seed ${options.seed}, ${options.orders} orders per channel, ready in ${Date.now() - started} ms)`,
		`clock ${isoFromMillis(sandbox.world.clock.now())} (${sandbox.world.clock.mode}; move it with POST ${base}/_admin/clock {"advanceMs": 3600000})`,
		...sandbox.providers.flatMap((provider) => provider.describe(base)),
		`admin API ${base}/_admin/health  (see docs/sandbox.md)`,
	];
	process.stdout.write(`${lines.join('\n')}\n`);
	const stop = () => {
		void sandbox.close().then(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) void main();
