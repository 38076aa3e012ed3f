// Exact money: amounts become integer minor units (fen for CNY) without ever passing a decimal string
// through a float. Channels send yuan strings ("200.07"), fen integers, or (Pinduoduo) float yuan.

export type MoneyUnit = 'major' | 'minor' | 'float_major';

export interface ParseMoneyOptions {
	/** ISO 4217 code; decides how many decimals are allowed. Default CNY. */
	currency?: string;
	/**
	 * 'major' (default): decimal string such as "12.30", or an integer number of major units.
	 * 'minor': integer minor units, as a number or a digit string ("1230").
	 * 'float_major': a JS number of major units such as Pinduoduo's 12.3, read through its shortest
	 * decimal form (String(n)), so 19.9 -> 1990 exactly and 0.1 + 0.2 is rejected rather than rounded.
	 */
	unit?: MoneyUnit;
	/** Refund deltas and adjustments may be negative; order amounts may not. */
	allowNegative?: boolean;
	/** Names the field in error messages, e.g. "totals.paid". */
	field?: string;
}

export class MoneyError extends Error {
	constructor(
		readonly value: unknown,
		readonly reason: string,
		readonly field?: string,
	) {
		super(`Invalid money value ${describeValue(value)}${field ? ` in ${field}` : ''}: ${reason}`);
		this.name = 'MoneyError';
	}
}

/** Unknown but well-formed currency codes get this many decimals (most ISO 4217 currencies use 2). */
export const DEFAULT_CURRENCY_EXPONENT = 2;

/** ISO 4217 minor-unit exponents that differ from the default, plus the common 2-decimal ones for clarity. */
const CURRENCY_EXPONENTS: Readonly<Record<string, number>> = {
	// 2 decimals
	CNY: 2, HKD: 2, TWD: 2, MOP: 2, USD: 2, EUR: 2, GBP: 2, AUD: 2, CAD: 2, NZD: 2, SGD: 2, MYR: 2,
	THB: 2, PHP: 2, IDR: 2, INR: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RUB: 2,
	TRY: 2, AED: 2, SAR: 2, QAR: 2, ILS: 2, ZAR: 2, MXN: 2, BRL: 2, ARS: 2, COP: 2, PEN: 2,
	// 0 decimals
	JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, PYG: 0, UGX: 0, XAF: 0, XOF: 0, XPF: 0, BIF: 0, DJF: 0,
	GNF: 0, KMF: 0, RWF: 0, VUV: 0, UYI: 0,
	// 3 decimals
	KWD: 3, BHD: 3, JOD: 3, OMR: 3, TND: 3, IQD: 3, LYD: 3,
	// 4 decimals (units of account)
	CLF: 4, UYW: 4,
};

const EXPONENT_OF = new Map(Object.entries(CURRENCY_EXPONENTS));

/** Shape of an ISO 4217 code; validate.ts and the JSON Schema use it too. */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

/** Decimals of a currency (CNY 2, JPY 0, KWD 3); unknown codes get DEFAULT_CURRENCY_EXPONENT. */
export function currencyExponent(code: string): number {
	const known = typeof code === 'string' ? EXPONENT_OF.get(code) : undefined;
	if (known !== undefined) return known;
	if (typeof code !== 'string' || !CURRENCY_CODE_PATTERN.test(code)) {
		throw new MoneyError(code, 'currency must be a 3-letter upper-case ISO 4217 code');
	}
	return CURRENCY_EXPONENTS[code] ?? DEFAULT_CURRENCY_EXPONENT;
}

/** Digits, optional fraction; anything else (separators, '+', '.5', '5.', exponents, spaces) is refused. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MAX_MINOR = BigInt(Number.MAX_SAFE_INTEGER);

/** Parses a channel amount into integer minor units; throws MoneyError saying what is wrong. */
export function parseMoney(value: unknown, opts: ParseMoneyOptions = {}): number {
	const currency = opts.currency ?? 'CNY';
	const unit = opts.unit ?? 'major';
	const quick = quickMinor(value, unit, currencyExponent(currency), opts.allowNegative === true);
	if (quick !== undefined) return quick;
	const fail = (reason: string): never => {
		throw new MoneyError(value, reason, opts.field);
	};
	const exponent = currencyExponent(currency);
	const text = toDecimalText(value, unit, fail);

	const match = DECIMAL.exec(text);
	if (!match) return fail(explainMalformed(text));
	const [, sign, whole, fraction = ''] = match;
	if (unit === 'minor' && fraction !== '') fail('minor units must be a whole number');
	if (sign && !opts.allowNegative) fail('negative amounts are not allowed here');

	const decimals = unit === 'minor' ? 0 : exponent;
	// Padding zeros ("10.0000" from a store set to 4 decimals) are exact; only real extra digits are refused.
	let significant = fraction.length;
	while (significant > 0 && fraction.charCodeAt(significant - 1) === 48) significant--;
	if (significant > decimals) {
		fail(`${currency} allows at most ${decimals} decimal place${decimals === 1 ? '' : 's'}`);
	}
	const digits = whole + fraction.slice(0, significant).padEnd(decimals, '0');
	// Up to 15 digits a double holds the integer exactly; longer ones go through BigInt for the range check.
	let result: number;
	if (digits.length <= 15) result = Number(digits);
	else {
		const minor = BigInt(digits);
		if (minor > MAX_MINOR) fail('amount exceeds the largest safe integer of minor units');
		result = Number(minor);
	}
	return sign && result !== 0 ? -result : result;
}

