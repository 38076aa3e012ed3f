// The engine list itself: an unreachable PostgreSQL fails the run when it is required, and is left out
// with a warning otherwise.
import { selectBackends } from './backends';

describe('store backends', () => {
	// Port 1 on localhost refuses connections at once.
	const unreachable = 'postgres://postgres@127.0.0.1:1/test';

	afterEach(() => jest.restoreAllMocks());

	it('fails when PostgreSQL is required but unreachable', () => {
		expect(() => selectBackends({ STORE_PG_URL: unreachable, REQUIRE_POSTGRES: '1' })).toThrow(
			/PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/test is unreachable and REQUIRE_POSTGRES=1/,
		);
	});

	it('runs on SQLite only, with a warning, when PostgreSQL is not required', () => {
		const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
		expect(selectBackends({ STORE_PG_URL: unreachable })).toEqual(['sqlite']);
		expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreachable .*SQLite only/));
	});
});
