import type { UnifiedOrder } from '../../../lib/model';
import {
	compileCarrierMatch,
	DEFAULT_REMOTE_PROVINCES,
	matchCarrier,
	type CarrierMatchConfig,
	type CarrierRuleSettings,
	type CostEntrySettings,
} from '../../../lib/rules/carrierMatch';
import { RuleConfigError } from '../../../lib/rules/configFields';
import { line, ruleOrder, withReceiver } from '../../fixtures/rules/orders';

// Sample order: 浙江省杭州市, 2 x SKU-TEE, paid 248.00, shop taobao:shop-1.
const order = ruleOrder();
const weights = (grams: Record<string, number>) => (sku: string) => grams[sku];
const teeWeighs = (grams: number) => weights({ 'SKU-TEE': grams });
const to = (province: string, city = '某市') => withReceiver(order, { province, city });

function carrierFor(rules: CarrierRuleSettings[], target: UnifiedOrder = order, extra: Partial<CarrierMatchConfig> = {}, grams = 500) {
	return matchCarrier({ order: target, config: { rules, fallbackCarrier: 'zto', ...extra }, skuWeight: teeWeighs(grams) }).carrier;
}

describe('rule conditions and order', () => {
	test.each<[string, CarrierRuleSettings[], UnifiedOrder, string]>([
		['first matching rule wins', [{ carrier: 'sf' }, { carrier: 'jd' }], order, 'sf'],
		['a disabled rule is skipped', [{ carrier: 'sf', enabled: false }, { carrier: 'jd' }], order, 'jd'],
		['destination province listed', [{ carrier: 'sf', provinces: '江苏, 浙江' }], order, 'sf'],
		['destination province not listed', [{ carrier: 'sf', provinces: '江苏, 上海' }], order, 'zto'],
		['province/city entry matches that city only', [{ carrier: 'sf', provinces: '浙江/宁波' }], order, 'zto'],
		['province/city entry', [{ carrier: 'sf', provinces: '浙江省/杭州市' }], order, 'sf'],
		['excluded province', [{ carrier: 'sf', excludeProvinces: '浙江' }], order, 'zto'],
		['remote only: Xinjiang (full official name) is remote', [{ carrier: 'ems', remote: 'only' }], to('新疆维吾尔自治区', '喀什地区'), 'ems'],
		['remote only: Zhejiang is not', [{ carrier: 'ems', remote: 'only' }], order, 'zto'],
		['remote excluded: Tibet skips the rule', [{ carrier: 'sf', remote: 'exclude' }, { carrier: 'ems' }], to('西藏自治区', '拉萨市'), 'ems'],
		['remote: Inner Mongolia', [{ carrier: 'ems', remote: 'only' }], to('内蒙古自治区', '呼和浩特市'), 'ems'],
		['SKU listed (master SKU)', [{ carrier: 'sf', skus: 'SKU-TEE' }], order, 'sf'],
		['SKU listed (merchant code)', [{ carrier: 'sf', skus: ['TEE-RED-M'] }], order, 'sf'],
		['SKU not listed', [{ carrier: 'sf', skus: 'SKU-CAP' }], order, 'zto'],
		[
			'all lines must be listed',
			[{ carrier: 'sf', skus: 'SKU-TEE', skuMatch: 'all' }],
			ruleOrder({ lines: [line(), line({ lineId: 'L2', masterSku: 'SKU-CAP' })] }),
			'zto',
		],
		['shop listed (channel:shop)', [{ carrier: 'jd', shops: 'taobao:shop-1' }], order, 'jd'],
		['shop listed (shop id)', [{ carrier: 'jd', shops: 'shop-1' }], order, 'jd'],
		['other shop', [{ carrier: 'jd', shops: 'shop-2' }], order, 'zto'],
	])('%s', (_name, rules, target, expected) => {
		expect(carrierFor(rules, target)).toBe(expected);
	});

	test('the remote list is configurable', () => {
		const hainan = to('海南省', '三亚市');
		expect(DEFAULT_REMOTE_PROVINCES).toContain('海南');
		expect(carrierFor([{ carrier: 'ems', remote: 'only' }], hainan)).toBe('ems');
		expect(carrierFor([{ carrier: 'ems', remote: 'only' }], hainan, { remoteProvinces: '新疆, 西藏' })).toBe('zto');
	});

	test('the result names the rule and says whether the destination is remote', () => {
		const result = matchCarrier({ order: to('青海省', '西宁市'), config: { rules: [{ name: '偏远走邮政', carrier: 'ems', remote: 'only' }] } });
		expect(result).toMatchObject({ carrier: 'ems', rule: '偏远走邮政', remote: true });
		expect(result.reason).toContain('偏远走邮政');
	});
});

