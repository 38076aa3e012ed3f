// One polling trigger for every sales channel: the description (event, output, options) and the poll
// itself (watermark in static data, overlap, sample in manual mode). A channel supplies only what
// differs: its client, how to list orders, how to tell their ids and times, and how to normalize them.
import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { NormalizeResult } from '../../lib/channels/core/payload';
import { pollOrders, type EventFilter, type PollSource, type PollState } from '../../lib/channels/core/poll';
import { isoFromMillis, parseChannelTime, toEpochMillis, type ChannelId } from '../../lib/model';
import { channelNodeError } from './channelErrors';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from './orderOutput';
import { toIsoWithOffset } from './time';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

export interface PollTriggerOptions extends IDataObject {
	overlapMinutes?: number;
	startFrom?: string;
	sampleSize?: number;
	unmaskedReceiver?: boolean;
}

export interface SampleQuery {
	by: 'created';
	from: string;
	to: string;
	pageSize: number;
}

export interface ChannelPoll<Client extends { shopId: string }, Listed, Order = Listed> {
	channel: ChannelId;
	/** The channel's name as operators know it, for messages and logs ("Taobao", "JD"). */
	label: string;
	/** How far back "Fetch Test Event" looks: usually one of the channel's list windows. */
	sampleDays: number;
	client(context: IPollFunctions): Promise<Client>;
	/** The latest orders by creation time; the trigger keeps the first `pageSize`. */
	sample(client: Client, query: SampleQuery, options: PollTriggerOptions): AsyncIterable<Order>;
	/** Update-time windows of orders, as the watermark engine reads them. */
	source(client: Client, options: PollTriggerOptions): PollSource<Listed>;
	/** Full orders for what the poll emits (detail calls where lists are summaries). Default: as listed. */
	complete?(client: Client, listed: Listed[]): Promise<Order[]>;
	normalize(order: Order, options: { shopId: string }): NormalizeResult;
}

/** Epoch ms of a channel time without a zone (Beijing wall clock); undefined when it cannot be read, so it counts as changed now. */
export function shanghaiLocalMs(value: unknown): number | undefined {
	try {
		return toEpochMillis(parseChannelTime(value, 'shanghai_local'));
	} catch {
		return undefined;
	}
}

/**
 * A poll source for channels that filter by any change-time range (Shopify, WooCommerce): one window covers
 * the whole gap since the watermark, and the channel's cursor or page numbers walk it.
 */
export function wholeRangeSource<T>(listChanged: (from: string, to: string) => AsyncIterable<T>, identify: PollSource<T>['identify']): PollSource<T> {
	return {
		async *windows(from, to) {
			const orders: T[] = [];
			for await (const order of listChanged(from, to)) orders.push(order);
			yield { to, orders };
		},
		identify,
	};
}

export interface PollTriggerShape {
	/** The channel's name in option descriptions ("Taobao"). */
	label: string;
	/** What "New Orders" and "New or Updated Orders" mean on this channel. */
	newDescription?: string;
	allDescription?: string;
	/** Channel-specific entries of the Options collection. */
	extraOptions?: INodeProperties[];
}

type SharedDescription = Omit<INodeTypeDescription, 'displayName' | 'name' | 'icon' | 'description' | 'subtitle' | 'defaults' | 'credentials'>;

/** Everything of a polling trigger's description but what the lint rules want written out in the node (name, icon, description, subtitle, defaults, credential). */
export function pollTriggerShape(spec: PollTriggerShape): SharedDescription {
	return {
		group: ['trigger'],
		version: 1,
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Orders', 'Unnormalized'],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Orders', value: 'new', description: spec.newDescription ?? 'Orders placed since the last check, each once' },
					{
						name: 'New or Updated Orders',
						value: 'all',
						description: spec.allDescription ?? 'Every change: new orders, payments, shipments, closures',
					},
					{ name: 'Updated Orders', value: 'updated', description: 'Changes to orders placed earlier' },
				],
				default: 'new',
			},
			orderOutputProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 2,
						description: `Each check re-reads this much of the previous one, so orders ${spec.label} records late are not missed; repeats are dropped`,
					},
					{
						displayName: 'Sample Size',
						name: 'sampleSize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 100 },
						default: 3,
						description: 'How many of the latest orders "Fetch Test Event" shows',
					},
					{
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description: 'On the first check after activation, also deliver orders changed since this time. Empty: start from the activation.',
					},
					...(spec.extraOptions ?? []),
					unmaskedReceiverProperty,
				],
			},
		],
	};
}

