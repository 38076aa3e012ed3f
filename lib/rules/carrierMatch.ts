// Carrier matching (快递策略): ordered rules, first match wins; each rule ANDs its conditions (destination,
// remote area, weight, order value, SKUs, shops) and names a carrier or asks for the cheapest quote from
// the cost table. No rule matches -> the fallback carrier.
import { CARRIER_IDS } from '../carriers/carrierCodes';
import type { OrderLine, UnifiedOrder } from '../model';
import {
	asSettings,
	majorToMinor,
	readBoolean,
	readList,
	readMoney,
	readNumber,
	readOption,
	readString,
	RuleConfigError,
	type ListField,
	type RawSettings,
} from './configFields';
import { lineSkuKey, shippableLines } from './orderKeys';
import { matchRegion, normalizeRegionName, parseRegionEntry, type RegionEntry } from './regions';
import { stableHash } from './stableHash';
import { money } from './text';

/** Provinces most couriers surcharge or limit (偏远地区) [I]: Hainan is listed by some couriers only. */
export const DEFAULT_REMOTE_PROVINCES = ['新疆', '西藏', '青海', '内蒙古', '宁夏', '甘肃', '海南'];

/** A rule's carrier may be this word instead of a carrier id: the cheapest quote wins. */
export const CHEAPEST = 'cheapest';
export const REMOTE_CONDITIONS = ['any', 'only', 'exclude'] as const;
export const SKU_CONDITIONS = ['any', 'all'] as const;

export interface CarrierRuleSettings {
	name?: string;
	enabled?: boolean;
	/** A carrier id (sf, zto, ...) or 'cheapest'. */
	carrier: string;
	/** For 'cheapest': carriers to compare; empty = every carrier in the cost table. */
	candidates?: ListField;
	/** Destinations ("浙江", "广东/深圳"); empty = anywhere. */
	provinces?: ListField;
	excludeProvinces?: ListField;
	/** 'only' remote areas, 'exclude' them, or 'any' (default). */
	remote?: (typeof REMOTE_CONDITIONS)[number];
	/** Parcel weight range in grams, both ends included; max 0 = no upper limit. */
	minWeightGrams?: number;
	maxWeightGrams?: number;
	/** Paid total range in yuan (major units), both ends included; max 0 = no upper limit. */
	minOrderValue?: number;
	maxOrderValue?: number;
	/** Master SKUs (or merchant codes); empty = any. */
	skus?: ListField;
	/** 'any' line listed (default) or 'all' lines listed. */
	skuMatch?: (typeof SKU_CONDITIONS)[number];
	/** Shops ("shop-1" or "taobao:shop-1"); empty = any. */
	shops?: ListField;
}

/** One price row: first weight + each additional step, for some destinations (empty = all others). */
export interface CostEntrySettings {
	carrier: string;
	regions?: ListField;
	firstWeightGrams?: number;
	/** Yuan. */
	firstPrice: number;
	additionalWeightGrams?: number;
	/** Yuan per additional step (started steps count in full). */
	additionalPrice: number;
}

export interface CarrierMatchConfig {
	rules?: readonly CarrierRuleSettings[];
	remoteProvinces?: ListField;
	costTable?: readonly CostEntrySettings[];
	/** Carrier when no rule matches; empty = none (the order waits for a person). */
	fallbackCarrier?: string;
	/** Packaging added to the goods' weight, grams. */
	extraWeightGrams?: number;
}

/** Weight of one unit of a SKU in grams; undefined = unknown. */
export type SkuWeightLookup = (masterSku: string, line: OrderLine) => number | undefined;

export interface CarrierQuote {
	carrier: string;
	/** Minor units (fen). */
	cost: number;
}

export interface CarrierMatch {
	carrier: string | undefined;
	/** The rule id that decided, 'fallback', or 'none'. */
	rule: string;
	/** 中文 / English. */
	reason: string;
	weightGrams: number | undefined;
	remote: boolean;
	quotes?: CarrierQuote[];
	ruleVersion: string;
}

interface CompiledRule {
	id: string;
	carrier: string;
	candidates: string[];
	provinces: RegionEntry[];
	excludeProvinces: RegionEntry[];
	remote: (typeof REMOTE_CONDITIONS)[number];
	minWeightGrams: number;
	maxWeightGrams: number;
	minOrderValue: number;
	maxOrderValue: number;
	skus: string[];
	skuMatch: (typeof SKU_CONDITIONS)[number];
	shops: string[];
}

interface CompiledCost {
	carrier: string;
	regions: RegionEntry[];
	firstWeightGrams: number;
	firstPrice: number;
	additionalWeightGrams: number;
	additionalPrice: number;
}

