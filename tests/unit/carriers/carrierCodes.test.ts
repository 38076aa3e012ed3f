import {
	AGGREGATORS,
	CARRIER_CODES,
	CARRIER_IDS,
	CODED_CHANNELS,
	CONFIRMED_CARRIER_CODES,
	CarrierCodeError,
	FREE_TEXT_CHANNELS,
	INFERRED_CARRIER_CODES,
	carrierCodesWithOverrides,
	findAggregatorCarrier,
	findChannelCarrier,
	fromAggregatorCode,
	fromChannelCarrierCode,
	toAggregatorCode,
	toChannelCarrierCode,
} from '../../../lib/carriers/carrierCodes';

describe('carrier code table', () => {
	it('covers the carriers every channel and aggregator needs', () => {
		for (const id of ['sf', 'zto', 'yto', 'sto', 'yunda', 'jd', 'ems', 'jt', 'deppon']) expect(CARRIER_IDS).toContain(id);
		for (const id of CARRIER_IDS) {
			expect(Object.keys(CARRIER_CODES[id].aggregators).sort()).toEqual([...AGGREGATORS].sort());
		}
	});

	it('has the codes the specs confirm', () => {
		expect(toAggregatorCode('sf', 'kuaidi100')).toBe('shunfeng');
		expect(toAggregatorCode('best', 'kuaidi100')).toBe('huitongkuaidi');
		expect(toAggregatorCode('yunda', 'kdniao')).toBe('YD');
		expect(toAggregatorCode('youzheng', 'kdniao')).toBe('YZPY');
		expect(toAggregatorCode('deppon', 'kdniao')).toBe('DBL');
		expect(toChannelCarrierCode('youzheng', 'taobao')).toBe('POSTB');
		expect(toChannelCarrierCode('yunda', 'taobao')).toBe('YUNDA');
		expect(toChannelCarrierCode('sto', 'wechat_shop')).toBe('STO');
	});

	it('keeps every code in exactly one of the confirmed and inferred layers', () => {
		const overlap = (kind: 'channels' | 'aggregators') =>
			Object.entries(CONFIRMED_CARRIER_CODES[kind] ?? {}).flatMap(([column, codes]) => {
				const inferred = (INFERRED_CARRIER_CODES[kind] as Record<string, object | undefined>)[column] ?? {};
				return Object.keys(codes).filter((id) => id in inferred).map((id) => `${column}.${id}`);
			});
		expect(overlap('channels')).toEqual([]);
		expect(overlap('aggregators')).toEqual([]);
	});

	it('never gives two carriers the same code in one channel or aggregator', () => {
		const columns = [
			...CODED_CHANNELS.map((c) => (id: (typeof CARRIER_IDS)[number]) => CARRIER_CODES[id].channels[c]),
			...AGGREGATORS.map((a) => (id: (typeof CARRIER_IDS)[number]) => CARRIER_CODES[id].aggregators[a]),
		];
		for (const codeOf of columns) {
			const codes = CARRIER_IDS.map(codeOf).filter((c): c is string => c !== undefined).map((c) => c.toLowerCase());
			expect(new Set(codes).size).toBe(codes.length);
		}
	});
});

describe('round trips', () => {
	it.each([...CODED_CHANNELS, ...FREE_TEXT_CHANNELS])('carrier -> %s code -> carrier', (channel) => {
		let mapped = 0;
		for (const id of CARRIER_IDS) {
			let code: string;
			try {
				code = toChannelCarrierCode(id, channel);
			} catch (err) {
				expect(err).toBeInstanceOf(CarrierCodeError);
				continue;
			}
			mapped++;
			expect(fromChannelCarrierCode(channel, code)).toBe(id);
		}
		expect(mapped).toBeGreaterThanOrEqual(7);
	});

	it.each(AGGREGATORS)('carrier -> %s code -> carrier for every carrier', (aggregator) => {
		for (const id of CARRIER_IDS) expect(fromAggregatorCode(aggregator, toAggregatorCode(id, aggregator))).toBe(id);
	});

	it('accepts numeric channel codes and other letter case', () => {
		expect(fromChannelCarrierCode('pinduoduo', 44)).toBe('sf');
		expect(fromChannelCarrierCode('jd', '467')).toBe('sf');
		expect(fromChannelCarrierCode('taobao', 'zto')).toBe('zto');
		expect(fromAggregatorCode('kdniao', 'yd')).toBe('yunda');
	});

	it('reads free-text carriers by any of their names', () => {
		expect(fromChannelCarrierCode('woocommerce', '顺丰')).toBe('sf');
		expect(fromChannelCarrierCode('woocommerce', ' sf express ')).toBe('sf');
		expect(fromChannelCarrierCode('own_site', 'J&T Express')).toBe('jt');
		expect(fromChannelCarrierCode('woocommerce', 'zhongtong')).toBe('zto');
		expect(toChannelCarrierCode('yunda', 'woocommerce')).toBe('韵达快递');
	});

	it('gives free-text names that name one carrier only', () => {
		for (const id of CARRIER_IDS) {
			expect(fromChannelCarrierCode('woocommerce', CARRIER_CODES[id].zh)).toBe(id);
			expect(fromChannelCarrierCode('woocommerce', CARRIER_CODES[id].en)).toBe(id);
			for (const alias of CARRIER_CODES[id].aliases) expect(fromChannelCarrierCode('woocommerce', alias)).toBe(id);
		}
	});
});

