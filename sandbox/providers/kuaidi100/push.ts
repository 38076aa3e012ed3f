// Pushes to subscribers' callback URLs (logistics.md §1.3): form fields `param` and `sign`, retried until
// the callback answers {"result":true,"returnCode":"200"}.
import type { WebhookResult } from '../../core/webhooks';
import { postWebhook } from '../../core/webhooks';
import type { Kuaidi100Backend, Subscription } from './models';
import { ABORT_WITHOUT_EVENTS_MS } from './models';
import { isFinal, trackingResult } from './render';
import { pushSign } from './sign';

export interface PushOptions {
	number?: string;
	com?: string;
	/** Send to this URL instead of the subscribed callback. */
	url?: string;
	/** Sign with a wrong salt, to test that the receiver rejects it. */
	wrongSignature?: boolean;
	/** Push even when nothing changed since the last accepted push. */
	force?: boolean;
}

export interface PushRecord extends WebhookResult {
	number: string;
	com: string;
	/** polling | shutdown | abort; `status` is the callback's HTTP status. */
	pushStatus: string;
	events: number;
	param: string;
	sign?: string;
	accepted: boolean;
	at: number;
}

/** The form body of one push, or undefined when there is nothing new to say. */
export function buildPush(backend: Kuaidi100Backend, sub: Subscription, options: PushOptions) {
	const now = backend.world.clock.now();
	const parcel = backend.parcel(sub.com, sub.number);
	const events = parcel ? backend.visible(parcel) : [];
	let status: string;
	let message = '';
	if (events.length === 0) {
		if (now - sub.subscribedAt < ABORT_WITHOUT_EVENTS_MS) return undefined;
		status = 'abort';
		message = '3天查询无记录';
	} else {
		if (events.length <= sub.pushedEvents && !options.force) return undefined;
		status = isFinal(events) ? 'shutdown' : 'polling';
	}
	const lastResult = parcel
		? trackingResult(parcel, events, { com: sub.com, resultv2: sub.resultv2, order: 'desc' })
		: { message: 'ok', nu: sub.number, ischeck: '0', com: sub.com, status: '200', condition: '', state: '0', data: [] };
	const param = JSON.stringify({ status, billstatus: status === 'polling' ? 'got' : 'check', message, autoCheck: '0', comOld: '', comNew: '', lastResult });
	// A salt makes Kuaidi100 sign; the doc says an empty salt still sends a sign.
	const sign = sub.salt === undefined ? undefined : pushSign(param, options.wrongSignature ? `${sub.salt}x` : sub.salt);
	return { param, sign, status, events: events.length };
}

function accepted(result: WebhookResult): boolean {
	try {
		const body = JSON.parse(result.body);
		return result.status === 200 && body.result === true && String(body.returnCode) === '200';
	} catch {
		return false;
	}
}

/** Sends every due push (or the ones named) and records how each callback answered. */
export async function sendPushes(backend: Kuaidi100Backend, options: PushOptions, log: PushRecord[]): Promise<PushRecord[]> {
	const sent: PushRecord[] = [];
	const due = backend.list({ number: options.number, com: options.com }).filter((s) => s.status === 'polling' || options.force);
	for (const sub of due) {
		const push = buildPush(backend, sub, options);
		if (!push) continue;
		const form = new URLSearchParams({ param: push.param, ...(push.sign !== undefined ? { sign: push.sign } : {}) }).toString();
		const result = await postWebhook(options.url ?? sub.callbackUrl, form, { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
		const record: PushRecord = {
			...result,
			number: sub.number,
			com: sub.com,
			pushStatus: push.status,
			events: push.events,
			param: push.param,
			sign: push.sign,
			accepted: accepted(result),
			at: backend.world.clock.now(),
		};
		// Only an accepted push moves the subscription on; anything else is retried next time.
		if (record.accepted) {
			sub.pushedEvents = push.events;
			if (push.status !== 'polling') sub.status = push.status as Subscription['status'];
		}
		log.push(record);
		sent.push(record);
	}
	return sent;
}
