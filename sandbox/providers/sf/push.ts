// Route pushes to the partner's push URL (logistics.md §3.7): JSON {"Body":{"WaybillRoute":[...]}} or the
// signed form variant; routes already accepted are not sent again, so each push carries only what is new.
import type { WebhookResult } from '../../core/webhooks';
import { postWebhook } from '../../core/webhooks';
import type { SfBackend } from './models';
import { sfRoute } from './render';
import { msgDigest } from './sign';

export interface SfPushOptions {
	/** Where to push; defaults to the URL set with POST /_admin/sf/push-url. */
	url?: string;
	partnerId?: string;
	format?: 'json' | 'signed';
	/** Sign the form variant with a wrong check word, to test that the receiver rejects it. */
	wrongSignature?: boolean;
	/** Waybills per push. */
	batch?: number;
}

export interface SfPushRecord extends WebhookResult {
	waybills: string[];
	routes: number;
	accepted: boolean;
	at: number;
}

function accepted(result: WebhookResult): boolean {
	try {
		const body = JSON.parse(result.body);
		return result.status === 200 && body.return_code === '0000';
	} catch {
		return false;
	}
}

export async function sendRoutePushes(backend: SfBackend, options: SfPushOptions, log: SfPushRecord[]): Promise<SfPushRecord[]> {
	const sent: SfPushRecord[] = [];
	const due = backend.liveOrders(options.partnerId).flatMap((order) => {
		const parcel = backend.world.truth.parcel('sf', order.waybillNo);
		const events = parcel ? backend.visible(parcel) : [];
		const from = backend.pushed.get(order.waybillNo) ?? 0;
		return events.length > from ? [{ order, events, from }] : [];
	});
	const batch = Math.max(1, options.batch ?? 10);
	for (let start = 0; start < due.length; start += batch) {
		const group = due.slice(start, start + batch);
		const partnerId = group[0].order.partnerId;
		const url = options.url ?? backend.pushUrls.get(partnerId);
		if (!url) continue;
		const routes = group.flatMap(({ order, events, from }) =>
			events.slice(from).map((event, i) => ({ id: `${order.waybillNo}-${from + i + 1}`, mailno: order.waybillNo, orderid: order.orderId, ...sfRoute(event) })),
		);
		const body = JSON.stringify({ Body: { WaybillRoute: routes } });
		let result: WebhookResult;
		if (options.format === 'signed') {
			const timestamp = String(Date.now());
			const checkWord = (backend.checkWordOf(partnerId) ?? '') + (options.wrongSignature ? 'x' : '');
			const form = new URLSearchParams({ msgData: body, timestamp, msgDigest: msgDigest(body, timestamp, checkWord) }).toString();
			result = await postWebhook(url, form, { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
		} else {
			result = await postWebhook(url, body, { 'content-type': 'application/json;charset=UTF-8' });
		}
		const record: SfPushRecord = { ...result, waybills: group.map((g) => g.order.waybillNo), routes: routes.length, accepted: accepted(result), at: backend.world.clock.now() };
		// Only an accepted push moves the waybills on; anything else is pushed again next time.
		if (record.accepted) for (const { order, events } of group) backend.pushed.set(order.waybillNo, events.length);
		log.push(record);
		sent.push(record);
	}
	return sent;
}
