// Our carrier ids and each sales channel's and tracking aggregator's own code for them. Codes read in a
// source sit in CONFIRMED_CARRIER_CODES; every guessed or single-weak-source code sits in
// INFERRED_CARRIER_CODES, so a wrong one is corrected in one place (or overridden by the caller's table).
import type { ChannelId } from '../model/types';

export const CARRIER_IDS = [
	'sf',
	'zto',
	'yto',
	'sto',
	'yunda',
	'jd',
	'ems',
	'youzheng',
	'jt',
	'deppon',
	'best',
	'zjs',
] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];

export const AGGREGATORS = ['kuaidi100', 'kdniao'] as const;
export type Aggregator = (typeof AGGREGATORS)[number];

/** Channels whose shipping call takes a code from the channel's own carrier list. */
export const CODED_CHANNELS = [
	'taobao',
	'jd',
	'wechat_shop',
	'xiaohongshu',
	'douyin',
	'pinduoduo',
	'shopify',
] as const;
export type CodedChannel = (typeof CODED_CHANNELS)[number];
/** Channels where the carrier is free text (WooCommerce notes / tracking plugins, other own sites). */
export const FREE_TEXT_CHANNELS = ['woocommerce', 'own_site'] as const satisfies readonly ChannelId[];
export type FreeTextChannel = (typeof FREE_TEXT_CHANNELS)[number];
export type CarrierChannel = CodedChannel | FreeTextChannel;

export interface CarrierEntry {
	/** Chinese name, also what free-text channels receive. */
	zh: string;
	en: string;
	/** Other spellings accepted from free-text channels. */
	aliases: readonly string[];
	channels: Partial<Record<CodedChannel, string>>;
	aggregators: Partial<Record<Aggregator, string>>;
}
export type CarrierCodeTable = Readonly<Record<CarrierId, CarrierEntry>>;

/** Codes per channel or aggregator column: our carrier id -> that column's code. */
export interface CarrierCodeLayer {
	channels?: Partial<Record<CodedChannel, Partial<Record<CarrierId, string>>>>;
	aggregators?: Partial<Record<Aggregator, Partial<Record<CarrierId, string>>>>;
}

const NAMES: Record<CarrierId, Pick<CarrierEntry, 'zh' | 'en' | 'aliases'>> = {
	sf: { zh: '顺丰速运', en: 'SF Express', aliases: ['顺丰', '顺丰快递'] },
	zto: { zh: '中通快递', en: 'ZTO Express', aliases: ['中通'] },
	yto: { zh: '圆通速递', en: 'YTO Express', aliases: ['圆通', '圆通快递'] },
	sto: { zh: '申通快递', en: 'STO Express', aliases: ['申通'] },
	yunda: { zh: '韵达快递', en: 'Yunda Express', aliases: ['韵达', '韵达速递'] },
	jd: { zh: '京东快递', en: 'JD Logistics', aliases: ['京东', '京东物流', 'JD Express'] },
	ems: { zh: 'EMS', en: 'China EMS', aliases: ['邮政EMS', '中国邮政速递', 'China EMS (ePacket)'] },
	youzheng: { zh: '邮政快递包裹', en: 'China Post', aliases: ['邮政包裹', '中国邮政', '邮政'] },
	jt: { zh: '极兔速递', en: 'J&T Express', aliases: ['极兔', '极兔快递'] },
	deppon: { zh: '德邦快递', en: 'Deppon Express', aliases: ['德邦', 'Deppon'] },
	best: { zh: '百世快递', en: 'Best Express', aliases: ['百世', '百世汇通', '汇通'] },
	zjs: { zh: '宅急送', en: 'ZJS Express', aliases: ['宅急送快递'] },
};

