// Small helpers the repository modules share.

export function unique<T>(items: readonly T[]): T[] {
	return [...new Set(items)];
}

/**
 * Code-unit order, the same on both engines for the store's ASCII keys: every writer sorts the keys it
 * locks with it, so concurrent transactions take row locks in one order and cannot deadlock.
 */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