export interface CompiledCarrierMatch {
	ruleVersion: string;
	rules: CompiledRule[];
	remoteProvinces: string[];
	costTable: CompiledCost[];
	fallbackCarrier: string;
	extraWeightGrams: number;
}

function readCarrier(raw: RawSettings, key: string, path: string, allowCheapest: boolean, required = true): string {
	const value = readString(raw, key, path).toLowerCase();
	if (!value && !required) return '';
	if (allowCheapest && value === CHEAPEST) return value;
	if (!(CARRIER_IDS as readonly string[]).includes(value)) {
		const extra = allowCheapest ? `, or ${CHEAPEST}` : '';
		throw new RuleConfigError(`${path}.${key}`, `"${value}" is not a carrier id (use ${CARRIER_IDS.join(', ')}${extra})`);
	}
	return value;
}

function readCarrierList(raw: RawSettings, key: string, path: string): string[] {
	return readList(raw, key, path).map((item, index) => readCarrier({ item }, 'item', `${path}.${key}[${index}]`, false));
}

export function compileCarrierMatch(config: CarrierMatchConfig): CompiledCarrierMatch {
	const root = asSettings(config, 'carrier');
	const rules: CompiledRule[] = [];
	((root.rules as unknown[] | undefined) ?? []).forEach((entry, index) => {
		const path = `rules[${index}]`;
		const raw = asSettings(entry, path);
		if (!readBoolean(raw, 'enabled', path, true)) return;
		rules.push({
			id: readString(raw, 'name', path) || `rule ${index + 1}`,
			carrier: readCarrier(raw, 'carrier', path, true),
			candidates: readCarrierList(raw, 'candidates', path),
			provinces: readList(raw, 'provinces', path).map(parseRegionEntry),
			excludeProvinces: readList(raw, 'excludeProvinces', path).map(parseRegionEntry),
			remote: readOption(raw, 'remote', path, REMOTE_CONDITIONS, 'any'),
			minWeightGrams: readNumber(raw, 'minWeightGrams', path, 0, { min: 0 }),
			maxWeightGrams: readNumber(raw, 'maxWeightGrams', path, 0, { min: 0 }),
			minOrderValue: readMoney(raw, 'minOrderValue', path, 0),
			maxOrderValue: readMoney(raw, 'maxOrderValue', path, 0),
			skus: readList(raw, 'skus', path),
			skuMatch: readOption(raw, 'skuMatch', path, SKU_CONDITIONS, 'any'),
			shops: readList(raw, 'shops', path),
		});
	});
	const costTable = ((root.costTable as unknown[] | undefined) ?? []).map((entry, index): CompiledCost => {
		const path = `costTable[${index}]`;
		const raw = asSettings(entry, path);
		return {
			carrier: readCarrier(raw, 'carrier', path, false),
			regions: readList(raw, 'regions', path).map(parseRegionEntry),
			firstWeightGrams: readNumber(raw, 'firstWeightGrams', path, 1000, { min: 0 }),
			firstPrice: readMoney(raw, 'firstPrice', path, 0),
			additionalWeightGrams: readNumber(raw, 'additionalWeightGrams', path, 1000, { min: 1 }),
			additionalPrice: readMoney(raw, 'additionalPrice', path, 0),
		};
	});
	const compiled = {
		rules,
		remoteProvinces: readList(root, 'remoteProvinces', 'carrier', DEFAULT_REMOTE_PROVINCES).map(normalizeRegionName),
		costTable,
		fallbackCarrier: readCarrier(root, 'fallbackCarrier', 'carrier', false, false),
		extraWeightGrams: readNumber(root, 'extraWeightGrams', 'carrier', 0, { min: 0 }),
	};
	return { ...compiled, ruleVersion: `cv_${stableHash(compiled)}` };
}

/** Cheapest first; equal prices keep the cost table's order. */
export function quoteCarriers(
	table: readonly CompiledCost[],
	destination: UnifiedOrder['receiver'],
	weightGrams: number,
	currency: string,
	candidates: readonly string[] = [],
): CarrierQuote[] {
	const best = new Map<string, { entry: CompiledCost; specificity: number }>();
	for (const entry of table) {
		if (candidates.length > 0 && !candidates.includes(entry.carrier)) continue;
		const match = entry.regions.length === 0 ? 'default' : matchRegion(entry.regions, destination);
		if (!match) continue;
		const specificity = match === 'city' ? 2 : match === 'province' ? 1 : 0;
		const current = best.get(entry.carrier);
		if (!current || specificity > current.specificity) best.set(entry.carrier, { entry, specificity });
	}
	const quotes = [...best.values()].map(({ entry }) => {
		const steps = Math.ceil(Math.max(0, weightGrams - entry.firstWeightGrams) / entry.additionalWeightGrams);
		const first = majorToMinor(entry.firstPrice, currency, `${entry.carrier} firstPrice`);
		const additional = majorToMinor(entry.additionalPrice, currency, `${entry.carrier} additionalPrice`);
		return { carrier: entry.carrier, cost: first + steps * additional };
	});
	return quotes.sort((a, b) => a.cost - b.cost);
}