/** Codes read in a named public source (logistics spec §1.5, §2.6; channels spec §1.7, §3.5). */
export const CONFIRMED_CARRIER_CODES: CarrierCodeLayer = {
	channels: {
		taobao: {
			sf: 'SF',
			zto: 'ZTO',
			yto: 'YTO',
			sto: 'STO',
			yunda: 'YUNDA',
			ems: 'EMS',
			youzheng: 'POSTB',
			jd: 'JD',
			best: 'HTKY',
		},
		wechat_shop: { sto: 'STO' },
	},
	aggregators: {
		kuaidi100: {
			sf: 'shunfeng',
			zto: 'zhongtong',
			yto: 'yuantong',
			sto: 'shentong',
			yunda: 'yunda',
			ems: 'ems',
			jd: 'jd',
			best: 'huitongkuaidi',
			zjs: 'zhaijisong',
			deppon: 'debangkuaidi',
			jt: 'jtexpress',
		},
		kdniao: {
			sf: 'SF',
			best: 'HTKY',
			zto: 'ZTO',
			sto: 'STO',
			yto: 'YTO',
			yunda: 'YD',
			youzheng: 'YZPY',
			ems: 'EMS',
			jd: 'JD',
			deppon: 'DBL',
			zjs: 'ZJS',
		},
	},
};

// Douyin and Xiaohongshu are assumed to take Kuaidi100-style codes (a Douyin doc example ships 'shunfeng').
const KUAIDI100_STYLE: Partial<Record<CarrierId, string>> = {
	sf: 'shunfeng',
	zto: 'zhongtong',
	yto: 'yuantong',
	sto: 'shentong',
	yunda: 'yunda',
	jd: 'jd',
	ems: 'ems',
	youzheng: 'youzhengguonei',
	jt: 'jtexpress',
	deppon: 'debangkuaidi',
	best: 'huitongkuaidi',
	zjs: 'zhaijisong',
};

/**
 * [I] Inferred codes, unverified against the live platforms: JD numbers from one third-party adapter;
 * Pinduoduo numbers from a pdd.logistics.companies.get reply captured in a public ERP (2020); Shopify
 * tracking-company names, WeChat shop ids and the rest of Taobao and the aggregators from common practice.
 */
export const INFERRED_CARRIER_CODES: CarrierCodeLayer = {
	channels: {
		taobao: { deppon: 'DBKD', jt: 'JTSD', zjs: 'ZJS' },
		jd: { zto: '1499', yunda: '1327', sto: '470', yto: '463', sf: '467', ems: '465', deppon: '3046', jd: '2087' },
		wechat_shop: { sf: 'SF', zto: 'ZTO', yto: 'YTO', yunda: 'YD', jd: 'JD', ems: 'EMS' },
		xiaohongshu: KUAIDI100_STYLE,
		douyin: KUAIDI100_STYLE,
		pinduoduo: {
			sto: '1',
			best: '3',
			sf: '44',
			yto: '85',
			zto: '115',
			ems: '118',
			jd: '120',
			yunda: '121',
			zjs: '129',
			deppon: '131',
			youzheng: '132',
			jt: '384',
		},
		shopify: {
			sf: 'SF Express',
			zto: 'ZTO Express',
			yto: 'YTO Express',
			sto: 'STO Express',
			yunda: 'Yunda Express',
			jd: 'JD Logistics',
			ems: 'China EMS (ePacket)',
			youzheng: 'China Post',
			jt: 'J&T Express',
			deppon: 'Deppon',
			best: 'Best Express',
		},
	},
	aggregators: { kuaidi100: { youzheng: 'youzhengguonei' }, kdniao: { jt: 'JTSD' } },
};

function buildTable(...layers: CarrierCodeLayer[]): CarrierCodeTable {
	const table = {} as Record<CarrierId, CarrierEntry>;
	for (const id of CARRIER_IDS) table[id] = { ...NAMES[id], channels: {}, aggregators: {} };
	for (const layer of layers) {
		for (const [channel, codes] of Object.entries(layer.channels ?? {})) {
			for (const [id, code] of Object.entries(codes)) {
				table[id as CarrierId].channels[channel as CodedChannel] = code;
			}
		}
		for (const [aggregator, codes] of Object.entries(layer.aggregators ?? {})) {
			for (const [id, code] of Object.entries(codes)) {
				table[id as CarrierId].aggregators[aggregator as Aggregator] = code;
			}
		}
	}
	return table;
}

export const CARRIER_CODES: CarrierCodeTable = buildTable(CONFIRMED_CARRIER_CODES, INFERRED_CARRIER_CODES);