describe('errors', () => {
	it('lists the known carriers for an unknown carrier id', () => {
		expect(() => toChannelCarrierCode('dhl', 'taobao')).toThrow(/unknown carrier 'dhl'; known carriers: sf, zto, yto/);
		expect(() => toAggregatorCode('dhl', 'kdniao')).toThrow(CarrierCodeError);
	});

	it('lists the known codes for an unknown channel code', () => {
		expect(() => fromChannelCarrierCode('taobao', 'NOPE')).toThrow(/taobao carrier code 'NOPE'.*SF \(sf\).*ZTO \(zto\)/);
		expect(() => fromAggregatorCode('kuaidi100', 'nope')).toThrow(/known kuaidi100 codes: shunfeng \(sf\)/);
		expect(() => fromChannelCarrierCode('woocommerce', 'Unknown Post')).toThrow(/顺丰速运 \(sf\)/);
	});

	it('names the channel and carrier when a pair has no code', () => {
		const noShopifyZjs = () => toChannelCarrierCode('zjs', 'shopify');
		expect(noShopifyZjs).toThrow(/no shopify carrier code known for zjs \(ZJS Express 宅急送\); known shopify codes: SF Express \(sf\)/);
	});

	it('rejects unknown channels and aggregators with the known ones', () => {
		expect(() => toChannelCarrierCode('sf', 'ebay')).toThrow(/channel 'ebay'; channels with carrier codes: taobao, jd/);
		expect(() => toAggregatorCode('sf', 'aftership')).toThrow(/known aggregators: kuaidi100, kdniao/);
	});

	it('gives undefined instead of throwing from findAggregatorCarrier', () => {
		expect(findAggregatorCarrier('kuaidi100', 'xyz')).toBeUndefined();
		expect(findAggregatorCarrier('kuaidi100', 'jtexpress')).toBe('jt');
	});

	it('gives undefined instead of throwing from findChannelCarrier', () => {
		expect(findChannelCarrier('taobao', 'NOPE')).toBeUndefined();
		expect(findChannelCarrier('woocommerce', 'Unknown Post')).toBeUndefined();
		expect(findChannelCarrier('jd', '')).toBeUndefined();
		expect(findChannelCarrier('ebay' as never, 'SF')).toBeUndefined();
	});

	it('agrees with fromChannelCarrierCode on every code and name it knows', () => {
		for (const channel of CODED_CHANNELS) {
			for (const id of CARRIER_IDS) {
				const code = CARRIER_CODES[id].channels[channel];
				if (code === undefined) continue;
				for (const text of [code, code.toLowerCase(), ` ${code.toUpperCase()} `]) {
					expect(findChannelCarrier(channel, text)).toBe(fromChannelCarrierCode(channel, text));
				}
			}
		}
		for (const channel of FREE_TEXT_CHANNELS) {
			for (const id of CARRIER_IDS) {
				const entry = CARRIER_CODES[id];
				for (const name of [entry.zh, entry.en, ...entry.aliases, ...Object.values(entry.aggregators)]) {
					expect(findChannelCarrier(channel, ` ${name.toUpperCase()} `)).toBe(fromChannelCarrierCode(channel, name));
				}
			}
		}
		expect(findChannelCarrier('pinduoduo', 44)).toBe('sf');
	});
});

describe('overrides', () => {
	it('replaces one code and keeps the rest', () => {
		const table = carrierCodesWithOverrides({ channels: { douyin: { jt: 'jitu' } } });
		expect(toChannelCarrierCode('jt', 'douyin', table)).toBe('jitu');
		expect(fromChannelCarrierCode('douyin', 'jitu', table)).toBe('jt');
		expect(findChannelCarrier('douyin', 'jitu', table)).toBe('jt');
		expect(findChannelCarrier('douyin', 'jitu')).toBeUndefined();
		expect(toChannelCarrierCode('jt', 'pinduoduo', table)).toBe(toChannelCarrierCode('jt', 'pinduoduo'));
		expect(toChannelCarrierCode('jt', 'xiaohongshu', table)).toBe('jtexpress');
		expect(toChannelCarrierCode('jt', 'douyin')).not.toBe('jitu');
	});
});