describe('weight and value ranges (both ends included)', () => {
	// Two units: the parcel weighs 2 x unit weight.
	const heavy: CarrierRuleSettings[] = [{ carrier: 'deppon', minWeightGrams: 3000, maxWeightGrams: 20000 }];
	test.each([
		[1499, 'zto'],
		[1500, 'deppon'],
		[10000, 'deppon'],
		[10001, 'zto'],
	])('unit weight %i g', (grams, expected) => {
		expect(carrierFor(heavy, order, {}, grams)).toBe(expected);
	});

	test('packaging weight counts', () => {
		expect(carrierFor(heavy, order, { extraWeightGrams: 2 }, 1499)).toBe('deppon');
	});

	test('unknown weight never matches a weight rule', () => {
		const result = matchCarrier({ order, config: { rules: heavy, fallbackCarrier: 'zto' }, skuWeight: weights({}) });
		expect(result).toMatchObject({ carrier: 'zto', rule: 'fallback', weightGrams: undefined });
	});

	test('no upper weight limit when max is 0', () => {
		expect(carrierFor([{ carrier: 'deppon', minWeightGrams: 3000 }], order, {}, 500000)).toBe('deppon');
	});

	test.each([
		[{ minOrderValue: 248 }, 'sf'],
		[{ minOrderValue: 248.01 }, 'zto'],
		[{ maxOrderValue: 248 }, 'sf'],
		[{ maxOrderValue: 247.99 }, 'zto'],
	])('order value %j', (range, expected) => {
		expect(carrierFor([{ carrier: 'sf', ...range }])).toBe(expected);
	});
});

