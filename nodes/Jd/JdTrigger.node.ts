import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { pollOrders, type EventFilter, type PollSource, type PollState } from '../../lib/channels/core/poll';
import type { JdClient, JdOrderInfo } from '../../lib/channels/jd/client';
import { normalizeJdOrder } from '../../lib/channels/jd/normalize';
import { isoFromMillis, parseChannelTime, toEpochMillis } from '../../lib/model';
import { channelNodeError } from '../shared/channelErrors';
import { orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../shared/orderOutput';
import { toIsoWithOffset } from '../shared/time';
import { jdClient } from './transport';

const MINUTE_MS = 60_000;
/** How far back the manual "Fetch Test Event" sample looks: one JD order-search window. */
const SAMPLE_LOOKBACK_MS = 30 * 24 * 60 * MINUTE_MS;

interface TriggerOptions {
	overlapMinutes?: number;
	startFrom?: string;
	sampleSize?: number;
	unmaskedReceiver?: boolean;
}

export class JdTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JD Trigger 京东',
		name: 'jdTrigger',
		icon: { light: 'file:../../icons/jd.svg', dark: 'file:../../icons/jd.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Starts the workflow when JD orders are paid or change (polls JOS)',
		defaults: { name: 'JD Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Orders', 'Unnormalized'],
		credentials: [{ name: 'jdApi', required: true }],
		properties: [
			{
				displayName: 'Trigger On',
				name: 'event',
				type: 'options',
				options: [
					{ name: 'New Orders', value: 'new', description: 'Orders placed since the last check, each once (JD lists orders once they are paid)' },
					{ name: 'New or Updated Orders', value: 'all', description: 'Every change: new orders, shipments, completions, cancellations' },
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
						description: 'Each check re-reads this much of the previous one, so orders JD records late are not missed; repeats are dropped',
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
		const client = await jdClient(this);
		const now = Date.now();
		let orders: JdOrderInfo[];
		try {
			orders = this.getMode() === 'manual' ? await sample(client, now, options) : await pollChanges.call(this, client, now, event, options);
		} catch (error) {
			throw channelNodeError(this.getNode(), error);
		}
		if (orders.length === 0) {
			if (this.getMode() !== 'manual') return null;
			throw new NodeOperationError(this.getNode(), 'No JD orders in the last 30 days to show as a sample', {
				description: 'The trigger still works once activated: it starts with orders paid or changed after activation.',
			});
		}
		const outputs: INodeExecutionData[][] = [[], []];
		for (const info of orders) {
			const result = normalizeJdOrder(info, { shopId: client.shopId });
			const json = orderItemJson(result, info, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'jd' });
			if (json.order) outputs[0].push({ json: json.order });
			if (json.unnormalized) outputs[1].push({ json: json.unnormalized });
		}
		return outputs;
	}
}

/** The latest orders by creation time, one call, without touching the watermark. */
async function sample(client: JdClient, now: number, options: TriggerOptions): Promise<JdOrderInfo[]> {
	const size = options.sampleSize ?? 3;
	const query = { by: 'created', from: isoFromMillis(now - SAMPLE_LOOKBACK_MS), to: isoFromMillis(now), pageSize: size, newestFirst: true } as const;
	const orders: JdOrderInfo[] = [];
	for await (const info of client.listOrders(query)) {
		orders.push(info);
		if (orders.length >= size) break;
	}
	return orders;
}

async function pollChanges(this: IPollFunctions, client: JdClient, now: number, events: EventFilter, options: TriggerOptions): Promise<JdOrderInfo[]> {
	const state = this.getWorkflowStaticData('node') as PollState & IDataObject;
	const source: PollSource<JdOrderInfo> = {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) {
				yield { to: window.to, orders };
			}
		},
		identify: (info) => ({ id: String(info.orderId), createdMs: epochOf(info.orderStartTime), updatedMs: epochOf(info.modified) }),
	};
	const outcome = await pollOrders(state, source, {
		nowMs: now,
		overlapMs: (options.overlapMinutes ?? 2) * MINUTE_MS,
		events,
		startFrom: options.startFrom ? toIsoWithOffset(options.startFrom, this.getTimezone(), now) : undefined,
		budgetMs: typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() * 0.8 : undefined,
	});
	state.watermark = outcome.state.watermark;
	state.seen = outcome.state.seen;
	if (outcome.stoppedBy) {
		const reason = outcome.stoppedBy instanceof Error ? outcome.stoppedBy.message : String(outcome.stoppedBy);
		this.logger.warn(`JD Trigger: stopped at ${state.watermark}; the rest is read next time (${reason})`);
	}
	return outcome.emitted.map((e) => e.order);
}

function epochOf(value: unknown): number | undefined {
	try {
		return toEpochMillis(parseChannelTime(value, 'shanghai_local'));
	} catch {
		return undefined;
	}
}
