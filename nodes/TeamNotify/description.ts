import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_DIGEST_HEADER, DEFAULT_MESSAGE_TEMPLATE } from '../../lib/notify';

const TEMPLATE_HELP =
	'Write order fields as {{order.channelOrderId}}, {{order.receiver.city}}, {{order.lines[0].title}}. Filters: {{order.totals.paid|money}} (12.30), {{order.paidAt|date}} (Beijing time), {{order.buyer.nick|mask}}, {{order.sellerMemo|default:"-"}}. Keep the field in Fixed mode: in Expression mode n8n reads the braces itself.';

export const teamNotifyProperties: INodeProperties[] = [
	{
		displayName: 'Platform',
		name: 'platform',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'DingTalk 钉钉', value: 'dingtalk', description: 'A custom robot in a DingTalk group' },
			{ name: 'Feishu / Lark 飞书', value: 'feishu', description: 'A custom bot in a Feishu or Lark group' },
			{ name: 'WeCom 企业微信', value: 'wecom', description: 'A group robot in a WeCom group' },
		],
		default: 'dingtalk',
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Text', value: 'text', description: 'Plain text; mentions work by mobile, user ID or everyone' },
			{ name: 'Markdown', value: 'markdown', description: 'Headings, bold, links and lists (a card on Feishu)' },
		],
		default: 'text',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. 新订单 {{order.channelOrderId}}',
		description:
			'Shown in the notification banner (DingTalk) or as the card header (Feishu), bold on WeCom. Empty takes the first line of the message.',
		displayOptions: { show: { messageType: ['markdown'] } },
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: DEFAULT_MESSAGE_TEMPLATE,
		required: true,
		description: TEMPLATE_HELP,
	},
	{
		displayName: 'Order Field',
		name: 'orderField',
		type: 'string',
		default: '',
		placeholder: 'e.g. order',
		description: 'Field that holds the order the message talks about. Leave empty when the whole item is the order.',
	},
	{
		displayName: 'Mention',
		name: 'mention',
		type: 'collection',
		placeholder: 'Add Mention',
		default: {},
		options: [
			{
				displayName: 'Everyone',
				name: 'everyone',
				type: 'boolean',
				default: false,
				description: 'Whether to @ everyone in the group',
			},
			{
				displayName: 'Mobiles',
				name: 'mobiles',
				type: 'string',
				default: '',
				placeholder: 'e.g. 13812341234, 13900001111',
				description: 'Mobile numbers of group members to @, comma separated (DingTalk and WeCom text messages)',
			},
			{
				displayName: 'User IDs',
				name: 'userIds',
				type: 'string',
				default: '',
				placeholder: 'e.g. manager01',
				description: 'User IDs to @, comma separated: DingTalk userId, WeCom userid, Feishu open_id',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Digest Header',
				name: 'digestHeader',
				type: 'string',
				default: DEFAULT_DIGEST_HEADER,
				description: 'First line of the digest when sending once per run; {{count}} is the number of orders',
			},
			{
				displayName: 'Send Once Per Run',
				name: 'sendOncePerRun',
				type: 'boolean',
				default: false,
				description:
					'Whether to send one digest listing every item instead of one message per item. Robots accept about 20 messages a minute, so use this for batches.',
			},
			{
				displayName: 'Show Full Contact Details',
				name: 'showFullContact',
				type: 'boolean',
				default: false,
				description: "Whether to show the receiver's full name, phone and address. Off masks them (张*, 138****1234).",
			},
		],
	},
];
