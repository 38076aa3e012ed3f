// Tracks one parcel with whichever provider the user picked: one normalized timeline whatever answers.
import type { IExecuteFunctions } from 'n8n-workflow';
import { sfTimeline } from '../../../lib/carriers/sf/normalize';
import type { TrackingTimeline } from '../../../lib/carriers/types';
import { lastFourDigits } from './fields';
import { kdniaoClientFor, kuaidi100ClientFor, sfClientFor, type CarrierProvider } from './transport';

export interface ParcelQuery {
	trackingNo: string;
	/** Our carrier id (ignored by SF, which only tracks its own waybills). */
	carrier: string;
	phone?: string;
	/** Kdniao's paid 在途监控 query (8001), which adds detailed status codes. */
	monitored?: boolean;
}

export interface TrackResult {
	timeline: TrackingTimeline;
	raw: unknown;
}

export async function trackParcel(ctx: IExecuteFunctions, provider: CarrierProvider, query: ParcelQuery): Promise<TrackResult> {
	const last4 = query.phone ? lastFourDigits(query.phone) : undefined;
	if (provider === 'kuaidi100') {
		const { client, lastBody } = await kuaidi100ClientFor(ctx);
		const phone = query.phone?.trim() || undefined;
		const timeline = await client.track({ carrier: query.carrier, trackingNo: query.trackingNo, phone });
		return { timeline, raw: lastBody() };
	}
	if (provider === 'kdniao') {
		const { client, lastBody } = await kdniaoClientFor(ctx);
		const timeline = await client.track({
			carrier: query.carrier,
			trackingNo: query.trackingNo,
			customerName: query.carrier === 'sf' ? last4 : undefined,
			monitored: query.monitored,
		});
		return { timeline, raw: lastBody() };
	}
	const { client, lastBody } = await sfClientFor(ctx);
	const timelines = await client.routes({ trackingNumbers: [query.trackingNo], checkPhoneNo: last4 });
	const context = { provider: 'sf', method: 'EXP_RECE_SEARCH_ROUTES' };
	const timeline = timelines.find((t) => t.trackingNo === query.trackingNo) ?? sfTimeline(query.trackingNo, [], context);
	return { timeline, raw: lastBody() };
}
