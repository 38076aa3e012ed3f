import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { CHANNEL_NORMALIZERS, normalizePayload } from '../../lib/channels/registry';
import { parseJsonLossless } from '../../lib/json';
import type { ChannelId } from '../../lib/model';
import { pairedItem, readItemObject } from '../shared/items';
import { orderItemJson, unmaskedReceiverProperty } from '../shared/orderOutput';

/** What the editor calls each channel. */
const CHANNEL_LABELS: Record<ChannelId, string> = {
	taobao: 'Taobao / Tmall 淘宝/天猫',
	jd: 'JD 京东',
	wechat_shop: 'WeChat Shop 微信小店',
	xiaohongshu: 'Xiaohongshu 小红书',
	douyin: 'Douyin 抖店',
	pinduoduo: 'Pinduoduo 拼多多',
	shopify: 'Shopify',
	woocommerce: 'WooCommerce',
	own_site: 'Own Site',
};

const channelOptions = CHANNEL_NORMALIZERS.map((n) => ({ name: CHANNEL_LABELS[n.channel], value: n.channel }));

export class OrderNormalize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Normalize 订单标准化',
		name: 'orderNormalize',
		icon: { light: 'file:../../icons/orderNormalize.svg', dark: 'file:../../icons/orderNormalize.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["channel"] === "detect" ? "Detect channel" : $parameter["channel"]}}',
		description: 'Turns raw channel orders (an API response or a push) into unified orders; what cannot be normalized goes to "Unnormalized" with every problem',
		defaults: { name: 'Order Normalize' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Normalized', 'Unnormalized'],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: [{ name: 'Detect From Payload', value: 'detect' }, ...channelOptions],
				default: 'detect',
				description: 'Where the orders come from. Detect recognises each channel by its response envelope or order fields.',
			},
			{
				displayName: 'Payload Field',
				name: 'payloadField',
				type: 'string',
				default: '',
				placeholder: 'e.g. body',
				description:
					'Field that holds the raw order, list or API response (dot path). Empty: the whole item. A field holding JSON text is parsed without rounding long ids.',
			},
			{
				displayName: 'Shop ID',
				name: 'shopId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 我的旗舰店',
				description: 'Part of each unified order id: use the same value as in the channel credential. Empty: the seller id in the payload.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Keep Raw Order',
						name: 'keepRaw',
						type: 'boolean',
						default: false,
						description: 'Whether to keep the channel\'s order under "raw" in each unified order',
					},
					unmaskedReceiverProperty,
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const normalized: INodeExecutionData[] = [];
		const unnormalized: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const channel = this.getNodeParameter('channel', i) as ChannelId | 'detect';
				const field = this.getNodeParameter('payloadField', i, '') as string;
				const shopId = (this.getNodeParameter('shopId', i, '') as string).trim() || undefined;
				const options = this.getNodeParameter('options', i, {}) as { keepRaw?: boolean; unmaskedReceiver?: boolean };
				const value = readItemObject(this, items[i], field, i);
				const payload = typeof value === 'string' ? parseJsonLossless(value, { provider: 'payload' }) : value;
				const result = normalizePayload(payload, { channel, shopId, keepRaw: options.keepRaw });
				for (const { path, result: order } of result.orders) {
					const mode = options.keepRaw ? 'both' : 'normalized';
					const raw = order.ok ? order.order.raw : valueAt(payload, path);
					const json = orderItemJson(order, raw, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: result.channel ?? channel });
					if (json.order) normalized.push(pairedItem(json.order, i));
					if (json.unnormalized) unnormalized.push(pairedItem({ ...json.unnormalized, path }, i));
				}
			} catch (error) {
				if (!this.continueOnFail()) {
					throw error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
				}
				unnormalized.push(pairedItem({ error: (error as Error).message, problems: [] }, i));
			}
		}
		return [normalized, unnormalized];
	}
}

/** The value a JSON path such as $.trades.trade[1] points at inside the payload. */
function valueAt(payload: unknown, path: string): unknown {
	let value: unknown = payload;
	for (const part of path.slice(1).match(/\.[^.[]+|\[\d+\]/g) ?? []) {
		const key = part.startsWith('[') ? Number(part.slice(1, -1)) : part.slice(1);
		value = value === null || typeof value !== 'object' ? undefined : (value as IDataObject)[key as string];
	}
	return value;
}
