import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { pollOrders, type EventFilter, type PollState } from '../../lib/channels/core/poll';
import type { XhsClient, XhsOrder } from '../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../lib/channels/xiaohongshu/codes';
import { normalizeXhsOrder } from '../../lib/channels/xiaohongshu/normalize';
import { isoFromMillis } from '../../lib/model';
import { channelNodeError } from '../shared/channelErrors';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../shared/orderOutput';
import { toIsoWithOffset } from '../shared/time';
import { xhsPollSource } from './pollSource';
import { xhsClient } from './transport';

const MINUTE_MS = 60_000;
/** How far back the manual "Fetch Test Event" sample looks (one creation-time window). */
const SAMPLE_LOOKBACK_MS = 24 * 60 * MINUTE_MS;

interface TriggerOptions {
	overlapMinutes?: number;
	startFrom?: string;
	sampleSize?: number;
	unmaskedReceiver?: boolean;
}

export class XiaohongshuTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Xiaohongshu Trigger 小红书',
		name: 'xiaohongshuTrigger',
		icon: { light: 'file:../../icons/xiaohongshu.svg', dark: 'file:../../icons/xiaohongshu.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when Xiaohongshu orders are placed or change (polls the order list by update time)',
		defaults: { name: 'Xiaohongshu Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Orders', 'Unnormalized'],
		credentials: [{ name: 'xiaohongshuApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Orders', value: 'new', description: 'Orders placed since the last check, each once' },
					{ name: 'New or Updated Orders', value: 'all', description: 'Every change: new orders, payments, shipments, cancellations' },
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
						description: 'Each check re-reads this much of the previous one, so orders Xiaohongshu records late are not missed; repeats are dropped',
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
					unmaskedReceiverProperty,
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'new') as EventFilter;
		const mode = this.getNodeParameter('output', 'normalized') as OrderOutputMode;
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const client = await xhsClient(this);
		const now = Date.now();
		let orders: XhsOrder[];
		try {
			orders = this.getMode() === 'manual' ? await sample(client, now, options) : await pollChanges.call(this, client, now, event, options);
		} catch (error) {
			throw channelNodeError(this.getNode(), error);
		}
		if (orders.length === 0) {
			if (this.getMode() !== 'manual') return null;
			throw new NodeOperationError(this.getNode(), 'No Xiaohongshu orders in the last 24 hours to show as a sample', {
				description: 'The trigger still works once activated: it starts with orders placed or changed after activation.',
			});
		}
		const outputs: INodeExecutionData[][] = [[], []];
		for (const order of orders) {
			const result = normalizeXhsOrder(order, { shopId: client.shopId });
			const json = orderItemJson(result, order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: CHANNEL });
			if (json.order) outputs[0].push({ json: json.order });
			if (json.unnormalized) outputs[1].push({ json: json.unnormalized });
		}
		return outputs;
	}
}

/** The latest orders by creation time (one list page, one detail each), without touching the watermark. */
async function sample(client: XhsClient, now: number, options: TriggerOptions): Promise<XhsOrder[]> {
	const size = options.sampleSize ?? 3;
	const orders: XhsOrder[] = [];
	const query = { by: 'created', from: isoFromMillis(now - SAMPLE_LOOKBACK_MS), to: isoFromMillis(now), pageSize: size } as const;
	for await (const order of client.listOrders(query)) {
		orders.push(order);
		if (orders.length >= size) break;
	}
	return orders;
}

async function pollChanges(
	this: IPollFunctions,
	client: XhsClient,
	now: number,
	events: EventFilter,
	options: TriggerOptions,
): Promise<XhsOrder[]> {
	const state = this.getWorkflowStaticData('node') as PollState & IDataObject;
	const outcome = await pollOrders(state, xhsPollSource(client), {
		nowMs: now,
		overlapMs: (options.overlapMinutes ?? 2) * MINUTE_MS,
		events,
		startFrom: options.startFrom ? toIsoWithOffset(options.startFrom, this.getTimezone(), now) : undefined,
		budgetMs: typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() * 0.8 : undefined,
	});
	// Details only for what is emitted, so orders seen again in the overlap cost nothing; the watermark
	// moves only after every detail was read, so a failed read means reading again, never losing.
	const orders: XhsOrder[] = [];
	for (const { order } of outcome.emitted) orders.push(await client.getOrder(String(order.orderId)));
	state.watermark = outcome.state.watermark;
	state.seen = outcome.state.seen;
	if (outcome.stoppedBy) {
		const reason = outcome.stoppedBy instanceof Error ? outcome.stoppedBy.message : String(outcome.stoppedBy);
		this.logger.warn(`Xiaohongshu Trigger: stopped at ${state.watermark}; the rest is read next time (${reason})`);
	}
	return orders;
}
