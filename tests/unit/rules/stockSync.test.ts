import type { ChannelId } from '../../../lib/model';
import {
	applyAck,
	isSynced,
	listedQuantity,
	planStockSync,
	recordPush,
	type ChannelListing,
	type PushLedgerEntry,
	type SkuStock,
	type StockPush,
	type StockSyncConfig,
} from '../../../lib/rules/stockSync';
import { RuleConfigError } from '../../../lib/rules/configFields';
import { mulberry32 } from '../model/prng';

/** The listed quantity for one SKU under one policy, through the public planner. */
function listed(available: number, policy: StockSyncConfig['policies'] = [], presale = false, unitsPerListing?: number) {
	const plan = planStockSync({
		listings: [{ channel: 'taobao', shopId: 's1', channelSkuId: 'c1', masterSku: 'M1', unitsPerListing }],
		stock: [{ masterSku: 'M1', available, presale }],
		ledger: [],
		config: { policies: policy },
	});
	return plan.pushes[0].quantity;
}

describe('listed quantity per channel', () => {
	test.each<[string, number, StockSyncConfig['policies'], number]>([
		['no policy: everything available', 37, [], 37],
		['negative available lists 0', -3, [], 0],
		['safety stock is held back', 10, [{ channel: '*', safetyStock: 3 }], 7],
		['safety stock larger than stock lists 0', 2, [{ channel: '*', safetyStock: 3 }], 0],
		['percent rounds down: 40% of 2 is 0', 2, [{ channel: '*', percent: 40 }], 0],
		['percent rounds down: 40% of 9 is 3', 9, [{ channel: '*', percent: 40 }], 3],
		['percent after safety: 50% of (11 - 1)', 11, [{ channel: '*', percent: 50, safetyStock: 1 }], 5],
		['max listed caps', 500, [{ channel: '*', maxListed: 200 }], 200],
		['max listed at exactly the cap', 200, [{ channel: '*', maxListed: 200 }], 200],
		['min listed keeps a listing alive', 2, [{ channel: '*', percent: 40, minListed: 1 }], 1],
		['min listed never exceeds what is there', 2, [{ channel: '*', minListed: 5 }], 2],
		['min listed does not resurrect an empty SKU', 0, [{ channel: '*', minListed: 5 }], 0],
		['virtual stock adds a fixed amount', 3, [{ channel: '*', virtualStock: 10 }], 13],
		['zero at or below a threshold', 5, [{ channel: '*', zeroAtOrBelow: 5 }], 0],
		['one above the threshold lists', 6, [{ channel: '*', zeroAtOrBelow: 5 }], 6],
		['presale off by default for the policy', 0, [{ channel: '*' }], 0],
	])('%s', (_name, available, policies, expected) => {
		expect(listed(available, policies)).toBe(expected);
	});

	test('presale quantity when nothing is available and the SKU allows it', () => {
		const policy: StockSyncConfig['policies'] = [{ channel: '*', presaleQuantity: 50 }];
		expect(listed(0, policy, true)).toBe(50);
		expect(listed(0, policy, false)).toBe(0);
		expect(listed(1, policy, true)).toBe(1);
	});

	test('bundles list whole bundles only', () => {
		expect(listed(9, [], false, 2)).toBe(4);
	});

	test('the most specific policy wins', () => {
		const policies: StockSyncConfig['policies'] = [
			{ channel: '*', percent: 10 },
			{ channel: 'taobao', percent: 50 },
			{ channel: 'taobao', shopId: 's1', percent: 80 },
			{ channel: '*', shopId: 's2', percent: 30 },
		];
		const plan = planStockSync({
			listings: [
				{ channel: 'taobao', shopId: 's1', channelSkuId: 'a', masterSku: 'M' },
				{ channel: 'taobao', shopId: 's9', channelSkuId: 'b', masterSku: 'M' },
				{ channel: 'jd', shopId: 's2', channelSkuId: 'c', masterSku: 'M' },
				{ channel: 'jd', shopId: 's9', channelSkuId: 'd', masterSku: 'M' },
			],
			stock: [{ masterSku: 'M', available: 100 }],
			ledger: [],
			config: { policies },
		});
		expect(plan.pushes.map((push) => push.quantity)).toEqual([80, 50, 30, 10]);
	});

	test('listedQuantity without a policy is the available quantity', () => {
		expect(listedQuantity({ masterSku: 'M', available: 12 })).toBe(12);
	});

	test('paused channels and SKUs without a stock figure are skipped, never zeroed', () => {
		const plan = planStockSync({
			listings: [
				{ channel: 'jd', shopId: 's', channelSkuId: 'a', masterSku: 'M' },
				{ channel: 'taobao', shopId: 's', channelSkuId: 'b', masterSku: 'UNKNOWN' },
			],
			stock: [{ masterSku: 'M', available: 5 }],
			ledger: [],
			config: { policies: [{ channel: 'jd', paused: true }] },
		});
		expect(plan.pushes).toEqual([]);
		expect(plan.skipped.map((skip) => skip.reason)).toEqual(['paused', 'no stock figure']);
	});

	test.each<[StockSyncConfig, string]>([
		[{ policies: [{ channel: 'tmall' as ChannelId }] }, 'policies[0].channel'],
		[{ policies: [{ channel: '*', percent: 120 }] }, 'policies[0].percent'],
		[{ policies: [{ channel: '*', percent: 33.3 }] }, 'policies[0].percent'],
		[{ policies: [{ channel: 'jd' }, { channel: 'jd', shopId: '' }] }, 'policies[1]'],
		[{ maxCutPercent: -1 }, 'maxCutPercent'],
	])('invalid settings name the field: %j', (config, path) => {
		const run = () => planStockSync({ listings: [], stock: [], ledger: [], config });
		expect(run).toThrow(RuleConfigError);
		expect(run).toThrow(path);
	});
});

