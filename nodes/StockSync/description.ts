// Fields of the Stock Sync node: mode, where listings come from, per-channel policies and the brake.
import type { INodeProperties } from 'n8n-workflow';
import { CHANNELS } from '../../lib/model';
import { ANY_CHANNEL } from '../../lib/rules';
import { DEFAULT_PUSH_CHANNELS } from './plan';

const CHANNEL_NAMES: Record<string, string> = {
	taobao: 'Taobao / Tmall 淘宝天猫',
	jd: 'JD 京东',
	wechat_shop: 'WeChat Shop 微信小店',
	xiaohongshu: 'Xiaohongshu 小红书',
	douyin: 'Douyin 抖店',
	pinduoduo: 'Pinduoduo 拼多多',
	shopify: 'Shopify',
	woocommerce: 'WooCommerce',
};

export const stockSyncProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Plan Only 仅计划', value: 'plan', description: 'Work out what would be pushed; push and record nothing' },
			{ name: 'Execute 执行推送', value: 'execute', description: 'Push changed quantities to the channels and record them in the push ledger' },
		],
		default: 'plan',
	},
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		options: Object.entries(CHANNEL_NAMES).map(([value, name]) => ({ name, value })),
		default: DEFAULT_PUSH_CHANNELS,
		description: 'Channels to plan and push; each one chosen asks for its credential. Listings on other channels are left out of the run.',
	},
	{
		displayName: 'Shopify Location ID',
		name: 'shopifyLocationId',
		type: 'string',
		default: '',
		displayOptions: { show: { channels: ['shopify'] } },
		description: 'Location whose stock is set for Shopify listings mapped as a bare inventory item ID; a listing mapped as "inventoryItemId@locationId" names its own',
	},
	{
		displayName: 'Listings From',
		name: 'listingSource',
		type: 'options',
		options: [
			{ name: 'Order Store SKU Mappings', value: 'store', description: 'Every channel SKU ID mapped to a master SKU' },
			{ name: 'Input Items', value: 'input', description: 'Items with channel, shopId, channelSkuId, optional channelItemId and masterSku (e.g. from a channel "Get SKUs")' },
		],
		default: 'store',
		description: 'Mappings that apply to every shop of a channel are synced for each shop a policy names',
	},
	{
		displayName: 'Policies',
		name: 'policies',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Policy',
		default: {},
		description: 'The most specific policy wins: channel + shop, then channel, then any channel. Listings without a policy publish the full available stock.',
		options: [
			{
				name: 'policy',
				displayName: 'Policy 同步策略',
				values: [
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: [{ name: 'Any Channel', value: ANY_CHANNEL }, ...CHANNELS.map((channel) => ({ name: channel, value: channel }))],
						default: ANY_CHANNEL,
					},
					{ displayName: 'Shop ID', name: 'shopId', type: 'string', default: '', description: 'Empty = every shop of the channel' },
					{ displayName: 'Safety Stock', name: 'safetyStock', type: 'number', default: 0, description: 'Units kept back from this channel' },
					{ displayName: 'Percent', name: 'percent', type: 'number', default: 100, description: 'Whole percent of the available stock to list, rounded down' },
					{ displayName: 'Max Listed', name: 'maxListed', type: 'number', default: 0, description: 'Cap; 0 = none' },
					{ displayName: 'Min Listed', name: 'minListed', type: 'number', default: 0, description: 'Keeps a listing alive while stock lasts; 0 = off' },
					{ displayName: 'Virtual Stock', name: 'virtualStock', type: 'number', default: 0, description: 'Added to the available stock (made to order, supplier stock)' },
					{ displayName: 'Presale Quantity', name: 'presaleQuantity', type: 'number', default: 0, description: 'Published when nothing is available and the SKU allows presale; 0 = off' },
					{ displayName: 'Zero At or Below', name: 'zeroAtOrBelow', type: 'number', default: 0, description: 'Publish 0 once available is at or below this' },
					{ displayName: 'Paused', name: 'paused', type: 'boolean', default: false, description: 'Whether to skip this channel or shop' },
				],
			},
		],
	},
	{
		displayName: 'Max Cut Percent',
		name: 'maxCutPercent',
		type: 'number',
		default: 20,
		description: 'The brake: refuse a run that would zero or sharply cut more than this percent of live listings',
	},
	{
		displayName: 'Sharp Drop Percent',
		name: 'dropPercent',
		type: 'number',
		default: 50,
		description: 'A listing dropping by more than this percent counts as cut',
	},
	{
		displayName: 'Confirm Large Changes',
		name: 'confirmLargeChanges',
		type: 'boolean',
		default: false,
		description: 'Whether to let a run through that trips the brake (after you checked the plan)',
	},
];
