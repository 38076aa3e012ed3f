// The audit rule set as the editor shows it: one fixedCollection group per rule type, each entry with the
// common settings (name, enabled, severity, priority) and the type's own fields. Names and defaults match
// what lib/rules/audit reads, so the collection's value is handed to compileAudit() unchanged.
import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';
import {
	ADDRESS_FIELDS,
	AUDIT_RULES,
	DEFAULT_PARCEL_LOCKER_WORDS,
	DEFAULT_PO_BOX_WORDS,
	DEFAULT_SUSPICIOUS_ADDRESS_WORDS,
	type AuditRuleType,
} from '../../lib/rules';

function common(type: AuditRuleType): INodeProperties[] {
	const definition = AUDIT_RULES[type];
	return [
		{ displayName: 'Rule Name', name: 'name', type: 'string', default: '', description: `Shown in hits and reports. Empty: "${type}".` },
		{ displayName: 'Enabled', name: 'enabled', type: 'boolean', default: true, description: 'Whether this rule runs' },
		{
			displayName: 'Severity',
			name: 'severity',
			type: 'options',
			options: [
				{ name: 'Block 拦截', value: 'block', description: 'The order goes to "Blocked"' },
				{ name: 'Flag 标记', value: 'flag', description: 'Recorded as a hit; the order is still approved' },
				{ name: 'Hold 挂起', value: 'hold', description: 'The order goes to "Held" for a person to check' },
			],
			default: definition.defaultSeverity,
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'number',
			default: definition.defaultPriority,
			description: 'Lower runs and lists first',
		},
	];
}

const listText = (words: readonly string[]) => words.join(', ');

