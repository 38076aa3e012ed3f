import { takeUpTo } from '../../../nodes/shared/listFields';

// A source that records how many items were asked of it, as a paged channel list would.
function counted(total: number) {
	let pulled = 0;
	async function* source() {
		for (let n = 1; n <= total; n++) {
			pulled += 1;
			yield n;
		}
	}
	return { source: source(), pulled: () => pulled };
}

describe('takeUpTo', () => {
	it('keeps the first `limit` items and, by default, reads the next one before stopping', async () => {
		const list = counted(10);
		expect(await takeUpTo(list.source, 3, (n) => n * 10)).toEqual([10, 20, 30]);
		expect(list.pulled()).toBe(4);
	});

	it('with stopAtLimit stops right after the last wanted item', async () => {
		const list = counted(10);
		expect(await takeUpTo(list.source, 3, (n) => n * 10, { stopAtLimit: true })).toEqual([10, 20, 30]);
		expect(list.pulled()).toBe(3);
	});

	it('takes everything with an Infinity limit, in either mode', async () => {
		expect(await takeUpTo(counted(5).source, Infinity, String)).toEqual(['1', '2', '3', '4', '5']);
		expect(await takeUpTo(counted(5).source, Infinity, String, { stopAtLimit: true })).toEqual(['1', '2', '3', '4', '5']);
	});
});
