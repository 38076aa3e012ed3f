// What every carrier client returns and needs, whichever provider is behind it.
import type { HttpClient, RetryPolicy } from '../http';
import type { TrackingProvider, TrackingStatus, TrackingSubStatus } from './status';

export interface TrackingEvent {
	/** ISO-8601 with offset; the providers send China local time, so +08:00. */
	time: string;
	status: TrackingStatus;
	subStatus?: TrackingSubStatus;
	/** The provider's own code for this event (Kuaidi100 statusCode, Kdniao Action, SF opCode). */
	providerCode?: string;
	description: string;
	location?: string;
}

export interface TrackingTimeline {
	provider: TrackingProvider;
	/** Our carrier id (see carrierCodes.ts) when the provider's carrier code is known, else that code. */
	carrier: string;
	providerCarrierCode?: string;
	trackingNo: string;
	status: TrackingStatus;
	subStatus?: TrackingSubStatus;
	/** The provider code the parcel status was read from. */
	providerCode?: string;
	/** False when a status code was missing from the provider's table; the codes are in unknownCodes. */
	known: boolean;
	unknownCodes: string[];
	/** Oldest first. */
	events: TrackingEvent[];
	/** The provider's note when it has no tracking yet or stopped tracking (e.g. "3天查询无记录"). */
	providerMessage?: string;
}

/** Injected I/O for every carrier client: the HTTP client and, for tests, the clock and retry knobs. */
export interface CarrierDeps {
	http: HttpClient;
	now?: () => number;
	sleep?: (ms: number) => Promise<void>;
	random?: () => number;
	retry?: RetryPolicy;
}