/** The default table with some codes replaced, e.g. from a node option once a platform's real list is known. */
export function carrierCodesWithOverrides(overrides: CarrierCodeLayer): CarrierCodeTable {
	return buildTable(CONFIRMED_CARRIER_CODES, INFERRED_CARRIER_CODES, overrides);
}

export class CarrierCodeError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CarrierCodeError';
	}
}

export function isCarrierId(value: unknown): value is CarrierId {
	return typeof value === 'string' && (CARRIER_IDS as readonly string[]).includes(value);
}

function isFreeTextChannel(channel: string): channel is FreeTextChannel {
	return (FREE_TEXT_CHANNELS as readonly string[]).includes(channel);
}

function isCodedChannel(channel: string): channel is CodedChannel {
	return (CODED_CHANNELS as readonly string[]).includes(channel);
}

function requireCarrier(carrier: string): CarrierId {
	if (isCarrierId(carrier)) return carrier;
	throw new CarrierCodeError(`unknown carrier '${carrier}'; known carriers: ${CARRIER_IDS.join(', ')}`);
}

function requireChannel(channel: string): CarrierChannel {
	if (isCodedChannel(channel) || isFreeTextChannel(channel)) return channel;
	const known = [...CODED_CHANNELS, ...FREE_TEXT_CHANNELS].join(', ');
	throw new CarrierCodeError(`no carrier codes for channel '${channel}'; channels with carrier codes: ${known}`);
}

function requireAggregator(aggregator: string): Aggregator {
	if ((AGGREGATORS as readonly string[]).includes(aggregator)) return aggregator as Aggregator;
	const known = AGGREGATORS.join(', ');
	throw new CarrierCodeError(`unknown tracking aggregator '${aggregator}'; known aggregators: ${known}`);
}

type CodeOf = (entry: CarrierEntry) => string | undefined;

/** "SF (sf), ZTO (zto), ...": the codes a column knows, for error messages. */
function knownCodes(table: CarrierCodeTable, codeOf: CodeOf): string {
	const pairs = CARRIER_IDS.flatMap((id) => {
		const code = codeOf(table[id]);
		return code === undefined ? [] : [`${code} (${id})`];
	});
	return pairs.length ? pairs.join(', ') : 'none';
}

function noCodeFor(table: CarrierCodeTable, id: CarrierId, column: string, codeOf: CodeOf): CarrierCodeError {
	const label = `${id} (${table[id].en} ${table[id].zh})`;
	const known = knownCodes(table, codeOf);
	return new CarrierCodeError(`no ${column} carrier code known for ${label}; known ${column} codes: ${known}`);
}

function notInTable(table: CarrierCodeTable, code: string, column: string, codeOf: CodeOf): CarrierCodeError {
	const known = knownCodes(table, codeOf);
	return new CarrierCodeError(`${column} carrier code '${code}' is not in the carrier table; known ${column} codes: ${known}`);
}

/** Exact match first, then case-insensitive (Taobao-style codes arrive in either case). */
function findByCode(table: CarrierCodeTable, code: string, codeOf: CodeOf): CarrierId | undefined {
	const lower = code.toLowerCase();
	return (
		CARRIER_IDS.find((id) => codeOf(table[id]) === code) ??
		CARRIER_IDS.find((id) => codeOf(table[id])?.toLowerCase() === lower)
	);
}

/** Names a person may type for a carrier; numeric channel codes are left out (a bare "1" names nothing). */
function namesOf(entry: CarrierEntry): string[] {
	const codes = Object.values(entry.aggregators).filter((c): c is string => c !== undefined);
	return [entry.zh, entry.en, ...entry.aliases, ...codes];
}

const normalizeName = (text: string) => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Our carrier id to the code a channel's shipping call expects (free-text channels get the Chinese name). */
export function toChannelCarrierCode(carrier: string, channel: string, table = CARRIER_CODES): string {
	const id = requireCarrier(carrier);
	const target = requireChannel(channel);
	if (isFreeTextChannel(target)) return table[id].zh;
	const codeOf: CodeOf = (entry) => entry.channels[target];
	const code = codeOf(table[id]);
	if (code === undefined) throw noCodeFor(table, id, target, codeOf);
	return code;
}

