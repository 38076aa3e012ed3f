// What a channel node puts out for each order it read: the unified order (masked by default), the
// channel's raw payload, or both; orders that cannot be normalized go to "Unnormalized" with every problem.
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { NormalizeResult } from '../../lib/channels/core/payload';
import { maskOrder, type UnifiedOrder } from '../../lib/model';
import { takeUpTo } from './listFields';
import type { ItemResult } from './runItems';

export type OrderOutputMode = 'normalized' | 'raw' | 'both';

/** A channel node's outputs: Orders and Unnormalized while an order read normalizes, else one main output. */
export const orderReadOutputs = `={{ $parameter.resource === "order" && ["get", "getMany"].includes($parameter.operation) && $parameter.output !== "raw" ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Orders" }, { type: "${NodeConnectionTypes.Main}", displayName: "Unnormalized" }] : ["${NodeConnectionTypes.Main}"] }}` as const;

export const orderOutputProperty: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	options: [
		{ name: 'Normalized', value: 'normalized', description: 'Unified orders, the same shape for every channel' },
		{ name: 'Raw', value: 'raw', description: "The channel's own order data, unchanged" },
		{ name: 'Both', value: 'both', description: 'Unified orders with the raw data under "raw"' },
	],
	default: 'normalized',
	description: 'Orders that cannot be normalized go to the "Unnormalized" output with every problem found',
};

export const unmaskedReceiverProperty: INodeProperties = {
	displayName: 'Show Full Receiver Details',
	name: 'unmaskedReceiver',
	type: 'boolean',
	default: false,
	description:
		"Whether to output the receiver's phone, name and address as the channel sent them. Off: masked (138****1234), which is safer for logs and chats.",
};

export interface OrderItemJson {
	/** For the main output; absent when the order could not be normalized. */
	order?: IDataObject;
	/** For the "Unnormalized" output. */
	unnormalized?: IDataObject;
}

/** The JSON for one order read from a channel, per output mode. */
export function orderItemJson(
	result: NormalizeResult,
	raw: unknown,
	mode: OrderOutputMode,
	options: { unmaskedReceiver?: boolean; channel: string; extra?: IDataObject } = { channel: '' },
): OrderItemJson {
	if (mode === 'raw') return { order: { ...(raw as IDataObject), ...options.extra } };
	if (!result.ok) {
		return {
			unnormalized: {
				channel: options.channel,
				channelOrderId: result.channelOrderId ?? null,
				problems: result.problems as unknown as IDataObject[],
				summary: result.problems.map((p) => `${p.path}: ${p.message}`).join('; '),
				raw: raw as IDataObject,
				...options.extra,
			},
		};
	}
	const order: UnifiedOrder = options.unmaskedReceiver ? result.order : maskOrder(result.order);
	const json = { ...(order as unknown as IDataObject), ...options.extra };
	if (mode === 'both') json.raw = raw as IDataObject;
	else delete json.raw;
	return { order: json };
}

/** Reads up to `limit` orders (see takeUpTo for `stopAtLimit`) into the Orders and Unnormalized outputs. */
export async function collectOrderItems<T>(
	orders: AsyncIterable<T>,
	limit: number,
	toJson: (raw: T) => OrderItemJson,
	options: { stopAtLimit?: boolean } = {},
): Promise<Required<ItemResult>> {
	const result: Required<ItemResult> = { main: [], unnormalized: [] };
	for (const json of await takeUpTo(orders, limit, toJson, options)) {
		if (json.order) result.main.push(json.order);
		if (json.unnormalized) result.unnormalized.push(json.unnormalized);
	}
	return result;
}
