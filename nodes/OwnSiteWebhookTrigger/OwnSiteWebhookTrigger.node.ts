import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	IHookFunctions,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { verifyOwnSiteSignature, type SignatureAlgorithm, type SignatureEncoding } from '../../lib/channels/ownSite/sign';
import { mappingProblemItem, normalizePush, OWN_SITE_CREDENTIAL_TEST, checkSecret, readMapping } from './push';
import { mappingProperties, signatureProperties } from './description';
import type { OrderOutputMode } from '../shared/orderOutput';

export class OwnSiteWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Own Site Webhook Trigger 自建站',
		name: 'ownSiteWebhookTrigger',
		icon: { light: 'file:../../icons/ownSite.svg', dark: 'file:../../icons/ownSite.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"signed with " + $parameter["signatureHeader"]}}',
		description:
			'Starts the workflow when your own website (not Shopify or WooCommerce) pushes orders as JSON, signed with a shared secret; a field mapping turns them into unified orders',
		defaults: { name: 'Own Site Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Orders', 'Unnormalized'],
		credentials: [{ name: 'ownSiteWebhookApi', required: true, testedBy: 'ownSiteWebhookApiTest' }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [...signatureProperties, ...mappingProperties],
	};

	// The site's admin holds the one push URL; there is nothing to register, so these only record it.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return this.getWorkflowStaticData('node').pushUrl === this.getNodeWebhookUrl('default');
			},
			async create(this: IHookFunctions): Promise<boolean> {
				this.getWorkflowStaticData('node').pushUrl = this.getNodeWebhookUrl('default');
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				delete this.getWorkflowStaticData('node').pushUrl;
				return true;
			},
		},
	};

	methods = {
		credentialTest: {
			async [OWN_SITE_CREDENTIAL_TEST](this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				return checkSecret(credential.data?.secret);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const res = this.getResponseObject();
		const req = this.getRequestObject();
		const headers = this.getHeaderData() as IDataObject;
		const credentials = await this.getCredentials<{ secret?: string }>('ownSiteWebhookApi');
		const header = (name: string) => headers[name.trim().toLowerCase()];
		const timestampHeader = (this.getNodeParameter('timestampHeader', '') as string).trim();
		// The signature covers the exact bytes the site sent; a re-serialized body would not match.
		const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
		const verdict = rawBody
			? verifyOwnSiteSignature(
					{ rawBody, signature: header(this.getNodeParameter('signatureHeader', 'X-Signature') as string), timestamp: timestampHeader ? header(timestampHeader) : undefined },
					{
						secret: credentials.secret,
						algorithm: this.getNodeParameter('algorithm', 'sha256') as SignatureAlgorithm,
						encoding: this.getNodeParameter('encoding', 'hex') as SignatureEncoding,
						prefix: this.getNodeParameter('signaturePrefix', '') as string,
						timestampHeader: timestampHeader !== '',
						toleranceSeconds: this.getNodeParameter('timestampTolerance', undefined) as number | undefined,
						nowMs: Date.now(),
					},
				)
			: { ok: false as const, reason: 'no raw body to check' };
		if (!verdict.ok) {
			this.logger.warn(`Own Site Webhook Trigger: push refused (${verdict.reason})`);
			res.status(401).send('invalid signature');
			return { noWebhookResponse: true };
		}

		const { mapping, problems } = readMapping(this.getNodeParameter.bind(this));
		const mode = this.getNodeParameter('output', 'normalized') as OrderOutputMode;
		const { unmaskedReceiver } = this.getNodeParameter('options', {}) as { unmaskedReceiver?: boolean };
		const text = (rawBody as Buffer).toString('utf8');
		const outputs = problems.length > 0 ? { orders: [], unnormalized: [mappingProblemItem(problems, text)] } : normalizePush(text, mapping, { mode, unmaskedReceiver });
		const received = outputs.orders.length + outputs.unnormalized.length;
		// Answered here, as JSON: n8n's own onReceived answer would not carry the counts.
		res.status(200).json({ received, orders: outputs.orders.length, unnormalized: outputs.unnormalized.length });
		// An empty list is answered but starts nothing.
		if (received === 0) return { noWebhookResponse: true };
		return {
			noWebhookResponse: true,
			workflowData: [this.helpers.returnJsonArray(outputs.orders), this.helpers.returnJsonArray(outputs.unnormalized)],
		};
	}
}