/** The body of every channel trigger's `poll()`. */
export async function pollChannel<Client extends { shopId: string }, Listed, Order>(
	context: IPollFunctions,
	channel: ChannelPoll<Client, Listed, Order>,
): Promise<INodeExecutionData[][] | null> {
	const event = context.getNodeParameter('event', 'new') as EventFilter;
	const mode = context.getNodeParameter('output', 'normalized') as OrderOutputMode;
	const options = context.getNodeParameter('options', {}) as PollTriggerOptions;
	const client = await channel.client(context);
	const now = Date.now();
	const manual = context.getMode() === 'manual';
	let orders: Order[];
	try {
		orders = manual ? await sample(channel, client, now, options) : await pollChanges(context, channel, client, now, event, options);
	} catch (error) {
		throw channelNodeError(context.getNode(), error);
	}
	if (orders.length === 0) {
		if (!manual) return null;
		const period = channel.sampleDays === 1 ? '24 hours' : `${channel.sampleDays} days`;
		throw new NodeOperationError(context.getNode(), `No ${channel.label} orders in the last ${period} to show as a sample`, {
			description: 'The trigger still works once activated: it starts with orders placed or changed after activation.',
		});
	}
	const outputs: INodeExecutionData[][] = [[], []];
	for (const order of orders) {
		const result = channel.normalize(order, { shopId: client.shopId });
		const json = orderItemJson(result, order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: channel.channel });
		if (json.order) outputs[0].push({ json: json.order });
		if (json.unnormalized) outputs[1].push({ json: json.unnormalized });
	}
	return outputs;
}

/** The latest orders by creation time, without touching the watermark. */
async function sample<Client extends { shopId: string }, Listed, Order>(
	channel: ChannelPoll<Client, Listed, Order>,
	client: Client,
	now: number,
	options: PollTriggerOptions,
): Promise<Order[]> {
	const size = options.sampleSize ?? 3;
	const query: SampleQuery = { by: 'created', from: isoFromMillis(now - channel.sampleDays * DAY_MS), to: isoFromMillis(now), pageSize: size };
	const orders: Order[] = [];
	for await (const order of channel.sample(client, query, options)) {
		orders.push(order);
		if (orders.length >= size) break;
	}
	return orders;
}

async function pollChanges<Client extends { shopId: string }, Listed, Order>(
	context: IPollFunctions,
	channel: ChannelPoll<Client, Listed, Order>,
	client: Client,
	now: number,
	events: EventFilter,
	options: PollTriggerOptions,
): Promise<Order[]> {
	const state = context.getWorkflowStaticData('node') as PollState & IDataObject;
	const outcome = await pollOrders(state, channel.source(client, options), {
		nowMs: now,
		overlapMs: (options.overlapMinutes ?? 2) * MINUTE_MS,
		events,
		startFrom: options.startFrom ? toIsoWithOffset(options.startFrom, context.getTimezone(), now) : undefined,
		budgetMs: typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() * 0.8 : undefined,
	});
	const listed = outcome.emitted.map((e) => e.order);
	// Completed before the watermark moves: a failed detail read means reading again, never losing.
	const orders = channel.complete ? await channel.complete(client, listed) : (listed as unknown as Order[]);
	state.watermark = outcome.state.watermark;
	state.seen = outcome.state.seen;
	if (outcome.stoppedBy) {
		const reason = outcome.stoppedBy instanceof Error ? outcome.stoppedBy.message : String(outcome.stoppedBy);
		context.logger.warn(`${channel.label} Trigger: stopped at ${state.watermark}; the rest is read next time (${reason})`);
	}
	return orders;
}
