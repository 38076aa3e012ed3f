// Items -> messages -> robot: one message per item, or one digest per run.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import { isChannelApiError } from '../../lib/http';
import {
	composeDigest,
	DEFAULT_DIGEST_HEADER,
	PLATFORM_NAMES,
	renderDigestHeader,
	renderOrderMessage,
	renderTemplate,
	robotCredentials,
	sendNotification,
	type Mention,
	type MessageFormat,
	type NotifyMessage,
	type NotifyPlatform,
	type SendDeps,
	type SendResult,
} from '../../lib/notify';
import { nodeHttpClient } from '../shared/httpClient';
import { readItemObject } from '../shared/items';

export const CREDENTIAL_TYPES: Record<NotifyPlatform, string> = {
	dingtalk: 'dingTalkRobotApi',
	wecom: 'weComRobotApi',
	feishu: 'feishuBotApi',
};

interface NotifyOptions {
	showFullContact?: boolean;
	sendOncePerRun?: boolean;
	digestHeader?: string;
}

function splitList(value: unknown): string[] {
	return typeof value === 'string' ? value.split(/[,，;\s]+/).filter((part) => part !== '') : [];
}

function readMention(ctx: IExecuteFunctions, itemIndex: number): Mention {
	const mention = ctx.getNodeParameter('mention', itemIndex, {}) as IDataObject;
	return { mobiles: splitList(mention.mobiles), userIds: splitList(mention.userIds), all: mention.everyone === true };
}

function resultJson(result: SendResult): IDataObject {
	return {
		sent: true,
		platform: result.platform,
		...(result.messageId ? { messageId: result.messageId } : {}),
		attempts: result.attempts,
		...(result.truncated ? { truncated: true } : {}),
	};
}

/** Platform refusals become NodeApiError (code and hint shown), everything else NodeOperationError. */
function toNodeError(ctx: IExecuteFunctions, error: unknown, platform: NotifyPlatform, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isChannelApiError(error)) {
		const response: JsonObject = {
			message: error.message,
			platform: PLATFORM_NAMES[platform],
			errorCode: error.code === undefined ? null : String(error.code),
			platformMessage: error.platformMessage ?? null,
		};
		const httpCode = error.httpStatus !== undefined && error.httpStatus >= 400 ? String(error.httpStatus) : undefined;
		return new NodeApiError(ctx.getNode(), response, { itemIndex, message: error.message, description: error.hint, httpCode });
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

function errorJson(error: Error & { description?: string | null }, platform: NotifyPlatform, cause: unknown): IDataObject {
	const details = isChannelApiError(cause) ? { code: cause.code ?? null, hint: cause.hint ?? null, attempts: cause.attempts ?? null } : {};
	return { sent: false, platform, error: error.message, ...details };
}

function itemMessage(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number, showFullContact: boolean): NotifyMessage {
	const format = ctx.getNodeParameter('messageType', itemIndex) as MessageFormat;
	const order = readItemObject(ctx, item, ctx.getNodeParameter('orderField', itemIndex, '') as string, itemIndex);
	const text = renderOrderMessage(ctx.getNodeParameter('message', itemIndex) as string, order, showFullContact);
	const titleTemplate = format === 'markdown' ? (ctx.getNodeParameter('title', itemIndex, '') as string) : '';
	const title = titleTemplate ? renderOrderMessage(titleTemplate, order, showFullContact) : undefined;
	return { format, text, title, mention: readMention(ctx, itemIndex) };
}

function digestMessage(ctx: IExecuteFunctions, items: INodeExecutionData[], options: NotifyOptions): NotifyMessage {
	const showFullContact = options.showFullContact === true;
	const entries = items.map((item, i) => itemMessage(ctx, item, i, showFullContact).text);
	const format = ctx.getNodeParameter('messageType', 0) as MessageFormat;
	const header = renderDigestHeader(options.digestHeader ?? DEFAULT_DIGEST_HEADER, items.length);
	const titleTemplate = format === 'markdown' ? (ctx.getNodeParameter('title', 0, '') as string) : '';
	const title = titleTemplate ? renderTemplate(titleTemplate, { count: items.length }) : undefined;
	return { format, text: composeDigest(header, entries, format), title, mention: readMention(ctx, 0) };
}

export async function executeTeamNotify(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const platform = this.getNodeParameter('platform', 0) as NotifyPlatform;
	const options = this.getNodeParameter('options', 0, {}) as NotifyOptions;
	let deps: SendDeps;
	try {
		const credentials = robotCredentials(platform, await this.getCredentials(CREDENTIAL_TYPES[platform]));
		deps = { http: nodeHttpClient(this), credentials, now: Date.now, sleep };
	} catch (error) {
		throw toNodeError(this, error, platform, 0);
	}

	if (options.sendOncePerRun) {
		if (items.length === 0) return [[]];
		const pairedItem = items.map((_, item) => ({ item }));
		try {
			const result = await sendNotification(platform, digestMessage(this, items, options), deps);
			return [[{ json: { ...resultJson(result), orders: items.length }, pairedItem }]];
		} catch (error) {
			const nodeError = toNodeError(this, error, platform, 0);
			if (!this.continueOnFail()) throw nodeError;
			return [[{ json: errorJson(nodeError, platform, error), pairedItem }]];
		}
	}

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const message = itemMessage(this, items[i], i, options.showFullContact === true);
			const result = await sendNotification(platform, message, deps);
			output.push({ json: resultJson(result), pairedItem: { item: i } });
		} catch (error) {
			const nodeError = toNodeError(this, error, platform, i);
			if (!this.continueOnFail()) throw nodeError;
			output.push({ json: errorJson(nodeError, platform, error), pairedItem: { item: i } });
		}
	}
	return [output];
}