const groups: Array<{ type: AuditRuleType; displayName: string; fields: INodeProperties[] }> = [
	{
		type: 'blacklist',
		displayName: 'Blacklist 黑名单',
		fields: [
			{ displayName: 'Check Phone', name: 'checkPhone', type: 'boolean', default: true, description: "Whether to look up the receiver's phone" },
			{ displayName: 'Check Buyer ID', name: 'checkBuyer', type: 'boolean', default: true, description: "Whether to look up the channel buyer ID" },
			{ displayName: 'Check Receiver Name and Address', name: 'checkReceiver', type: 'boolean', default: true, description: 'Whether to look up name + address' },
		],
	},
	{
		type: 'address',
		displayName: 'Address Check 地址校验',
		fields: [
			{
				displayName: 'Required Fields',
				name: 'requiredFields',
				type: 'multiOptions',
				options: ADDRESS_FIELDS.map((field) => ({ name: field, value: field })),
				default: [...ADDRESS_FIELDS],
				description: 'Receiver fields that must not be empty',
			},
			{ displayName: 'Minimum Street Address Length', name: 'minAddressLength', type: 'number', default: 5, description: 'Shorter street addresses are hit; 0 = off' },
			{ displayName: 'Suspicious Words', name: 'suspiciousKeywords', type: 'string', default: listText(DEFAULT_SUSPICIOUS_ADDRESS_WORDS), description: 'Comma-separated words that mark a made-up address' },
			{ displayName: 'Check Mobile Number', name: 'checkMobile', type: 'boolean', default: true, description: 'Whether a mainland receiver needs a valid mobile number' },
			{ displayName: 'Reject PO Boxes', name: 'rejectPoBox', type: 'boolean', default: false, description: 'Whether PO box addresses are hit' },
			{ displayName: 'PO Box Words', name: 'poBoxKeywords', type: 'string', default: listText(DEFAULT_PO_BOX_WORDS) },
			{ displayName: 'Reject Parcel Lockers', name: 'rejectParcelLocker', type: 'boolean', default: false, description: 'Whether parcel locker addresses are hit' },
			{ displayName: 'Parcel Locker Words', name: 'parcelLockerKeywords', type: 'string', default: listText(DEFAULT_PARCEL_LOCKER_WORDS) },
		],
	},
	{
		type: 'unmappedSku',
		displayName: 'Unmapped SKU 未匹配商品',
		fields: [{ displayName: 'Skip Gifts', name: 'skipGifts', type: 'boolean', default: false, description: 'Whether gift lines may stay unmapped' }],
	},
	{
		type: 'unitPriceFloor',
		displayName: 'Unit Price Floor 最低售价',
		fields: [
			{ displayName: 'Minimum Unit Price (Yuan)', name: 'minUnitPrice', type: 'number', typeOptions: { numberPrecision: 2 }, default: 0, description: 'Floor for every line; 0 = only the per-SKU floors' },
			{ displayName: 'Per-SKU Floors', name: 'skuFloors', type: 'string', typeOptions: { rows: 3 }, default: '', placeholder: 'SKU-A=12.5', description: 'One SKU=price per line (master SKU, merchant code or channel SKU ID)' },
			{
				displayName: 'Price Basis',
				name: 'basis',
				type: 'options',
				options: [
					{ name: 'Listed Unit Price', value: 'list' },
					{ name: 'Paid per Unit (After Discounts)', value: 'paid' },
				],
				default: 'paid',
			},
			{ displayName: 'Skip Gifts', name: 'skipGifts', type: 'boolean', default: true, description: 'Whether gift lines are exempt' },
		],
	},
	{
		type: 'amountAbove',
		displayName: 'Amount Above 大额订单',
		fields: [{ displayName: 'Limit (Yuan)', name: 'limit', type: 'number', typeOptions: { numberPrecision: 2 }, default: 5000, description: 'Paid totals above this are hit; the limit itself passes' }],
	},
	{
		type: 'amountBelow',
		displayName: 'Amount Below 小额订单',
		fields: [{ displayName: 'Limit (Yuan)', name: 'limit', type: 'number', typeOptions: { numberPrecision: 2 }, default: 1, description: 'Paid totals below this are hit; the limit itself passes' }],
	},
	{
		type: 'duplicate',
		displayName: 'Duplicate Order 重复下单',
		fields: [
			{ displayName: 'Window (Hours)', name: 'windowHours', type: 'number', default: 24, description: 'An earlier order by the same receiver this many hours before or less counts' },
			{ displayName: 'Same Quantities', name: 'sameQuantities', type: 'boolean', default: false, description: 'Whether quantities must match too, not only the SKUs' },
		],
	},
	{
		type: 'keywords',
		displayName: 'Message Keywords 留言关键词',
		fields: [
			{ displayName: 'Keywords', name: 'keywords', type: 'string', default: '发票, 改地址, 加急', description: 'Comma-separated words in the buyer message or seller memo' },
			{
				displayName: 'Field',
				name: 'field',
				type: 'options',
				options: [
					{ name: 'Both', value: 'both' },
					{ name: 'Buyer Message', value: 'buyerMessage' },
					{ name: 'Seller Memo', value: 'sellerMemo' },
				],
				default: 'both',
			},
			{ displayName: 'Any Text', name: 'anyText', type: 'boolean', default: false, description: 'Whether any non-empty text is hit, keywords or not' },
		],
	},
	{
		type: 'refundRate',
		displayName: 'Refund Rate 退款率',
		fields: [
			{ displayName: 'Max Refund Rate (%)', name: 'maxRefundRatePercent', type: 'number', default: 30, description: 'Customers above this share of refunded orders are hit' },
			{ displayName: 'Minimum Orders', name: 'minOrders', type: 'number', default: 5, description: 'Customers with fewer orders are never judged' },
		],
	},
	{ type: 'stockShortage', displayName: 'Stock Shortage 库存不足', fields: [] },
	{
		type: 'paidRecently',
		displayName: 'Paid Recently 付款冷静期',
		fields: [{ displayName: 'Minutes', name: 'minutes', type: 'number', default: 10, description: 'Orders paid less than this many minutes ago are hit' }],
	},
	{
		type: 'mergeable',
		displayName: 'Merge Candidate 可合单',
		fields: [
			{ displayName: 'Window (Hours)', name: 'windowHours', type: 'number', default: 72, description: 'Orders of the same buyer and address created this close together' },
			{ displayName: 'Include Presale', name: 'includePresale', type: 'boolean', default: false, description: 'Whether presale orders can be merged' },
		],
	},
];

export const auditRulesProperty: INodeProperties = {
	displayName: 'Audit Rules',
	name: 'rules',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Rule',
	default: {},
	description: 'Every hit is collected. Any Block hit: Blocked; else any Hold hit: Held; else Approved (Flag hits never stop an order).',
	options: groups.map(
		(group): INodePropertyCollection => ({ name: group.type, displayName: group.displayName, values: [...common(group.type), ...group.fields] }),
	),
};