const POWERS_OF_TEN = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000];
/** At most this many digits of minor units are exact in a double without checking (10^15 < 2^53). */
const QUICK_DIGITS = 15;

/**
 * The common amounts without regular expressions, BigInt or error plumbing: a plain decimal string
 * ("12.30", "-0.5") in major units, or a safe integer number of major or minor units. Undefined means
 * "not sure": parseMoney then takes the general path, which also explains what is wrong.
 */
function quickMinor(value: unknown, unit: MoneyUnit, exponent: number, allowNegative: boolean): number | undefined {
	if (typeof value === 'number') {
		if (unit === 'float_major' || !Number.isSafeInteger(value) || (value < 0 && !allowNegative)) return undefined;
		const scale = unit === 'minor' ? 1 : POWERS_OF_TEN[exponent];
		if (scale === undefined || Math.abs(value) > Number.MAX_SAFE_INTEGER / scale) return undefined;
		return value === 0 ? 0 : value * scale;
	}
	if (typeof value !== 'string' || unit !== 'major' || exponent >= POWERS_OF_TEN.length) return undefined;
	const length = value.length;
	const negative = value.charCodeAt(0) === 45;
	if (negative && !allowNegative) return undefined;
	let i = negative ? 1 : 0;
	let minor = 0;
	let wholeDigits = 0;
	for (; i < length; i++) {
		const digit = value.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) break;
		minor = minor * 10 + digit;
		wholeDigits++;
	}
	if (wholeDigits === 0 || wholeDigits + exponent > QUICK_DIGITS) return undefined;
	let decimals = 0;
	if (i < length) {
		if (value.charCodeAt(i) !== 46 || i === length - 1) return undefined;
		// Trailing zeros of the fraction are exact padding; the rest must fit the currency's decimals.
		let end = length;
		while (end > i + 1 && value.charCodeAt(end - 1) === 48) end--;
		for (let j = i + 1; j < length; j++) {
			const digit = value.charCodeAt(j) - 48;
			if (digit < 0 || digit > 9) return undefined;
			if (j < end) {
				if (++decimals > exponent) return undefined;
				minor = minor * 10 + digit;
			}
		}
	}
	minor *= POWERS_OF_TEN[exponent - decimals];
	return negative && minor !== 0 ? -minor : minor;
}

/** Formats minor units as a plain decimal string: 1230 -> "12.30", -5 -> "-0.05", JPY 1200 -> "1200". */
export function formatMoney(minor: number, currency = 'CNY'): string {
	if (!Number.isSafeInteger(minor)) throw new MoneyError(minor, 'minor units must be a safe integer');
	const exponent = currencyExponent(currency);
	const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
	const sign = minor < 0 ? '-' : '';
	if (exponent === 0) return sign + digits;
	return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function toDecimalText(value: unknown, unit: MoneyUnit, fail: (reason: string) => never): string {
	if (typeof value === 'string') {
		if (value.trim() === '') return fail('empty or whitespace-only string');
		return value;
	}
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'number') {
		if (Number.isNaN(value)) return fail('NaN is not an amount');
		if (!Number.isFinite(value)) return fail('Infinity is not an amount');
		if (unit === 'major' && !Number.isInteger(value)) {
			return fail("a fractional number is a float; pass a decimal string, or unit 'float_major' for float yuan");
		}
		if (unit === 'minor' && !Number.isInteger(value)) return fail('minor units must be a whole number');
		// Shortest round-trip form: 19.9 -> "19.9", 0.1 + 0.2 -> "0.30000000000000004", 1e21 -> "1e+21".
		return Object.is(value, -0) ? '0' : String(value);
	}
	return fail(`expected a string or number, got ${value === null ? 'null' : typeof value}`);
}

function explainMalformed(text: string): string {
	if (text !== text.trim()) return 'leading or trailing whitespace';
	if (/^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/.test(text)) return 'exponent notation is not allowed';
	if (/[,_'\s]/.test(text)) return 'thousands separators are not allowed';
	if (text.startsWith('+')) return "a leading '+' is not allowed";
	if (/^-?\./.test(text)) return 'a digit is required before the decimal point';
	if (text.endsWith('.')) return 'a digit is required after the decimal point';
	return 'not a plain decimal number';
}

function describeValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'bigint') return `${value}n`;
	if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
	if (value === undefined) return 'undefined';
	try {
		return JSON.stringify(value) ?? String(value);
	} catch {
		return String(value);
	}
}
