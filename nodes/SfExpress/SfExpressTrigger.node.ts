import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { safeEqual } from '../../lib/carriers/digest';
import { PushRejectedError } from '../../lib/carriers/push';
import { parseSfRoutePush, parseSfSignedRoutePush, sfPushReply, type SfRoutePush } from '../../lib/carriers/sf/push';
import { sfSettings } from '../../credentials/carrierSettings';
import { timelineJson } from '../TrackParcel/shared/output';
import {
	accepted,
	pushFingerprint,
	pushWebhookMethods,
	pushForm,
	rawBodyText,
	rejected,
	remember,
	seenBefore,
} from '../TrackParcel/shared/trigger';

/** Signed form pushes with a timestamp older than this are refused as replays; 0 turns the check off. */
const SF_DEFAULT_MAX_PUSH_AGE_MINUTES = 30;

export class SfExpressTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SF Express Trigger 顺丰路由推送',
		name: 'sfExpressTrigger',
		icon: { light: 'file:../../icons/sfExpress.svg', dark: 'file:../../icons/sfExpress.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["pushFormat"] === "signed" ? "Signed route pushes" : "Route pushes"}}',
		description: 'Starts the workflow on every route push from SF Express (丰桥 路由推送)',
		defaults: { name: 'SF Express Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'sfExpressApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'sf' }],
		properties: [
			{
				displayName:
					"SF pushes the routes of your own waybills to the route push URL configured for your app on the SF open platform: give SF this trigger's Production URL. Each waybill in a push becomes an item.",
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Push Format',
				name: 'pushFormat',
				type: 'options',
				options: [
					{
						name: 'JSON (Route Push Token in the URL)',
						value: 'json',
						description: 'SF posts {"Body":{"WaybillRoute":[...]}} unsigned: add ?token=<Route Push Token of the credential> to the URL you give SF',
					},
					{
						name: 'Signed Form (msgData + msgDigest)',
						value: 'signed',
						description: 'Pushes signed with the check word like SF requests',
					},
				],
				default: 'json',
			},
			{
				displayName: 'Max Push Age (Minutes)',
				name: 'maxPushAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: SF_DEFAULT_MAX_PUSH_AGE_MINUTES,
				description: 'Signed pushes whose timestamp is older than this are refused as replays; 0 accepts any age',
				displayOptions: { show: { pushFormat: ['signed'] } },
			},
		],
	};

	// The push URL is configured on the SF open platform; SF pushes every waybill of the account, no subscriptions.
	webhookMethods = pushWebhookMethods();

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = sfSettings(await this.getCredentials('sfExpressApi'));
		const refuse = (reason: string) => rejected(this, sfPushReply(false, reason));
		const signed = this.getNodeParameter('pushFormat', 'json') === 'signed';
		let push: SfRoutePush;
		let fingerprint: string;
		try {
			if (signed) {
				const form = pushForm(this);
				push = parseSfSignedRoutePush(form, settings.credentials.checkWord);
				const maxAge = this.getNodeParameter('maxPushAgeMinutes', SF_DEFAULT_MAX_PUSH_AGE_MINUTES) as number;
				const sentAt = Number(form.timestamp);
				if (maxAge > 0 && !(Math.abs(Date.now() - sentAt) <= maxAge * 60_000)) return refuse('stale timestamp');
				fingerprint = pushFingerprint(`${form.msgDigest ?? ''}|${form.timestamp ?? ''}`);
			} else {
				const token = String((this.getQueryData() as IDataObject).token ?? '');
				if (!settings.pushToken) return refuse('route push token not configured');
				if (!safeEqual(token, settings.pushToken)) return refuse('wrong or missing token');
				const body = rawBodyText(this) ?? (this.getBodyData() as object);
				push = parseSfRoutePush(body);
				fingerprint = pushFingerprint(typeof body === 'string' ? body : JSON.stringify(body));
			}
		} catch (error) {
			if (error instanceof PushRejectedError) return refuse(error.message);
			throw new NodeOperationError(this.getNode(), error as Error);
		}
		if (seenBefore(this, fingerprint)) return refuse('duplicate push');
		remember(this, fingerprint);
		const items: IDataObject[] = push.parcels.map((parcel) => ({ ...timelineJson(parcel.timeline), orderId: parcel.orderId ?? null }));
		return accepted(this, sfPushReply(true), items);
	}
}
