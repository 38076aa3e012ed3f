// The normalized parcel tracking status (one vocabulary for every carrier and aggregator) and the
// lookup from a provider's own status codes into it. The per-provider tables live in <provider>/codes.ts.
import { textOf } from './fields';
import { KDNIAO_STATUS_CODES } from './kdniao/codes';
import { KUAIDI100_STATUS_CODES } from './kuaidi100/codes';
import { SF_OP_CODES, SF_UNKNOWN_OP_CODE_FALLBACK, sfStatusFromRemark } from './sf/codes';

/** Main status, in the order a parcel usually moves through them (names follow the tracking spec, lower-cased). */
export const TRACKING_STATUSES = [
	'pending',
	'info_received',
	'picked_up',
	'in_transit',
	'customs',
	'transferred',
	'out_for_delivery',
	'available_for_pickup',
	'failed_attempt',
	'exception',
	'rejected',
	'returning',
	'delivered',
	'returned',
	'cancelled',
	'expired',
	'unknown',
] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const TRACKING_SUB_STATUSES = [
	'timeout_unsigned',
	'timeout_no_update',
	'damaged',
	'lost',
	'out_of_area',
	'detained',
	'locker_overdue',
	'address_issue',
	'phone_issue',
	'unreachable',
	'missorted',
	'intercepted',
	'delayed',
	'customs_pending',
	'customs_processing',
	'customs_cleared',
	'customs_exception',
	'signed_self',
	'signed_proxy',
	'signed_locker',
	'signed_after_exception',
	'arrived_dest_city',
	'redelivery',
] as const;
export type TrackingSubStatus = (typeof TRACKING_SUB_STATUSES)[number];

/** Once a parcel reaches one of these, later non-terminal events never move it back. */
export const TERMINAL_TRACKING_STATUSES: ReadonlySet<TrackingStatus> = new Set([
	'delivered',
	'returned',
	'cancelled',
	'expired',
]);

export function isTerminalTrackingStatus(status: TrackingStatus): boolean {
	return TERMINAL_TRACKING_STATUSES.has(status);
}

export interface TrackingMapping {
	status: TrackingStatus;
	subStatus?: TrackingSubStatus;
}

/** A provider status table: every documented code (as a string) to its normalized status. */
export type TrackingCodeTable = Readonly<Record<string, TrackingMapping>>;

export const TRACKING_PROVIDERS = ['kuaidi100', 'kdniao', 'sf'] as const;
export type TrackingProvider = (typeof TRACKING_PROVIDERS)[number];

const TABLES: Record<TrackingProvider, TrackingCodeTable> = {
	kuaidi100: KUAIDI100_STATUS_CODES,
	kdniao: KDNIAO_STATUS_CODES,
	sf: SF_OP_CODES,
};

export interface NormalizedTracking extends TrackingMapping {
	/** False when any supplied code is missing from the provider's table (the status is then a fallback). */
	known: boolean;
	provider: string;
	/** The code the status was taken from; the unknown one when nothing matched. */
	providerCode: string;
	/** Codes that are not in the table, for the caller to report. */
	unknownCodes: string[];
}

export interface NormalizeHints {
	/** SF route remark, used only when the opCode is not in the table (签收/退回/拒收 keywords). */
	remark?: string;
}

/**
 * A provider's status code (Kuaidi100 state or advanced code, Kdniao State, SF opCode) and optional
 * sub-code (Kdniao StateEx, Kuaidi100 event statusCode) to the normalized status. The more specific
 * sub-code wins when it is known. Never throws: unknown codes give `unknown` (SF: `in_transit`, or what
 * the remark says) with `known: false` and the codes listed in `unknownCodes`.
 */
export function normalizeTracking(
	provider: TrackingProvider,
	code: unknown,
	subCode?: unknown,
	hints: NormalizeHints = {},
): NormalizedTracking {
	const table: TrackingCodeTable | undefined = Object.prototype.hasOwnProperty.call(TABLES, provider)
		? TABLES[provider]
		: undefined;
	const supplied = [textOf(subCode), textOf(code)].filter((c): c is string => c !== undefined);
	const isKnown = (c: string) => table !== undefined && Object.prototype.hasOwnProperty.call(table, c);
	const unknownCodes = supplied.filter((c) => !isKnown(c));
	const matched = supplied.find(isKnown);
	if (table && matched !== undefined) {
		return { ...table[matched], known: unknownCodes.length === 0, provider, providerCode: matched, unknownCodes };
	}
	const providerCode = supplied[0] ?? '';
	const fallback: TrackingMapping =
		provider === 'sf' ? (sfStatusFromRemark(hints.remark) ?? SF_UNKNOWN_OP_CODE_FALLBACK) : { status: 'unknown' };
	return { ...fallback, known: false, provider, providerCode, unknownCodes };
}

/**
 * The parcel status after an update: a terminal status is kept against later non-terminal ones
 * (late or re-sent events), and `unknown` never replaces a known status.
 */
export function mergeTrackingStatus(stored: TrackingStatus | undefined, incoming: TrackingStatus): TrackingStatus {
	if (stored === undefined) return incoming;
	if (incoming === 'unknown') return stored;
	if (isTerminalTrackingStatus(stored) && !isTerminalTrackingStatus(incoming)) return stored;
	return incoming;
}
