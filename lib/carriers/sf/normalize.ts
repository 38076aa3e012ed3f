// SF routes (route query answers and route pushes) -> the normalized timeline.
import type { ErrorContext } from '../../http';
import { asArray, asRecord, textOf } from '../fields';
import { buildTimeline } from '../timeline';
import type { TrackingTimeline } from '../types';

/** One waybill's routes `[{ acceptTime, acceptAddress, remark, opCode }]`; SF sends no parcel-level status. */
export function sfTimeline(trackingNo: string, routes: unknown, context: ErrorContext): TrackingTimeline {
	return buildTimeline({
		provider: 'sf',
		carrier: 'sf',
		trackingNo,
		events: asArray(routes).map((item) => {
			const route = asRecord(item);
			const remark = textOf(route.remark);
			return {
				time: route.acceptTime,
				code: route.opCode,
				description: remark,
				location: route.acceptAddress,
				hints: { remark },
			};
		}),
		context,
	});
}

/** A route query's `routeResps: [{ mailNo, routes }]`, one timeline per waybill. */
export function sfRouteTimelines(msgData: unknown, context: ErrorContext): TrackingTimeline[] {
	return asArray(asRecord(msgData).routeResps).map((item) => {
		const resp = asRecord(item);
		return sfTimeline(textOf(resp.mailNo) ?? '', resp.routes, context);
	});
}
