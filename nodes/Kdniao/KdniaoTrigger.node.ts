import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { kdniaoPushReply, parseKdniaoPush } from '../../lib/carriers/kdniao/push';
import { PushRejectedError } from '../../lib/carriers/push';
import { parseChannelTime, toEpochMillis } from '../../lib/model/time';
import { kdniaoSettings } from '../../credentials/carrierSettings';
import { carrierOptions } from '../TrackParcel/shared/fields';
import { timelineJson } from '../TrackParcel/shared/output';
import { kdniaoClientFor } from '../TrackParcel/shared/transport';
import {
	accepted,
	pushFingerprint,
	pushWebhookMethods,
	pushForm,
	rejected,
	remember,
	seenBefore,
} from '../TrackParcel/shared/trigger';

/** Pushes older than this (by their signed PushTime) are refused as replays; 0 turns the check off. */
const KDNIAO_DEFAULT_MAX_PUSH_AGE_MINUTES = 1440;

export class KdniaoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kdniao Trigger 快递鸟推送',
		name: 'kdniaoTrigger',
		icon: { light: 'file:../../icons/kdniao.svg', dark: 'file:../../icons/kdniao.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Tracking pushes',
		description: 'Starts the workflow on every tracking push (RequestType 101) from Kdniao, verified with the AppKey',
		defaults: { name: 'Kdniao Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kdniaoApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'kdniao' }],
		properties: [
			{
				displayName:
					"Kdniao pushes to the push URL set in your Kdniao account (会员中心 > 推送地址): paste this trigger's Production URL there. Parcels are subscribed with the Kdniao node (Tracking > Subscribe) or listed below to be subscribed when the workflow is activated. One push may carry several parcels: each becomes an item.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Tracking Numbers to Subscribe',
				name: 'trackingNumbers',
				type: 'string',
				default: '',
				placeholder: 'e.g. 73100000000001, 73100000000002',
				description: 'Optional: parcels to subscribe (1008) when the workflow is activated, comma or line separated',
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'options',
				options: carrierOptions('kdniao'),
				default: 'sf',
				description: 'The carrier of the parcels listed above',
				displayOptions: { hide: { trackingNumbers: [''] } },
			},
			{
				displayName: 'Max Push Age (Minutes)',
				name: 'maxPushAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: KDNIAO_DEFAULT_MAX_PUSH_AGE_MINUTES,
				description: 'Pushes whose signed PushTime is older than this are refused as replays; 0 accepts any age',
			},
		],
	};

	// The push URL is an account setting at Kdniao; parcels listed in the node are subscribed (1008) on activation.
	webhookMethods = pushWebhookMethods(async (ctx, { carrier, trackingNo }) => {
		const { client } = await kdniaoClientFor(ctx);
		await client.subscribe({ carrier, trackingNo });
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { credentials } = kdniaoSettings(await this.getCredentials('kdniaoApi'));
		const refuse = (reason: string) => rejected(this, kdniaoPushReply(credentials.eBusinessId, Date.now(), false, reason));
		const form = pushForm(this);
		let push;
		try {
			push = parseKdniaoPush(form, credentials.appKey);
		} catch (error) {
			if (error instanceof PushRejectedError) return refuse(error.message);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		if (push.eBusinessId && push.eBusinessId !== credentials.eBusinessId) return refuse('push is for another EBusinessID');
		const maxAgeMinutes = this.getNodeParameter('maxPushAgeMinutes', KDNIAO_DEFAULT_MAX_PUSH_AGE_MINUTES) as number;
		if (maxAgeMinutes > 0 && isStale(push.pushTime, maxAgeMinutes)) return refuse('stale PushTime');
		const fingerprint = pushFingerprint(`${form.DataSign ?? ''}|${form.RequestData ?? ''}`);
		if (seenBefore(this, fingerprint)) return refuse('duplicate push');
		remember(this, fingerprint);
		const items: IDataObject[] = push.timelines.map((timeline, index) => ({
			...timelineJson(timeline),
			callback: push.callbacks[index] ?? null,
			pushTime: push.pushTime ?? null,
		}));
		return accepted(this, kdniaoPushReply(credentials.eBusinessId, Date.now(), true), items);
	}
}

/** A missing or unreadable PushTime is stale too: the time is inside the signed data, so it cannot be forged. */
function isStale(pushTime: string | undefined, maxAgeMinutes: number): boolean {
	if (!pushTime) return true;
	try {
		return Date.now() - toEpochMillis(parseChannelTime(pushTime, 'shanghai_local')) > maxAgeMinutes * 60_000;
	} catch {
		return true;
	}
}
