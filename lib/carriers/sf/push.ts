// SF route pushes: `{"Body":{"WaybillRoute":[...]}}`, grouped per waybill, and the reply SF expects.
import { parseJsonLossless } from '../../json';
import { PushRejectedError } from '../push';
import { asArray, asRecord, textOf } from '../fields';
import type { TrackingTimeline } from '../types';
import { sfTimeline } from './normalize';
import { verifySfMsgDigest } from './sign';

export interface SfRoutePush {
	/** One entry per waybill in the push, in first-seen order. */
	parcels: Array<{ trackingNo: string; orderId?: string; timeline: TrackingTimeline }>;
}

/**
 * Reads a JSON route push (the raw body text or an already parsed object). The JSON push carries no
 * signature; protect the callback URL with a secret path or query value instead.
 */
export function parseSfRoutePush(body: string | object): SfRoutePush {
	const context = { provider: 'sf', method: 'route push' };
	let parsed: unknown = body;
	if (typeof body === 'string') {
		try {
			parsed = parseJsonLossless(body, context);
		} catch {
			throw new PushRejectedError('sf', 'malformed', 'body is not JSON');
		}
	}
	const routes = asArray(asRecord(asRecord(parsed).Body).WaybillRoute).map(asRecord);
	if (!routes.length) throw new PushRejectedError('sf', 'malformed', 'no Body.WaybillRoute entries');
	const byWaybill = new Map<string, { orderId?: string; routes: Record<string, unknown>[] }>();
	for (const route of routes) {
		const trackingNo = textOf(route.mailno) ?? '';
		const entry = byWaybill.get(trackingNo) ?? { orderId: textOf(route.orderid), routes: [] };
		entry.routes.push(route);
		byWaybill.set(trackingNo, entry);
	}
	return {
		parcels: [...byWaybill].map(([trackingNo, entry]) => ({
			trackingNo,
			orderId: entry.orderId,
			timeline: sfTimeline(trackingNo, entry.routes, context),
		})),
	};
}

/**
 * [I] The form-signed push variant one public project uses: `msgData` (the same JSON) and `msgDigest`,
 * checked like a request digest (with the form's `timestamp` when it sends one).
 */
export function parseSfSignedRoutePush(form: Record<string, string | undefined>, checkWord: string): SfRoutePush {
	const msgData = form.msgData;
	if (!msgData) throw new PushRejectedError('sf', 'malformed', 'no msgData field');
	if (!verifySfMsgDigest(msgData, form.timestamp ?? '', checkWord, form.msgDigest ?? '')) {
		throw new PushRejectedError('sf', 'signature', 'msgDigest does not match msgData + timestamp + check word');
	}
	return parseSfRoutePush(msgData);
}

/** The reply SF expects; [I] any other return_code makes SF push again later. */
export function sfPushReply(accepted = true, message = accepted ? '成功' : '失败'): string {
	return JSON.stringify({ return_code: accepted ? '0000' : '1000', return_msg: message });
}
