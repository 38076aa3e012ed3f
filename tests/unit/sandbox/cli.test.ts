import { parseCliArgs } from '../../../sandbox/cli';
import { selectFactories } from '../../../sandbox/server';

describe('sandbox command line', () => {
	test('defaults: port 18080, 200 orders, seed 1, every provider', () => {
		expect(parseCliArgs([])).toEqual({ port: 18080, host: '127.0.0.1', orders: 200, seed: '1' });
	});

	test('reads --port, --orders, --seed, --now and --providers in both spellings', () => {
		expect(parseCliArgs(['--port', '0', '--orders=10000', '--seed', 'abc', '--now', '2026-01-01T00:00:00+08:00', '--providers', 'taobao, kuaidi100'])).toEqual({
			port: 0,
			host: '127.0.0.1',
			orders: 10000,
			seed: 'abc',
			startMs: Date.parse('2026-01-01T00:00:00+08:00'),
			providers: ['taobao', 'kuaidi100'],
		});
	});

	test.each([[['--port', 'x']], [['--orders', '-1']], [['--now', 'yesterday']], [['--bogus', '1']], [['--seed']]])('refuses %j', (argv) => {
		expect(() => parseCliArgs(argv)).toThrow(/usage: npm run sandbox/);
	});

	test('provider selection keeps the named ones and refuses unknown names', () => {
		expect(selectFactories(['kuaidi100', 'taobao']).map((f) => f.name).sort()).toEqual(['kuaidi100', 'taobao']);
		expect(selectFactories(undefined).length).toBeGreaterThanOrEqual(2);
		expect(() => selectFactories(['taobao', 'nope'])).toThrow(/unknown provider nope/);
	});
});