describe('diff against the push ledger: 10,000 SKUs x 4 channels', () => {
	const channels: ChannelId[] = ['taobao', 'jd', 'pinduoduo', 'douyin'];
	// Policies chosen so that any +10 change moves every channel's figure.
	const config: StockSyncConfig = {
		policies: [
			{ channel: 'taobao' },
			{ channel: 'jd', percent: 50 },
			{ channel: 'pinduoduo', safetyStock: 5 },
			{ channel: 'douyin', virtualStock: 10 },
		],
	};
	const next = mulberry32(20240601);
	const skus = Array.from({ length: 10_000 }, (_, i) => `M${String(i).padStart(5, '0')}`);
	const listings: ChannelListing[] = skus.flatMap((sku) =>
		channels.map((channel) => ({ channel, shopId: `${channel}-shop`, channelSkuId: `${channel}-${sku}`, masterSku: sku })),
	);
	const initial: SkuStock[] = skus.map((masterSku) => ({ masterSku, available: 10 + Math.floor(next() * 490) }));

	/** Sends every push and acknowledges it: the ledger after a clean run. */
	function syncAll(ledger: PushLedgerEntry[], pushes: StockPush[]): PushLedgerEntry[] {
		const byKey = new Map(ledger.map((entry) => [entry.channelSkuId, entry]));
		for (const push of pushes) byKey.set(push.channelSkuId, applyAck(recordPush(byKey.get(push.channelSkuId), push), { version: push.version }));
		return [...byKey.values()];
	}

	const first = planStockSync({ listings, stock: initial, ledger: [], config });
	const ledger = syncAll([], first.pushes);

	test('a first run pushes every listing as new', () => {
		expect(first.pushes).toHaveLength(40_000);
		expect(first.pushes.every((push) => push.reason === 'new' && push.version === 1)).toBe(true);
		expect(first.brakeTripped).toBe(false);
	});

	test('nothing changed: zero pushes', () => {
		const plan = planStockSync({ listings, stock: initial, ledger, config });
		expect(plan.pushes).toEqual([]);
		expect(plan.unchanged).toBe(40_000);
	});

	test('1% of SKUs changed: exactly those SKU x channel pairs are pushed', () => {
		const changed = new Set<string>();
		while (changed.size < 100) changed.add(skus[Math.floor(next() * skus.length)]);
		const stock = initial.map((row) => (changed.has(row.masterSku) ? { ...row, available: row.available + 10 } : row));
		const started = Date.now();
		const plan = planStockSync({ listings, stock, ledger, config });
		const elapsed = Date.now() - started;
		console.log(`stock sync plan: 40,000 listings, ${plan.pushes.length} pushes, ${elapsed} ms`);
		const pushed = new Set(plan.pushes.map((push) => `${push.channel}|${push.masterSku}`));
		const expected = new Set([...changed].flatMap((sku) => channels.map((channel) => `${channel}|${sku}`)));
		expect(plan.pushes).toHaveLength(400);
		expect(pushed).toEqual(expected);
		expect(plan.unchanged).toBe(39_600);
		expect(plan.pushes.every((push) => push.reason === 'changed' && push.version === 2 && !push.cut)).toBe(true);
		expect(plan).toMatchObject({ brakeTripped: false, ready: true });
	});
});

