import { currencyExponent, formatMoney, MoneyError, parseMoney } from '../../../lib/model';
import { mulberry32, randomInt } from './prng';

describe('parseMoney: accepted forms', () => {
	it.each([
		['12.30', 'CNY', 1230],
		['12', 'CNY', 1200],
		['0.5', 'CNY', 50],
		['0.05', 'CNY', 5],
		['200.07', 'CNY', 20007],
		['10.0000', 'CNY', 1000], // padding zeros from a store configured with 4 decimals
		['1200', 'JPY', 1200],
		['1200.00', 'JPY', 1200],
		['1.234', 'KWD', 1234],
		['0', 'CNY', 0],
		['007.10', 'CNY', 710],
		['90071992547409.91', 'CNY', Number.MAX_SAFE_INTEGER],
	])('major %j %s -> %d', (value, currency, minor) => {
		expect(parseMoney(value, { currency })).toBe(minor);
	});

	it('defaults to CNY major units', () => {
		expect(parseMoney('12.30')).toBe(1230);
	});

	it('takes an integer number of major units', () => {
		expect(parseMoney(12, { currency: 'CNY' })).toBe(1200);
		expect(parseMoney(12, { currency: 'JPY' })).toBe(12);
	});

	it.each([
		[1230, 1230],
		['1230', 1230],
		[0, 0],
	])('minor %j -> %d', (value, minor) => {
		expect(parseMoney(value, { unit: 'minor' })).toBe(minor);
	});

	it('takes a bigint from a lossless JSON parser', () => {
		expect(parseMoney(BigInt(1230), { unit: 'minor' })).toBe(1230);
		expect(parseMoney(BigInt(12), { unit: 'major' })).toBe(1200);
	});

	it.each([
		[12.3, 1230],
		[19.9, 1990],
		[0.07, 7],
		[1.15, 115],
		[4.35, 435],
		[100, 10000],
		[0, 0],
	])('float_major %d -> %d exactly', (value, minor) => {
		expect(parseMoney(value, { unit: 'float_major' })).toBe(minor);
	});

	it('returns negative amounts only when asked, and never -0', () => {
		expect(parseMoney('-0.05', { allowNegative: true })).toBe(-5);
		expect(parseMoney(-12.3, { unit: 'float_major', allowNegative: true })).toBe(-1230);
		expect(Object.is(parseMoney('-0.00', { allowNegative: true }), 0)).toBe(true);
		expect(Object.is(parseMoney(-0, { unit: 'float_major' }), 0)).toBe(true);
	});
});