describe('cost table: cheapest quote', () => {
	const table: CostEntrySettings[] = [
		{ carrier: 'sf', firstPrice: 12, additionalPrice: 2 },
		{ carrier: 'zto', firstPrice: 5, additionalPrice: 4 },
		{ carrier: 'zto', regions: '新疆, 西藏', firstPrice: 20, additionalPrice: 15 },
		{ carrier: 'yunda', regions: '浙江, 江苏, 上海', firstPrice: 4, additionalPrice: 4 },
		{ carrier: 'sto', regions: '浙江/杭州', firstPrice: 8, additionalPrice: 1, additionalWeightGrams: 500 },
	];
	const cheapest = (grams: number, target: UnifiedOrder = order, rule: Partial<CarrierRuleSettings> = {}) =>
		matchCarrier({ order: target, config: { rules: [{ carrier: 'cheapest', ...rule }], costTable: table }, skuWeight: teeWeighs(grams) });

	test('1 kg parcel to Hangzhou: yunda 4.00 is cheapest; quotes listed cheapest first', () => {
		const result = cheapest(500);
		expect(result.carrier).toBe('yunda');
		expect(result.quotes).toEqual([
			{ carrier: 'yunda', cost: 400 },
			{ carrier: 'zto', cost: 500 },
			{ carrier: 'sto', cost: 800 },
			{ carrier: 'sf', cost: 1200 },
		]);
	});

	test('started additional steps are charged in full: 1001 g costs one step more than 1000 g', () => {
		const at = (grams: number) => Object.fromEntries((cheapest(grams).quotes ?? []).map((q) => [q.carrier, q.cost]));
		expect(at(500)).toMatchObject({ sf: 1200, sto: 800 });
		expect(at(500.5)).toMatchObject({ sf: 1400, sto: 900 });
		// 6 kg: sf 12 + 5 x 2 = 22; zto 5 + 5 x 4 = 25; yunda 4 + 20 = 24; sto 8 + 10 x 1 = 18.
		expect(cheapest(3000).carrier).toBe('sto');
	});

	test('the most specific row for the destination is used', () => {
		const result = cheapest(500, to('新疆维吾尔自治区', '乌鲁木齐市'));
		expect(result.quotes).toEqual([
			{ carrier: 'sf', cost: 1200 },
			{ carrier: 'zto', cost: 2000 },
		]);
	});

	test('candidates limit the comparison', () => {
		expect(cheapest(500, order, { candidates: 'sf, zto' }).carrier).toBe('zto');
	});

	test('equal prices keep table order', () => {
		const tie = matchCarrier({
			order,
			config: { rules: [{ carrier: 'cheapest' }], costTable: [{ carrier: 'jt', firstPrice: 5, additionalPrice: 1 }, { carrier: 'best', firstPrice: 5, additionalPrice: 1 }] },
			skuWeight: teeWeighs(100),
		});
		expect(tie.carrier).toBe('jt');
	});

	test('without weights a cheapest rule passes to the next rule', () => {
		const result = matchCarrier({ order, config: { rules: [{ carrier: 'cheapest' }, { carrier: 'yto' }], costTable: table } });
		expect(result).toMatchObject({ carrier: 'yto', rule: 'rule 2' });
	});
});

describe('fallback and settings', () => {
	test('no rule matched: fallback carrier', () => {
		expect(matchCarrier({ order, config: { rules: [{ carrier: 'sf', provinces: '广东' }], fallbackCarrier: 'yto' } })).toMatchObject({
			carrier: 'yto',
			rule: 'fallback',
		});
	});

	test('no rule matched and no fallback: no carrier, said plainly', () => {
		const result = matchCarrier({ order, config: { rules: [{ carrier: 'sf', provinces: '广东' }] } });
		expect(result).toMatchObject({ carrier: undefined, rule: 'none' });
		expect(result.reason).toContain('no fallback');
	});

	test.each<[CarrierMatchConfig, string]>([
		[{ rules: [{ carrier: 'shunfeng' }] }, 'rules[0].carrier'],
		[{ fallbackCarrier: 'ups' }, 'fallbackCarrier'],
		[{ costTable: [{ carrier: 'sf', firstPrice: 1.234, additionalPrice: 1 }] }, 'costTable[0].firstPrice'],
		[{ rules: [{ carrier: 'cheapest', candidates: 'sf, dhl' }] }, 'rules[0].candidates[1]'],
		[{ rules: [{ carrier: 'sf', remote: 'sometimes' as never }] }, 'rules[0].remote'],
	])('invalid settings name the field: %j', (config, path) => {
		expect(() => compileCarrierMatch(config)).toThrow(RuleConfigError);
		expect(() => compileCarrierMatch(config)).toThrow(path);
	});

	test('carrier ids are case-insensitive; the version follows the settings', () => {
		const a = compileCarrierMatch({ rules: [{ carrier: 'SF' }], fallbackCarrier: 'zto' });
		expect(a.rules[0].carrier).toBe('sf');
		expect(compileCarrierMatch({ fallbackCarrier: 'zto', rules: [{ carrier: 'sf' }] }).ruleVersion).toBe(a.ruleVersion);
		expect(compileCarrierMatch({ rules: [{ carrier: 'sf' }], fallbackCarrier: 'yto' }).ruleVersion).not.toBe(a.ruleVersion);
	});
});
