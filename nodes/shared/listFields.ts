// Fields every channel's operations ask for the same way (an order number, a status filter, a time range,
// Return All and Limit), and the reading of the range and the limit, so each channel only names its own parts.
import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { toIsoWithOffset } from './time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The order number an order operation acts on; the channel names its own example and wording. */
export const buildOrderIdField = (field: { placeholder: string; description: string; displayName?: string }): INodeProperties => ({
	displayName: field.displayName ?? 'Order ID (订单号)',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: field.placeholder,
	description: field.description,
});

/** A status filter of a list, named `status` unless told; `anyValue` ('' unless told) filters nothing and is the default. */
export const statusField = (options: INodePropertyOptions[], field: { name?: string; anyValue?: string } = {}): INodeProperties => ({
	displayName: 'Status',
	name: field.name ?? 'status',
	type: 'options',
	options,
	default: field.anyValue ?? '',
});

const ORDER_TIME_NOTES = {
	created: 'Orders placed in the time range',
	modified: 'Orders that changed in the time range: best for keeping a copy in sync',
};

/** Which time of an order the range applies to: its creation or its last change (the default). */
export const findOrdersByField = (created: string, modified: string, notes = ORDER_TIME_NOTES): INodeProperties => ({
	displayName: 'Find Orders By',
	name: 'timeField',
	type: 'options',
	options: [
		{ name: created, value: 'created', description: notes.created },
		{ name: modified, value: 'modified', description: notes.modified },
	],
	default: 'modified',
});

export const fromField = (description: string): INodeProperties => ({
	displayName: 'From',
	name: 'from',
	type: 'dateTime',
	default: '',
	description: `${description} Empty: 24 hours ago.`,
});

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'dateTime',
	default: '',
	description: 'End of the time range. Empty: now.',
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** The Options collection of a list operation. */
export const optionsCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options,
});

/** How many results item `i` asks for: Infinity with Return All, else its Limit. */
export function readLimit(context: IExecuteFunctions, i: number): number {
	const returnAll = context.getNodeParameter('returnAll', i) as boolean;
	return returnAll ? Infinity : (context.getNodeParameter('limit', i) as number);
}

/**
 * Maps the items of `source` until `limit` are taken. By default the loop ends when the item after the last
 * wanted one arrives (read, not kept); with `stopAtLimit` it ends right after the last wanted one, for
 * sources where each further item costs a call.
 */
export async function takeUpTo<T, R>(source: AsyncIterable<T>, limit: number, map: (item: T) => R, options: { stopAtLimit?: boolean } = {}): Promise<R[]> {
	const taken: R[] = [];
	for await (const item of source) {
		if (!options.stopAtLimit && taken.length >= limit) break;
		taken.push(map(item));
		if (options.stopAtLimit && taken.length >= limit) break;
	}
	return taken;
}

/** The From/To range of item `i` in ISO-8601 with an offset (empty: 24 hours ago / now), and its limit. */
export function readListRange(context: IExecuteFunctions, i: number): { from: string; to: string; limit: number } {
	const now = Date.now();
	const timezone = context.getTimezone();
	return {
		from: toIsoWithOffset(context.getNodeParameter('from', i, ''), timezone, now - DAY_MS),
		to: toIsoWithOffset(context.getNodeParameter('to', i, ''), timezone, now),
		limit: readLimit(context, i),
	};
}
