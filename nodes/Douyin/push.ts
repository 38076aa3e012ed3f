// The Douyin push receipt: the raw body checked against event-sign with the credential's app key and secret,
// then parsed. A forged or tampered push is refused (401) before anything is parsed or triggered.
import type { INodePropertyOptions, IWebhookFunctions } from 'n8n-workflow';
import { DOUYIN_PUSH_FAILURE, parseDouyinPush, verifyDouyinPush, type DouyinPushMessage } from '../../lib/channels/douyin/push';
import { douyinCredentialsFrom } from '../../lib/channels/douyin/sign';
import { DOUYIN_CREDENTIAL } from './transport';

export type PushOutcome =
	| { ok: true; messages: DouyinPushMessage[] }
	| { ok: false; status: number; reason: string; reply: Record<string, unknown> };

export async function receiveDouyinPush(context: IWebhookFunctions): Promise<PushOutcome> {
	const credentials = douyinCredentialsFrom(await context.getCredentials(DOUYIN_CREDENTIAL));
	if (!credentials.appKey || !credentials.appSecret) {
		return { ok: false, status: 401, reason: 'the credential has no App Key or App Secret', reply: { code: 401, message: 'not configured' } };
	}
	const req = context.getRequestObject();
	const rawBody = Buffer.isBuffer(req.rawBody) ? req.rawBody : undefined;
	if (!rawBody) return { ok: false, status: 401, reason: 'no raw body to check the signature against', reply: { code: 401, message: 'invalid push' } };
	const verdict = verifyDouyinPush(context.getHeaderData() as Record<string, string | string[] | undefined>, rawBody, credentials);
	if (!verdict.ok) return { ok: false, status: 401, reason: verdict.reason, reply: { code: 401, message: 'invalid push' } };
	try {
		return { ok: true, messages: parseDouyinPush(rawBody) };
	} catch (error) {
		return { ok: false, status: 400, reason: error instanceof Error ? error.message : String(error), reply: { ...DOUYIN_PUSH_FAILURE } };
	}
}

export function pushTagOptions(tags: Readonly<Record<string, string>>, ping: string): INodePropertyOptions[] {
	return Object.entries(tags)
		.filter(([tag]) => tag !== ping)
		.map(([tag, event]) => ({ name: `${tag} ${event}`, value: tag }));
}
