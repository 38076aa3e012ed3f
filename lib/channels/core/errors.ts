// Turns a platform's own error code into the error class callers act on. Each channel declares its
// codes as data; whatever it does not declare is permanent, so an unknown code is never retried blindly.
import { errorOfKind, type ChannelApiError, type ChannelErrorDetails, type ErrorKind } from '../../http';

export type PlatformCode = string | number;

export interface ErrorCodeTable {
	throttled?: readonly PlatformCode[];
	auth?: readonly PlatformCode[];
	invalid?: readonly PlatformCode[];
	transient?: readonly PlatformCode[];
	permanent?: readonly PlatformCode[];
	/** The same as the lists above, as one code -> kind map (whichever reads better for the channel). */
	codes?: Readonly<Record<string, ErrorKind>>;
	/** Exact sub codes; a sub code is more specific than its code, so it wins. */
	subCodes?: Readonly<Record<string, ErrorKind>>;
	/** Sub-code prefixes (e.g. Taobao 'isp.' platform side, 'isv.' caller side), after exact sub codes. */
	subCodePrefixes?: ReadonlyArray<readonly [string, ErrorKind]>;
	/** What the operator should do, per kind, in the channel's words. */
	hints?: Readonly<Partial<Record<ErrorKind, string>>>;
}

const LISTED_KINDS: readonly ErrorKind[] = ['throttled', 'auth', 'invalid', 'transient', 'permanent'];

/** The kind for a code: exact sub code, then sub-code prefix, then code; unknown -> 'permanent'. */
export function kindOfCode(table: ErrorCodeTable, code: PlatformCode | undefined, subCode?: string): ErrorKind {
	if (subCode) {
		const exact = table.subCodes?.[subCode];
		if (exact) return exact;
		const prefixed = table.subCodePrefixes?.find(([prefix]) => subCode.startsWith(prefix));
		if (prefixed) return prefixed[1];
	}
	if (code === undefined || code === '') return 'permanent';
	const key = String(code);
	const mapped = table.codes?.[key];
	if (mapped) return mapped;
	return LISTED_KINDS.find((kind) => table[kind]?.some((listed) => String(listed) === key)) ?? 'permanent';
}

/**
 * The error instance for a platform error envelope, e.g.
 * classifyByCode(TOP_CODES, 27, 'invalid-sessionkey', { provider: 'taobao', shopId, method, platformMessage })
 * -> AuthExpiredError. The table's hint for the kind is used unless details bring their own.
 */
export function classifyByCode(
	table: ErrorCodeTable,
	code: PlatformCode | undefined,
	subCode: string | undefined,
	details: Omit<ChannelErrorDetails, 'code' | 'subCode'>,
): ChannelApiError {
	const kind = kindOfCode(table, code, subCode);
	return errorOfKind(kind, { ...details, code, subCode, hint: details.hint ?? table.hints?.[kind] });
}