function orderWeight(order: UnifiedOrder, skuWeight: SkuWeightLookup | undefined, extra: number): number | undefined {
	if (!skuWeight) return undefined;
	let total = extra;
	for (const line of shippableLines(order)) {
		const each = line.masterSku ? skuWeight(line.masterSku, line) : undefined;
		if (each === undefined || !Number.isFinite(each) || each < 0) return undefined;
		total += each * line.quantity;
	}
	return total;
}

function matchesShop(order: UnifiedOrder, shops: readonly string[]): boolean {
	return shops.length === 0 || shops.includes(order.shopId) || shops.includes(`${order.channel}:${order.shopId}`);
}

function matchesSkus(order: UnifiedOrder, rule: CompiledRule): boolean {
	if (rule.skus.length === 0) return true;
	const listed = (line: OrderLine) =>
		[line.masterSku, line.merchantCode, lineSkuKey(line)].some((sku) => sku !== undefined && rule.skus.includes(sku));
	const lines = shippableLines(order);
	return rule.skuMatch === 'all' ? lines.length > 0 && lines.every(listed) : lines.some(listed);
}

export interface CarrierMatchInput {
	order: UnifiedOrder;
	config: CarrierMatchConfig | CompiledCarrierMatch;
	/** Unit weights; without it weight conditions never match and 'cheapest' cannot quote. */
	skuWeight?: SkuWeightLookup;
}

export function matchCarrier(input: CarrierMatchInput): CarrierMatch {
	const { order } = input;
	const config = 'ruleVersion' in input.config ? (input.config as CompiledCarrierMatch) : compileCarrierMatch(input.config);
	const weightGrams = orderWeight(order, input.skuWeight, config.extraWeightGrams);
	const remote = config.remoteProvinces.includes(normalizeRegionName(order.receiver.province));
	const base = { weightGrams, remote, ruleVersion: config.ruleVersion };
	const paid = order.totals.paid;
	const minor = (major: number) => majorToMinor(major, order.currency, 'order value');

	for (const rule of config.rules) {
		if (rule.provinces.length > 0 && !matchRegion(rule.provinces, order.receiver)) continue;
		if (rule.excludeProvinces.length > 0 && matchRegion(rule.excludeProvinces, order.receiver)) continue;
		if ((rule.remote === 'only' && !remote) || (rule.remote === 'exclude' && remote)) continue;
		if (rule.minWeightGrams > 0 || rule.maxWeightGrams > 0) {
			if (weightGrams === undefined || weightGrams < rule.minWeightGrams) continue;
			if (rule.maxWeightGrams > 0 && weightGrams > rule.maxWeightGrams) continue;
		}
		if (paid < minor(rule.minOrderValue) || (rule.maxOrderValue > 0 && paid > minor(rule.maxOrderValue))) continue;
		if (!matchesSkus(order, rule) || !matchesShop(order, rule.shops)) continue;

		if (rule.carrier !== CHEAPEST) {
			return { ...base, carrier: rule.carrier, rule: rule.id, reason: `规则「${rule.id}」指定 ${rule.carrier} / rule "${rule.id}" sets ${rule.carrier}` };
		}
		// A cheapest rule without a weight or a price row does not decide; later rules still may.
		if (weightGrams === undefined) continue;
		const quotes = quoteCarriers(config.costTable, order.receiver, weightGrams, order.currency, rule.candidates);
		if (quotes.length === 0) continue;
		const [best] = quotes;
		return {
			...base,
			carrier: best.carrier,
			rule: rule.id,
			quotes,
			reason: `规则「${rule.id}」取最便宜：${best.carrier} ${money(best.cost, order.currency)} / rule "${rule.id}" picks the cheapest: ${best.carrier} at ${money(best.cost, order.currency)}`,
		};
	}
	if (config.fallbackCarrier) {
		return { ...base, carrier: config.fallbackCarrier, rule: 'fallback', reason: `无规则命中，用默认快递 ${config.fallbackCarrier} / no rule matched; fallback ${config.fallbackCarrier}` };
	}
	return { ...base, carrier: undefined, rule: 'none', reason: '无规则命中且未设默认快递 / no rule matched and no fallback carrier is set' };
}
