import { SandboxClock } from '../../../sandbox/core/clock';
import { RateLimiter } from '../../../sandbox/core/rate-limit';
import { SandboxWorld } from '../../../sandbox/core/world';
import { parseCliArgs } from '../../../sandbox/cli';

describe('sandbox clock modes', () => {
	test('frozen by default: time moves only when told', () => {
		const clock = new SandboxClock(1_000);
		expect(clock.mode).toBe('frozen');
		expect(clock.now()).toBe(1_000);
		expect(clock.advance(500)).toBe(1_500);
		expect(clock.set(200)).toBe(200);
		clock.reset();
		expect(clock.now()).toBe(1_000);
	});

	test('live: follows the wall clock from the start time, and advance/set move its offset', () => {
		let wall = 5_000_000;
		const clock = new SandboxClock(1_000_000, 'live', () => wall);
		expect(clock.now()).toBe(1_000_000);
		wall += 2_500;
		expect(clock.now()).toBe(1_002_500);
		expect(clock.advance(3_600_000)).toBe(4_602_500);
		wall += 1_000;
		expect(clock.now()).toBe(4_603_500);
		expect(clock.set(10)).toBe(10);
		wall += 7;
		expect(clock.now()).toBe(17);
		expect(() => clock.advance(-1)).toThrow(RangeError);
	});

	test('a live world starts at the wall clock unless a start is given', () => {
		const before = Date.now();
		const world = new SandboxWorld(SandboxWorld.defaults({ seed: 1, orders: 0, clock: 'live' }));
		expect(world.clock.mode).toBe('live');
		expect(world.clock.now()).toBeGreaterThanOrEqual(before);
		expect(world.clock.now()).toBeLessThanOrEqual(Date.now());
		expect(new SandboxWorld(SandboxWorld.defaults({ seed: 1, orders: 0 })).clock.mode).toBe('frozen');
	});

	test('rate-limit windows roll over as live time passes, keeping one counter per app', () => {
		let wall = 1_200_000_000_000;
		const clock = new SandboxClock(wall, 'live', () => wall);
		const limiter = new RateLimiter();
		limiter.set({ provider: 'jd', calls: 1, windowMs: 1_000 });
		for (let second = 0; second < 50; second++) {
			expect(limiter.check('jd', 'app', 'm', clock.now()).limited).toBe(false);
			expect(limiter.check('jd', 'app', 'm', clock.now()).limited).toBe(true);
			wall += 1_000;
		}
		expect((limiter as unknown as { counters: Map<string, unknown> }).counters.size).toBe(1);
	});

	test('--clock live|frozen on the command line', () => {
		expect(parseCliArgs(['--clock', 'live']).clock).toBe('live');
		expect(parseCliArgs(['--clock=frozen']).clock).toBe('frozen');
		expect(() => parseCliArgs(['--clock', 'fast'])).toThrow(/--clock must be frozen or live/);
	});
});