describe('parseMoney: rejected forms', () => {
	const cases: Array<[string, unknown, Parameters<typeof parseMoney>[1], RegExp]> = [
		['thousands separator', '1,234.00', {}, /thousands separators/],
		['space separator', '1 234.00', {}, /thousands separators/],
		['more decimals than CNY allows', '1.234', {}, /CNY allows at most 2 decimal places/],
		['any decimals for JPY', '12.5', { currency: 'JPY' }, /JPY allows at most 0 decimal places/],
		['four decimals for KWD', '1.2345', { currency: 'KWD' }, /KWD allows at most 3/],
		['negative by default', '-1.00', {}, /negative/],
		['negative minor by default', -5, { unit: 'minor' }, /negative/],
		['exponent string', '1e3', {}, /exponent notation/],
		['exponent with fraction', '1.5E+2', {}, /exponent notation/],
		["leading '+'", '+12.30', {}, /leading '\+'/],
		['missing integer digit', '.5', {}, /digit is required before/],
		['missing fraction digit', '5.', {}, /digit is required after/],
		['leading whitespace', ' 12.30', {}, /whitespace/],
		['trailing newline', '12.30\n', {}, /whitespace/],
		['whitespace only', '   ', {}, /whitespace-only/],
		['empty string', '', {}, /empty/],
		['words', 'twelve', {}, /not a plain decimal/],
		['NaN', Number.NaN, {}, /NaN/],
		['Infinity', Number.POSITIVE_INFINITY, { unit: 'float_major' }, /Infinity/],
		['NaN text', 'NaN', {}, /not a plain decimal/],
		['huge string beyond safe integers', '90071992547409.92', {}, /largest safe integer/],
		['huge digit run', '1'.repeat(40), {}, /largest safe integer/],
		['huge minor string', '9007199254740993', { unit: 'minor' }, /largest safe integer/],
		['float 0.1 + 0.2', 0.1 + 0.2, { unit: 'float_major' }, /at most 2 decimal places/],
		['float with three decimals', 1.005, { unit: 'float_major' }, /at most 2 decimal places/],
		['float 1e21', 1e21, { unit: 'float_major' }, /exponent notation/],
		['tiny float 1e-7', 1e-7, { unit: 'float_major' }, /exponent notation/],
		['float 1e20 overflows', 1e20, { unit: 'float_major' }, /largest safe integer/],
		['fractional number as major', 12.3, {}, /float_major/],
		['fractional minor number', 12.5, { unit: 'minor' }, /whole number/],
		['fractional minor string', '1230.0', { unit: 'minor' }, /whole number/],
		['null', null, {}, /got null/],
		['undefined', undefined, {}, /got undefined/],
		['boolean', true, {}, /got boolean/],
		['object', { amount: '1.00' }, {}, /got object/],
	];

	it.each(cases)('%s', (_label, value, opts, reason) => {
		let error: unknown;
		try {
			parseMoney(value, opts);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(MoneyError);
		expect((error as MoneyError).message).toMatch(reason);
		expect((error as MoneyError).value).toBe(value);
	});

	it('rejects a malformed currency code, naming the code', () => {
		expect(() => parseMoney('1.00', { currency: 'cny' })).toThrow('Invalid money value "cny": currency must be a 3-letter');
	});

	it('names the value and the field in the message', () => {
		expect(() => parseMoney('1,234.00', { field: 'totals.paid' })).toThrow(
			'Invalid money value "1,234.00" in totals.paid: thousands separators are not allowed',
		);
		expect(() => parseMoney(0.1 + 0.2, { unit: 'float_major' })).toThrow(/0\.30000000000000004/);
	});
});

describe('formatMoney', () => {
	it.each([
		[1230, 'CNY', '12.30'],
		[5, 'CNY', '0.05'],
		[-5, 'CNY', '-0.05'],
		[0, 'CNY', '0.00'],
		[1200, 'JPY', '1200'],
		[-1200, 'JPY', '-1200'],
		[1234, 'KWD', '1.234'],
		[7, 'KWD', '0.007'],
		[Number.MAX_SAFE_INTEGER, 'CNY', '90071992547409.91'],
	])('%d %s -> %s', (minor, currency, text) => {
		expect(formatMoney(minor, currency)).toBe(text);
	});

	it('defaults to CNY', () => {
		expect(formatMoney(1230)).toBe('12.30');
	});

	it.each([[12.5], [Number.NaN], [2 ** 53]])('rejects %d', (minor) => {
		expect(() => formatMoney(minor)).toThrow(MoneyError);
	});
});

describe('currencyExponent', () => {
	it.each([
		['CNY', 2], ['HKD', 2], ['TWD', 2], ['USD', 2], ['EUR', 2], ['GBP', 2], ['AUD', 2], ['CAD', 2],
		['SGD', 2], ['MYR', 2], ['THB', 2], ['KRW', 0], ['JPY', 0], ['VND', 0], ['KWD', 3], ['BHD', 3],
		['JOD', 3], ['OMR', 3], ['TND', 3], ['CLF', 4],
	])('%s has %d decimals', (code, exponent) => {
		expect(currencyExponent(code)).toBe(exponent);
	});

	it('gives an unknown but well-formed code 2 decimals', () => {
		expect(currencyExponent('XYZ')).toBe(2);
	});

	it.each([['cny'], ['RMB1'], ['']])('rejects malformed code %j', (code) => {
		expect(() => currencyExponent(code)).toThrow(MoneyError);
	});
});

describe('property: exact round trips', () => {
	const RUNS = 10_000;

	/** A canonical decimal string: no leading zeros, exactly `exponent` decimals, random magnitude. */
	function randomCanonical(next: () => number, exponent: number, negative: boolean): string {
		const magnitude = randomInt(next, 10 ** randomInt(next, 16) + 1);
		const minor = Math.min(magnitude, Number.MAX_SAFE_INTEGER);
		return formatMoneyByHand(negative && minor !== 0 ? -minor : minor, exponent);
	}

	/** Independent formatter (string slicing on a zero-padded integer) so the test does not trust formatMoney. */
	function formatMoneyByHand(minor: number, exponent: number): string {
		const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
		const whole = digits.slice(0, digits.length - exponent);
		const fraction = digits.slice(digits.length - exponent);
		return (minor < 0 ? '-' : '') + whole + (exponent ? `.${fraction}` : '');
	}

	it.each([
		['CNY', 2, 0x5eed01],
		['JPY', 0, 0x5eed02],
		['KWD', 3, 0x5eed03],
	])('%s string -> minor -> string over 10,000 random amounts', (currency, exponent, seed) => {
		const next = mulberry32(seed);
		for (let run = 0; run < RUNS; run++) {
			const text = randomCanonical(next, exponent, next() < 0.2);
			const minor = parseMoney(text, { currency, allowNegative: true });
			expect(Number.isSafeInteger(minor)).toBe(true);
			if (formatMoney(minor, currency) !== text) {
				throw new Error(`${currency} ${text} -> ${minor} -> ${formatMoney(minor, currency)} (run ${run})`);
			}
		}
	});

	it('float yuan with up to 15 significant digits parse to the exact fen value', () => {
		const next = mulberry32(0xf10a7);
		for (let run = 0; run < RUNS; run++) {
			const fen = randomInt(next, 10 ** (1 + randomInt(next, 15)));
			const yuan = fen / 100;
			const parsed = parseMoney(yuan, { unit: 'float_major' });
			if (parsed !== fen) throw new Error(`${yuan} -> ${parsed}, expected ${fen} (run ${run})`);
		}
	});
});
