// Seeded pseudo-random numbers: the same seed gives the same sandbox, byte for byte.

/** FNV-1a over the joined parts: turns a seed and a label into an independent 32-bit stream seed. */
export function hashSeed(...parts: Array<string | number>): number {
	let hash = 0x811c9dc5;
	const text = parts.join('\u0000');
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/** Weight totals per table (tables are module constants, so this is computed once per table). */
const WEIGHT_TOTALS = new WeakMap<ReadonlyArray<readonly [unknown, number]>, number>();

export class Rng {
	private state: number;

	constructor(...seedParts: Array<string | number>) {
		this.state = hashSeed(...seedParts);
	}

	/** A new independent stream, so adding draws in one place never shifts another. */
	fork(label: string | number): Rng {
		return new Rng(this.state, label);
	}

	/** mulberry32: fast, small, good enough for test data. */
	next(): number {
		let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max], both inclusive. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** Picks by weight: entries are [value, weight]. Pass a constant table: its total is computed once. */
	weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
		let total = WEIGHT_TOTALS.get(entries);
		if (total === undefined) {
			total = entries.reduce((sum, [, weight]) => sum + weight, 0);
			WEIGHT_TOTALS.set(entries, total);
		}
		let roll = this.next() * total;
		for (const [value, weight] of entries) {
			roll -= weight;
			if (roll < 0) return value;
		}
		return entries[entries.length - 1][0];
	}

	/** A decimal string of exactly `length` digits, first digit from `leading`. */
	digits(length: number, leading = '123456789'): string {
		let out = leading[Math.floor(this.next() * leading.length)];
		// Nine digits per draw: fewer draws and fewer intermediate strings than one digit at a time.
		while (out.length < length) {
			const take = Math.min(9, length - out.length);
			out += String(Math.floor(this.next() * 10 ** take)).padStart(take, '0');
		}
		return out;
	}

	/** Letters and digits, for tokens such as OAIDs and request ids. */
	token(length: number, alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'): string {
		const chars = new Array<string>(length);
		for (let i = 0; i < length; i++) chars[i] = alphabet[Math.floor(this.next() * alphabet.length)];
		return chars.join('');
	}
}
