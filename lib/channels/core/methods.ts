// A channel's API methods as data (in the spirit of stripe-node's method tables): the request core and
// paginator read limits from here, so a channel folder declares its methods instead of coding them.

export type MethodKind = 'list' | 'get' | 'action';
export type PagingDirection = 'forward' | 'lastToFirst';

export interface MethodSpec {
	/** Our name for the call, e.g. 'listModifiedOrders'. */
	name: string;
	/** The platform's method name or path, e.g. 'taobao.trades.sold.increment.get' or 'GET /orders.json'. */
	apiMethod: string;
	kind: MethodKind;
	/** Largest page the platform accepts; required for lists. */
	pageSizeMax?: number;
	/** Longest time range one call may ask for; longer ranges are split with splitWindow. */
	maxWindowMs?: number;
	/** Default 'forward'; 'lastToFirst' for increment lists that shift while being read. */
	pagingDirection?: PagingDirection;
}

export type MethodTable<Name extends string = string> = { readonly [N in Name]: MethodSpec & { name: N } };

/**
 * Builds a channel's method table from specs keyed by name (the key becomes `name`) and checks it:
 * lists need a positive pageSizeMax, windows must be positive, only lists have a paging direction.
 */
export function defineMethods<const Specs extends Record<string, Omit<MethodSpec, 'name'>>>(
	specs: Specs,
): { readonly [N in keyof Specs & string]: Specs[N] & { name: N } } {
	const table: Record<string, MethodSpec> = {};
	for (const [name, spec] of Object.entries(specs)) {
		const problem = methodSpecProblem(spec);
		if (problem) throw new TypeError(`method ${name} (${spec.apiMethod}): ${problem}`);
		table[name] = Object.freeze({ ...spec, name });
	}
	return Object.freeze(table) as { readonly [N in keyof Specs & string]: Specs[N] & { name: N } };
}

function methodSpecProblem(spec: Omit<MethodSpec, 'name'>): string | undefined {
	if (!spec.apiMethod) return 'apiMethod is empty';
	const positive = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n > 0);
	if (spec.kind === 'list' && spec.pageSizeMax === undefined) return 'a list needs pageSizeMax';
	if (!positive(spec.pageSizeMax)) return `pageSizeMax must be a positive integer, got ${spec.pageSizeMax}`;
	if (!positive(spec.maxWindowMs)) return `maxWindowMs must be a positive integer, got ${spec.maxWindowMs}`;
	if (spec.pagingDirection && spec.kind !== 'list') return 'only a list has a paging direction';
	return undefined;
}

/** The page size to ask for: the caller's wish capped at the method's maximum. */
export function pageSizeFor(spec: MethodSpec, wanted?: number): number {
	const max = spec.pageSizeMax ?? 1;
	return wanted === undefined ? max : Math.max(1, Math.min(Math.floor(wanted), max));
}
