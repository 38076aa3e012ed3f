// Pushes (RequestType 101) to the account's push URL (logistics.md §2.4): form RequestData + DataSign, the
// whole trace of each parcel that moved, until the receiver answers Success true.
import type { WebhookResult } from '../../core/webhooks';
import { postWebhook } from '../../core/webhooks';
import { formatShanghai } from '../../core/time';
import type { KdniaoBackend, KdniaoSubscription } from './models';
import { trackingItem } from './render';
import { dataSign } from './sign';

export interface KdniaoPushOptions {
	url?: string;
	eBusinessId?: string;
	/** Sign with a wrong AppKey, to test that the receiver rejects it. */
	wrongSignature?: boolean;
	/** Parcels per push. */
	batch?: number;
}

export interface KdniaoPushRecord extends WebhookResult {
	parcels: string[];
	accepted: boolean;
	at: number;
}

function accepted(result: WebhookResult): boolean {
	try {
		return result.status === 200 && JSON.parse(result.body).Success === true;
	} catch {
		return false;
	}
}

export async function sendKdniaoPushes(backend: KdniaoBackend, options: KdniaoPushOptions, log: KdniaoPushRecord[]): Promise<KdniaoPushRecord[]> {
	const due: Array<{ sub: KdniaoSubscription; item: Record<string, unknown>; traces: number }> = [];
	for (const sub of backend.subscriptions.values()) {
		if (options.eBusinessId && sub.eBusinessId !== options.eBusinessId) continue;
		const parcel = backend.parcel(sub.shipperCode, sub.logisticCode);
		const events = parcel ? backend.visible(parcel) : [];
		if (!parcel || events.length <= sub.pushedTraces) continue;
		due.push({ sub, item: { EBusinessID: sub.eBusinessId, ...trackingItem(parcel, events, sub.shipperCode, sub.monitored), CallBack: sub.callback }, traces: events.length });
	}
	const sent: KdniaoPushRecord[] = [];
	const batch = Math.max(1, options.batch ?? 10);
	for (let start = 0; start < due.length; start += batch) {
		const group = due.slice(start, start + batch);
		const eBusinessId = group[0].sub.eBusinessId;
		const url = options.url ?? backend.pushUrls.get(eBusinessId);
		if (!url) continue;
		const requestData = JSON.stringify({ EBusinessID: eBusinessId, PushTime: formatShanghai(backend.world.clock.now()), Count: String(group.length), Data: group.map((g) => g.item) });
		const appKey = (backend.appKeyOf(eBusinessId) ?? '') + (options.wrongSignature ? 'x' : '');
		const form = new URLSearchParams({ RequestData: requestData, DataSign: dataSign(requestData, appKey), RequestType: '101' }).toString();
		const result = await postWebhook(url, form, { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
		const record: KdniaoPushRecord = { ...result, parcels: group.map((g) => g.sub.logisticCode), accepted: accepted(result), at: backend.world.clock.now() };
		if (record.accepted) for (const g of group) g.sub.pushedTraces = g.traces;
		log.push(record);
		sent.push(record);
	}
	return sent;
}
