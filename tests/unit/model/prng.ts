/** mulberry32: a tiny seeded PRNG so property tests are reproducible from their seed. */
export function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Integer in [0, max) for max up to 2^53, built from two draws so large ranges are covered evenly. */
export function randomInt(next: () => number, max: number): number {
	const high = Math.floor(next() * 2 ** 21);
	const low = Math.floor(next() * 2 ** 32);
	return (high * 2 ** 32 + low) % max;
}