describe('mass de-listing brake', () => {
	const listings: ChannelListing[] = Array.from({ length: 100 }, (_, i) => ({
		channel: 'taobao',
		shopId: 's',
		channelSkuId: `c${i}`,
		masterSku: `M${i}`,
	}));
	const ledger: PushLedgerEntry[] = listings.map((listing) => ({
		channel: listing.channel,
		shopId: listing.shopId,
		channelSkuId: listing.channelSkuId,
		lastPublished: 100,
		version: 1,
		ackedVersion: 1,
	}));
	/** The first `zeroed` SKUs drop to 0, the next `dropped` to `dropTo`, the rest stay at 100. */
	const stock = (zeroed: number, dropped = 0, dropTo = 40): SkuStock[] =>
		listings.map((listing, i) => ({ masterSku: listing.masterSku, available: i < zeroed ? 0 : i < zeroed + dropped ? dropTo : 100 }));

	test('zeroing 21 of 100 live listings trips the brake', () => {
		const plan = planStockSync({ listings, stock: stock(21), ledger });
		expect(plan).toMatchObject({ brakeTripped: true, ready: false, stats: { live: 100, cuts: 21, toZero: 21, cutPercent: 21 } });
		expect(plan.pushes).toHaveLength(21);
		expect(plan.reasons[0]).toContain('21 of 100 live listings');
	});

	test('exactly 20% does not trip it', () => {
		expect(planStockSync({ listings, stock: stock(20), ledger })).toMatchObject({ brakeTripped: false, ready: true });
	});

	test('big drops count as cuts; a drop of exactly 50% does not', () => {
		expect(planStockSync({ listings, stock: stock(10, 11, 40), ledger }).brakeTripped).toBe(true);
		expect(planStockSync({ listings, stock: stock(10, 11, 50), ledger }).brakeTripped).toBe(false);
	});

	test('limits are configurable', () => {
		expect(planStockSync({ listings, stock: stock(21), ledger, config: { maxCutPercent: 25 } }).brakeTripped).toBe(false);
		expect(planStockSync({ listings, stock: stock(10, 11, 60), ledger, config: { dropPercent: 30 } }).brakeTripped).toBe(true);
	});

	test('an operator can confirm a braked plan', () => {
		expect(planStockSync({ listings, stock: stock(50), ledger, confirmed: true })).toMatchObject({ brakeTripped: true, ready: true });
	});

	test('an empty stock answer de-lists nothing', () => {
		const plan = planStockSync({ listings, stock: [], ledger });
		expect(plan.pushes).toEqual([]);
		expect(plan.skipped).toHaveLength(100);
		expect(plan.brakeTripped).toBe(false);
	});
});

describe('versioned acknowledgements', () => {
	const listing: ChannelListing = { channel: 'jd', shopId: 's', channelSkuId: 'c', masterSku: 'M' };
	const plan = (entry: PushLedgerEntry | undefined, available: number) =>
		planStockSync({ listings: [listing], stock: [{ masterSku: 'M', available }], ledger: entry ? [entry] : [] });

	test('a stale ack does not mark a newer change as synced', () => {
		const v1 = recordPush(undefined, plan(undefined, 10).pushes[0]);
		const synced = applyAck(v1, { version: 1 });
		expect(isSynced(synced)).toBe(true);

		const push2 = plan(synced, 15).pushes[0];
		const v2 = recordPush(synced, push2);
		const push3 = plan(v2, 20).pushes[0];
		expect([push2.version, push3.version]).toEqual([2, 3]);
		const v3 = recordPush(v2, push3);

		const afterStaleAck = applyAck(v3, { version: 2 });
		expect(afterStaleAck).toEqual(v3);
		expect(isSynced(afterStaleAck)).toBe(false);
		// Same quantity, but never acknowledged: pushed again with a newer version.
		expect(plan(afterStaleAck, 20).pushes[0]).toMatchObject({ quantity: 20, reason: 'unacknowledged', version: 4 });

		const acked = applyAck(v3, { version: 3 });
		expect(isSynced(acked)).toBe(true);
		expect(plan(acked, 20).pushes).toEqual([]);
	});

	test('a push older than the ledger is refused', () => {
		const entry: PushLedgerEntry = { channel: 'jd', shopId: 's', channelSkuId: 'c', lastPublished: 5, version: 3, ackedVersion: 3 };
		const stale = { ...plan(undefined, 9).pushes[0], version: 3 };
		expect(() => recordPush(entry, stale)).toThrow('not newer');
	});
});
