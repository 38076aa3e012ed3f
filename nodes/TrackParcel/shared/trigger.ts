// What the carrier push triggers share: reading the pushed form exactly as sent, answering the carrier
// with the exact body it expects, remembering pushes already accepted (replays are refused), and the
// registration state the webhook lifecycle keeps.
import { createHash } from 'node:crypto';
import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/** How many accepted push signatures are remembered for replay detection. */
export const REMEMBERED_PUSHES = 2000;

/** The push's form fields, from the raw body when n8n kept it (the exact text the signature covers). */
export function pushForm(ctx: IWebhookFunctions): Record<string, string | undefined> {
	const raw = rawBodyText(ctx);
	if (raw !== undefined && raw.includes('=')) return Object.fromEntries(new URLSearchParams(raw));
	const body = ctx.getBodyData() as IDataObject;
	const form: Record<string, string | undefined> = {};
	for (const [name, value] of Object.entries(body ?? {})) {
		form[name] = value === undefined || value === null ? undefined : typeof value === 'string' ? value : JSON.stringify(value);
	}
	return form;
}

export function rawBodyText(ctx: IWebhookFunctions): string | undefined {
	const raw = (ctx.getRequestObject() as unknown as { rawBody?: Buffer | string }).rawBody;
	if (raw === undefined || raw === null) return undefined;
	return Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
}

/** Writes the carrier's reply (JSON text) with the status; n8n sends nothing else. */
export function reply(ctx: IWebhookFunctions, status: number, body: string): void {
	const res = ctx.getResponseObject();
	res.status(status);
	res.setHeader('content-type', 'application/json; charset=utf-8');
	res.end(body);
}

export function rejected(ctx: IWebhookFunctions, body: string): IWebhookResponseData {
	reply(ctx, 401, body);
	return { noWebhookResponse: true };
}

export function accepted(ctx: IWebhookFunctions, body: string, items: IDataObject[]): IWebhookResponseData {
	reply(ctx, 200, body);
	return { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(items)] };
}

/** A short, fixed-length fingerprint of a push (its signature or its whole body). */
export function pushFingerprint(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 32);
}

/** True when this push was accepted before: a replay. */
export function seenBefore(ctx: IWebhookFunctions, fingerprint: string): boolean {
	const seen = ctx.getWorkflowStaticData('node').seenPushes;
	return Array.isArray(seen) && (seen as unknown[]).includes(fingerprint);
}

export function remember(ctx: IWebhookFunctions, fingerprint: string): void {
	const state = ctx.getWorkflowStaticData('node');
	const seen = Array.isArray(state.seenPushes) ? (state.seenPushes as string[]) : [];
	seen.push(fingerprint);
	state.seenPushes = seen.slice(-REMEMBERED_PUSHES);
}

/** The registration a trigger keeps: which URL it announced and the parcels it subscribed for it. */
export interface PushRegistration {
	callbackUrl: string;
	registeredAt: string;
	subscribed: string[];
}

export function registration(ctx: IHookFunctions): PushRegistration | undefined {
	const state = ctx.getWorkflowStaticData('node');
	return state.registration as unknown as PushRegistration | undefined;
}

export function saveRegistration(ctx: IHookFunctions, value: PushRegistration | undefined): void {
	const state = ctx.getWorkflowStaticData('node');
	if (value) state.registration = value as unknown as IDataObject;
	else {
		delete state.registration;
		delete state.seenPushes;
	}
}

/** "a, b\nc" -> ['a', 'b', 'c'] */
export function trackingNumberList(text: string): string[] {
	return text
		.split(/[\s,，;]+/)
		.map((n) => n.trim())
		.filter(Boolean);
}

/** Subscribes one parcel to pushes at the trigger's URL. */
export type SubscribeParcel = (ctx: IHookFunctions, parcel: { carrier: string; trackingNo: string; callbackUrl: string }) => Promise<void>;

/**
 * The webhook lifecycle of a carrier push trigger. Carriers keep no list of push URLs we could query, so
 * what the trigger announced lives in its static data; on activation the parcels listed in the node (if
 * the carrier subscribes per parcel) are subscribed to this trigger's URL. Deactivating forgets it.
 */
export function pushWebhookMethods(subscribe?: SubscribeParcel) {
	return {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return registration(this)?.callbackUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const callbackUrl = this.getNodeWebhookUrl('default') as string;
				const numbers = subscribe ? trackingNumberList(this.getNodeParameter('trackingNumbers', '') as string) : [];
				const subscribed: string[] = [];
				if (subscribe && numbers.length) {
					const carrier = this.getNodeParameter('carrier') as string;
					for (const trackingNo of numbers) {
						await subscribe(this, { carrier, trackingNo, callbackUrl });
						subscribed.push(trackingNo);
					}
				}
				saveRegistration(this, { callbackUrl, registeredAt: new Date().toISOString(), subscribed });
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				saveRegistration(this, undefined);
				return true;
			},
		},
	};
}
