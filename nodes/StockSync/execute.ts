// Plan Only outputs what would be pushed; Execute claims a ledger version per push (compare-and-set, so a
// concurrent run cannot take the same one), sends it through the channel's pusher and records the ack.
// A failed push keeps its version unacknowledged, so the next run sends it again.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import type { StockPush } from '../../lib/rules';
import type { OrderStore } from '../../lib/store';
import { errorItemJson } from '../shared/channelErrors';
import { pairedItem } from '../shared/items';
import { storeActor } from '../shared/store';
import { buildPlan, listingKey, selectedChannels, type SyncPlan } from './plan';
import { PUSH_CHANNELS, splitListingId, STOCK_PUSHERS, type PusherOptions, type SendStock } from './pushers';

const pushJson = (push: StockPush, extra: IDataObject): IDataObject => ({ ...(push as unknown as IDataObject), ...extra });

export function brakeMessage(plan: SyncPlan): string {
	return `Stock sync stopped by the brake: ${plan.stats.cuts} of ${plan.stats.live} live listings would drop (${plan.stats.toZero} to zero)`;
}

export async function executeStockSync(ctx: IExecuteFunctions, store: OrderStore): Promise<INodeExecutionData[]> {
	const mode = ctx.getNodeParameter('mode', 0) as string;
	const plan = await buildPlan(ctx, store);
	if (!plan.ready) {
		if (mode === 'plan') {
			return [pairedItem({ brakeTripped: true, reasons: plan.reasons, stats: plan.stats, wouldPush: plan.pushes.length } as IDataObject, 0)];
		}
		throw new NodeOperationError(ctx.getNode(), brakeMessage(plan), {
			description: `${plan.reasons.join('\n')}\nCheck the plan with Mode "Plan Only", then turn on "Confirm Large Changes" to push it.`,
		});
	}
	if (mode === 'plan') return plan.pushes.map((push) => pairedItem(pushJson(push, { status: 'planned' }), 0));

	const actor = storeActor(ctx);
	const { claimed, conflicts } = await store.claimPushVersions(plan.pushes, { actor });
	const out: INodeExecutionData[] = conflicts.map((c) => pairedItem({ ...(c as unknown as IDataObject), status: 'conflict' }, 0));
	const channels = selectedChannels(ctx);
	const options: PusherOptions = { shopifyLocationId: String(ctx.getNodeParameter('shopifyLocationId', 0, '') ?? '').trim() || undefined };
	const acks = [];
	const claimedKeys = new Set(claimed.map(listingKey));
	const toSend = plan.pushes.filter((p) => claimedKeys.has(listingKey(p)));
	// One batch per channel and shop: a channel with a batch stock API sends it in a few calls.
	const results = new Map<StockPush, Error | undefined>();
	const groups = new Map<string, StockPush[]>();
	for (const push of toSend) {
		const key = `${push.channel}\u0000${push.shopId}`;
		groups.set(key, [...(groups.get(key) ?? []), push]);
	}
	const senders = new Map<string, SendStock | Error>();
	for (const pushes of groups.values()) {
		const channel = pushes[0].channel;
		if (!senders.has(channel)) {
			const pusher = channels.includes(channel) ? STOCK_PUSHERS[channel] : undefined;
			senders.set(
				channel,
				pusher ? await pusher.connect(ctx, options).catch((error: Error) => error) : new Error(`No stock pusher for channel ${channel} (supported: ${PUSH_CHANNELS.join(', ')})`),
			);
		}
		const send = senders.get(channel) as SendStock | Error;
		if (send instanceof Error) {
			for (const push of pushes) results.set(push, send);
			continue;
		}
		const targets = pushes.map((push) => {
			const parts = splitListingId(push.channelSkuId);
			return { channelSkuId: parts.skuId, itemId: plan.listingsById.get(listingKey(push))?.itemId ?? parts.itemId, quantity: push.quantity };
		});
		const answers = await send(targets).catch((error: Error) => targets.map(() => error));
		pushes.forEach((push, i) => results.set(push, i < answers.length ? answers[i] : new Error(`The ${channel} pusher gave no answer for listing ${push.channelSkuId}`)));
	}
	for (const push of toSend) {
		const error = results.get(push);
		if (error) {
			out.push(pairedItem(pushJson(push, { status: 'failed', ...errorItemJson(error) }), 0));
			continue;
		}
		acks.push({ channel: push.channel, shopId: push.shopId, channelSkuId: push.channelSkuId, version: push.version });
		out.push(pairedItem(pushJson(push, { status: 'pushed' }), 0));
	}
	await store.ackPushes(acks, { actor });
	return out;
}
