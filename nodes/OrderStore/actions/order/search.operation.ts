import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { AUDIT_DECISIONS, ORDER_STATUSES, REFUND_STATES } from '../../../../lib/model';
import type { OrderSearch, OrderStore, SortField } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { toIsoWithOffset } from '../../../shared/time';
import { channelOptions, eachItem, listOf, outputOrder, readOptions, showFullContactOption } from '../common';

/** The store's largest page. */
const PAGE_SIZE = 1000;

const titleCase = (value: string) => value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
const optionsOf = (values: readonly string[]) => values.map((value) => ({ name: titleCase(value), value }));

const RANGES = [
	['createdFrom', 'Created From', 'createdTo', 'Created Before'],
	['updatedFrom', 'Changed on Channel From', 'updatedTo', 'Changed on Channel Before'],
	['paidFrom', 'Paid From', 'paidTo', 'Paid Before'],
] as const;

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{ displayName: 'Audit Decision', name: 'auditDecision', type: 'multiOptions', options: [...optionsOf(AUDIT_DECISIONS), { name: 'Not Audited Yet', value: 'none' }], default: [] },
			{ displayName: 'Channel', name: 'channel', type: 'multiOptions', options: channelOptions, default: [] },
			...RANGES.flatMap(([from, fromName, to, toName]) => [
				{ displayName: fromName, name: from, type: 'dateTime', default: '' } as INodeProperties,
				{ displayName: toName, name: to, type: 'dateTime', default: '' } as INodeProperties,
			]),
			{ displayName: 'Customer ID', name: 'customerId', type: 'string', default: '' },
			{ displayName: 'Refund State', name: 'refundState', type: 'multiOptions', options: optionsOf(REFUND_STATES), default: [] },
			{ displayName: 'Shop IDs', name: 'shopId', type: 'string', default: '', description: 'One or more shop IDs, comma separated' },
			{ displayName: 'Status', name: 'status', type: 'multiOptions', options: optionsOf(ORDER_STATUSES), default: [] },
			{ displayName: 'Tag', name: 'tag', type: 'string', default: '' },
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				default: '',
				description: 'Part of the order number, buyer, receiver name or phone, product title or SKU',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Sort By',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Changed in Store', value: 'changedAt' },
					{ name: 'Changed on Channel', value: 'updatedAt' },
					{ name: 'Created', value: 'createdAt' },
					{ name: 'Paid (Paid Orders Only)', value: 'paidAt' },
				],
				default: 'createdAt',
			},
			{
				displayName: 'Direction',
				name: 'direction',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
			},
			{ displayName: 'Include Cost and Margin', name: 'withCost', type: 'boolean', default: false, description: 'Whether to add line costs and the margin' },
			showFullContactOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['search'] } }, properties);

export function searchFromFilters(filters: IDataObject, timezone: string, now: number): OrderSearch {
	const search: OrderSearch = {};
	const many = (value: unknown) => listOf(value);
	if (many(filters.channel).length) search.channel = many(filters.channel);
	if (many(filters.shopId).length) search.shopId = many(filters.shopId);
	if (many(filters.status).length) search.status = many(filters.status) as OrderSearch['status'];
	if (many(filters.refundState).length) search.refundState = many(filters.refundState) as OrderSearch['refundState'];
	if (many(filters.auditDecision).length) search.auditDecision = many(filters.auditDecision) as OrderSearch['auditDecision'];
	for (const key of ['customerId', 'tag', 'text'] as const) if (filters[key]) search[key] = String(filters[key]);
	for (const [from, , to] of RANGES) {
		for (const key of [from, to]) if (filters[key]) search[key] = toIsoWithOffset(filters[key], timezone, now);
	}
	return search;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	store: OrderStore,
	access: StoreAccess,
): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'order', operation: 'search' }, async (i) => {
		const returnAll = this.getNodeParameter('returnAll', i, false) === true;
		const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', i, 50)));
		const options = readOptions(this, i);
		const search: OrderSearch = {
			...searchFromFilters(this.getNodeParameter('filters', i, {}) as IDataObject, this.getTimezone(), Date.now()),
			sort: (options.sort as SortField) ?? 'createdAt',
			direction: options.direction === 'asc' ? 'asc' : 'desc',
			withCost: options.withCost === true,
		};
		const found: IDataObject[] = [];
		let cursor: string | undefined;
		do {
			const page = await store.searchOrders({ ...search, cursor, limit: Math.min(PAGE_SIZE, limit - found.length) });
			found.push(...page.orders.map((order) => outputOrder(order, access, options.showFullContact)));
			cursor = page.nextCursor;
		} while (cursor && found.length < limit);
		return found;
	});
}
