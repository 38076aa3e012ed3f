import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { kuaidi100PushReply, parseKuaidi100Push } from '../../lib/carriers/kuaidi100/push';
import { PushRejectedError } from '../../lib/carriers/push';
import { kuaidi100Settings } from '../../credentials/carrierSettings';
import { carrierOptions } from '../TrackParcel/shared/fields';
import { timelineJson } from '../TrackParcel/shared/output';
import { kuaidi100ClientFor } from '../TrackParcel/shared/transport';
import {
	accepted,
	pushFingerprint,
	pushWebhookMethods,
	pushForm,
	rejected,
	remember,
	seenBefore,
} from '../TrackParcel/shared/trigger';

export class Kuaidi100Trigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Kuaidi100 Trigger 快递100推送',
		name: 'kuaidi100Trigger',
		icon: { light: 'file:../../icons/kuaidi100.svg', dark: 'file:../../icons/kuaidi100.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Tracking pushes',
		description:
			'Starts the workflow on every tracking push from Kuaidi100, signed with the push salt of the credential',
		defaults: { name: 'Kuaidi100 Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kuaidi100Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'kuaidi100' }],
		properties: [
			{
				displayName:
					'Kuaidi100 pushes to the callback URL given when a parcel is subscribed. Subscribe parcels with the Kuaidi100 node (Tracking > Subscribe) using this trigger\'s Production URL, or list numbers below to subscribe them when the workflow is activated. Pushes must be signed: set a Push Salt in the credential.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Tracking Numbers to Subscribe',
				name: 'trackingNumbers',
				type: 'string',
				default: '',
				placeholder: 'e.g. YT0000000000001, YT0000000000002',
				description: 'Optional: parcels to subscribe to this trigger when the workflow is activated (comma or line separated). Leave empty to subscribe later with the Kuaidi100 node.',
			},
			{
				displayName: 'Carrier',
				name: 'carrier',
				type: 'options',
				options: carrierOptions('kuaidi100'),
				default: 'sf',
				description: 'The carrier of the parcels listed above',
				displayOptions: { hide: { trackingNumbers: [''] } },
			},
		],
	};

	// Subscriptions carry the callback URL; Kuaidi100 cannot unsubscribe, so pushes to a removed URL just fail
	// and stop after its retries.
	webhookMethods = pushWebhookMethods(async (ctx, { carrier, trackingNo, callbackUrl }) => {
		const { client, salt } = await kuaidi100ClientFor(ctx);
		await client.subscribe({ carrier, trackingNo, callbackUrl, salt });
	});

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { salt } = kuaidi100Settings(await this.getCredentials('kuaidi100Api'));
		if (!salt) return rejected(this, kuaidi100PushReply(false, 'push salt not configured'));
		const form = pushForm(this);
		let push;
		try {
			push = parseKuaidi100Push(form, salt);
		} catch (error) {
			if (error instanceof PushRejectedError) return rejected(this, kuaidi100PushReply(false, error.message));
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		// Kuaidi100 signs without a timestamp: the same signed push accepted twice is a replay.
		const fingerprint = pushFingerprint(`${form.sign ?? ''}|${form.param ?? ''}`);
		if (seenBefore(this, fingerprint)) return rejected(this, kuaidi100PushReply(false, 'duplicate push'));
		remember(this, fingerprint);
		const json = {
			...timelineJson(push.timeline),
			pushStatus: push.pushStatus,
			pushMessage: push.message,
			...(push.carrierCorrection ? { carrierCorrection: push.carrierCorrection } : {}),
		};
		return accepted(this, kuaidi100PushReply(true), [json]);
	}
}