/** A channel's carrier code (or, for free-text channels, a carrier name) back to our carrier id. */
export function fromChannelCarrierCode(channel: string, code: string | number, table = CARRIER_CODES): CarrierId {
	const source = requireChannel(channel);
	const match = findChannelCarrier(source, code, table);
	if (match !== undefined) return match;
	const text = String(code).trim();
	if (isFreeTextChannel(source)) {
		const known = CARRIER_IDS.map((id) => `${table[id].zh} (${id})`).join(', ');
		throw new CarrierCodeError(`${source} carrier '${text}' is not a known carrier name; known names: ${known}`);
	}
	throw notInTable(table, text, source, (entry) => entry.channels[source]);
}

/**
 * Like fromChannelCarrierCode but undefined for a code or name the table does not know (or a channel
 * without carrier codes), without building an error: for normalizing orders, where an unknown carrier
 * is kept as the channel sent it. Lookups go through maps built once per table.
 */
export function findChannelCarrier(channel: CarrierChannel, code: string | number, table = CARRIER_CODES): CarrierId | undefined {
	const text = String(code).trim();
	const index = carrierIndex(table);
	if (isFreeTextChannel(channel)) return index.names.get(normalizeName(text));
	const codes = index.channels.get(channel);
	if (codes === undefined) return undefined;
	return codes.exact.get(text) ?? codes.lower.get(text.toLowerCase());
}

interface CodeIndex {
	exact: Map<string, CarrierId>;
	lower: Map<string, CarrierId>;
}

interface CarrierIndex {
	channels: Map<string, CodeIndex>;
	/** Normalized carrier names (see namesOf) -> carrier id. */
	names: Map<string, CarrierId>;
}

const CARRIER_INDEXES = new WeakMap<CarrierCodeTable, CarrierIndex>();

/** The lookup maps of a table; the first carrier in CARRIER_IDS order wins a shared key, as findByCode does. */
function carrierIndex(table: CarrierCodeTable): CarrierIndex {
	let index = CARRIER_INDEXES.get(table);
	if (index !== undefined) return index;
	const setFirst = (map: Map<string, CarrierId>, key: string, id: CarrierId) => {
		if (!map.has(key)) map.set(key, id);
	};
	index = { channels: new Map(), names: new Map() };
	for (const channel of CODED_CHANNELS) {
		const codes: CodeIndex = { exact: new Map(), lower: new Map() };
		for (const id of CARRIER_IDS) {
			const value = table[id].channels[channel];
			if (value === undefined) continue;
			setFirst(codes.exact, value, id);
			setFirst(codes.lower, value.toLowerCase(), id);
		}
		index.channels.set(channel, codes);
	}
	for (const id of CARRIER_IDS) for (const name of namesOf(table[id])) setFirst(index.names, normalizeName(name), id);
	CARRIER_INDEXES.set(table, index);
	return index;
}

/** Our carrier id to a tracking aggregator's carrier code (Kuaidi100 `com`, Kdniao `ShipperCode`). */
export function toAggregatorCode(carrier: string, aggregator: string, table = CARRIER_CODES): string {
	const id = requireCarrier(carrier);
	const target = requireAggregator(aggregator);
	const codeOf: CodeOf = (entry) => entry.aggregators[target];
	const code = codeOf(table[id]);
	if (code === undefined) throw noCodeFor(table, id, target, codeOf);
	return code;
}

/** An aggregator's carrier code back to our carrier id; an unknown code throws, listing the known ones. */
export function fromAggregatorCode(aggregator: string, code: string, table = CARRIER_CODES): CarrierId {
	const source = requireAggregator(aggregator);
	const match = findAggregatorCarrier(source, code, table);
	if (match === undefined) throw notInTable(table, code, source, (entry) => entry.aggregators[source]);
	return match;
}

/** Like fromAggregatorCode but undefined for an unknown code: for replies that may name any carrier. */
export function findAggregatorCarrier(aggregator: Aggregator, code: string, table = CARRIER_CODES): CarrierId | undefined {
	return findByCode(table, code.trim(), (entry) => entry.aggregators[aggregator]);
}
