// The trigger's settings: how pushes are signed, and where each unified order field sits in the site's JSON.
import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_MAPPING, type PathField } from '../../lib/channels/ownSite/mapping';
import { label } from '../../lib/channels/ownSite/normalize';
import { DEFAULT_SIGNATURE_HEADER, DEFAULT_TIMESTAMP_TOLERANCE_SECONDS } from '../../lib/channels/ownSite/sign';
import { ORDER_STATUSES } from '../../lib/model';
import { orderOutputProperty, unmaskedReceiverProperty } from '../shared/orderOutput';

const PATH_HINT = 'Dotted JSON path, e.g. customer.phone or items[0].sku; empty = not mapped';

function pathField(field: PathField, description: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: label(field),
		name: field,
		type: 'string',
		default: DEFAULT_MAPPING[field],
		description: `${description}. ${PATH_HINT}.`,
		...extra,
	} as INodeProperties;
}

const statusOptions = ORDER_STATUSES.map((status) => ({ name: status, value: status }));

export const signatureProperties: INodeProperties[] = [
	{
		displayName:
			"Point your site's order webhook at the URL below and sign every push with the credential's secret, as the docs page shows (HMAC of the raw body)",
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: DEFAULT_SIGNATURE_HEADER,
		required: true,
		description: 'The request header that carries the signature',
	},
	{
		displayName: 'Algorithm',
		name: 'algorithm',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA1', value: 'sha1' },
			{ name: 'HMAC-SHA256', value: 'sha256' },
			{ name: 'HMAC-SHA512', value: 'sha512' },
		],
		default: 'sha256',
	},
	{
		displayName: 'Encoding',
		name: 'encoding',
		type: 'options',
		options: [
			{ name: 'Hex', value: 'hex', description: 'Lower or upper case' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'hex',
		description: 'How the site writes the HMAC digest in the header',
	},
	{
		displayName: 'Signature Prefix',
		name: 'signaturePrefix',
		type: 'string',
		default: '',
		placeholder: 'e.g. sha256=',
		description: 'Text the site puts before the digest in the header; empty for none',
	},
	{
		displayName: 'Timestamp Header',
		name: 'timestampHeader',
		type: 'string',
		default: '',
		placeholder: 'e.g. X-Timestamp',
		description:
			'A header with the Unix time (seconds) of the push. When set, the site signs "<timestamp>.<body>" instead of the body, and pushes outside the tolerance are refused as replays. Empty: off.',
	},
	{
		displayName: 'Timestamp Tolerance (Seconds)',
		name: 'timestampTolerance',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
		description: 'Pushes whose timestamp is further than this from now (either way) are refused',
		displayOptions: { hide: { timestampHeader: [''] } },
	},
];

export const mappingProperties: INodeProperties[] = [
	{
		displayName: 'Orders Path',
		name: 'ordersPath',
		type: 'string',
		default: DEFAULT_MAPPING.ordersPath,
		placeholder: 'e.g. data.orders',
		description: 'Where the order list sits when the site wraps it in an envelope. Empty: the body is one order or an array of orders.',
	},
	{
		displayName: 'Field Mapping',
		name: 'mapping',
		type: 'fixedCollection',
		placeholder: 'Add Field Group',
		default: {},
		description: 'Where each unified order field sits in one order of your site. Fields you do not open keep the defaults shown on the docs page.',
		options: [
			{
				displayName: 'Order',
				name: 'order',
				values: [
					pathField('channelOrderId', "The site's order number; kept as exact text"),
					pathField('shopId', 'A field naming the shop, for sites that run several; most leave this empty and set the default'),
					{
						displayName: 'Default Shop ID',
						name: 'defaultShopId',
						type: 'string',
						default: DEFAULT_MAPPING.defaultShopId,
						placeholder: 'e.g. shop.example.com',
						description: 'Names the shop in unified order ids when no shop ID field is mapped; keep it stable',
					},
					pathField('status', "The site's order status; its values are turned into unified statuses by Status Values"),
					{
						displayName: 'Default Status',
						name: 'defaultStatus',
						type: 'options',
						options: [{ name: '(None: Missing Status Is a Problem)', value: '' }, ...statusOptions],
						default: DEFAULT_MAPPING.defaultStatus,
						description: 'The status of an order whose status field is missing or empty',
					},
					pathField('createdAt', 'When the order was placed'),
					pathField('updatedAt', 'When it last changed; defaults to Created At'),
					pathField('paidAt', 'When it was paid'),
					{
						displayName: 'Time Format',
						name: 'timeFormat',
						type: 'options',
						options: [
							{ name: 'Auto', value: 'auto', description: 'Date-time text, or Unix seconds / milliseconds as numbers' },
							{ name: 'Date-Time Text', value: 'text', description: '2024-05-01 12:30:00 (Beijing time) or ISO 8601 with an offset' },
							{ name: 'Unix Seconds', value: 'epoch_seconds' },
							{ name: 'Unix Milliseconds', value: 'epoch_millis' },
						],
						default: DEFAULT_MAPPING.timeFormat,
						description: 'Times without an offset are read as Beijing time (+08:00)',
					},
					pathField('currency', 'ISO 4217 code such as CNY'),
					{
						displayName: 'Default Currency',
						name: 'defaultCurrency',
						type: 'string',
						default: DEFAULT_MAPPING.defaultCurrency,
						description: 'Used when the currency field is not mapped or empty',
					},
					pathField('buyerMessage', "The buyer's note to the seller"),
				],
			},
			{
				displayName: 'Amounts',
				name: 'amounts',
				values: [
					{
						displayName: 'Amount Unit',
						name: 'amountUnit',
						type: 'options',
						options: [
							{ name: 'Yuan (Decimal, e.g. 12.30)', value: 'yuan' },
							{ name: 'Fen (Integer, e.g. 1230)', value: 'fen' },
						],
						default: DEFAULT_MAPPING.amountUnit,
						description: 'How the site writes every amount, order and lines alike',
					},
					pathField('totalAmount', 'Goods total before discounts; when empty, paid - shipping + discount'),
					pathField('paidAmount', 'What the buyer paid for the whole order, shipping included (required)'),
					pathField('shippingFee', 'Shipping charged to the buyer; 0 when empty'),
					pathField('discountAmount', 'Order discount; 0 when empty'),
				],
			},
			{
				displayName: 'Buyer and Receiver',
				name: 'people',
				values: [
					pathField('buyerId', "The buyer's account id on the site"),
					pathField('buyerNick', "The buyer's display name"),
					pathField('receiverName', 'Receiver name'),
					pathField('receiverPhone', 'Receiver phone'),
					pathField('receiverProvince', 'Province'),
					pathField('receiverCity', 'City'),
					pathField('receiverDistrict', 'District'),
					pathField('receiverAddress', 'Street address'),
					pathField('receiverPostcode', 'Postcode'),
				],
			},
			{
				displayName: 'Lines',
				name: 'lines',
				values: [
					pathField('linesPath', 'The array of order lines inside one order; the paths below are relative to one line'),
					pathField('lineId', 'Line id; when empty, lines are numbered 1, 2, 3 in the order they come'),
					pathField('lineSkuId', "The site's SKU id"),
					pathField('lineMerchantCode', 'Merchant code (商家编码) that matches your master SKUs'),
					pathField('lineTitle', 'Product title'),
					pathField('lineQuantity', 'Quantity'),
					pathField('lineUnitPrice', 'Unit price'),
					pathField('linePaidAmount', 'What the buyer paid for the line; when empty, unit price × quantity'),
				],
			},
		],
	},
	{
		displayName: 'Status Values',
		name: 'statusMap',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Status Value',
		default: {},
		description: "Turns the site's status values into unified statuses. A value that already is a unified status (paid, shipped...) needs no entry.",
		options: [
			{
				displayName: 'Value',
				name: 'values',
				values: [
					{ displayName: 'Site Value', name: 'raw', type: 'string', default: '', placeholder: 'e.g. 2 or wait_ship' },
					{ displayName: 'Unified Status', name: 'status', type: 'options', options: statusOptions, default: 'paid' },
				],
			},
		],
	},
	orderOutputProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [unmaskedReceiverProperty] },
];
