// What the Pinduoduo Trigger gives the shared polling builder: its client, the increment list as
// complete 30-minute windows (each walked last page first), and how to tell an order's id and times.
import type { PollSource } from '../../lib/channels/core/poll';
import type { PddOrder, PinduoduoClient } from '../../lib/channels/pinduoduo/client';
import { normalizePinduoduoOrder } from '../../lib/channels/pinduoduo/normalize';
import { shanghaiLocalMs, type ChannelPoll } from '../shared/pollTrigger';
import { pinduoduoClient } from './transport';

/** The update-time windows the watermark engine reads; a window is yielded only once all its pages are in. */
export function pinduoduoPollSource(client: PinduoduoClient): PollSource<PddOrder> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		// An order appears once it is confirmed (paid and grouped), so that is when it counts as new.
		identify: (order) => ({
			id: String(order.order_sn),
			createdMs: shanghaiLocalMs(order.confirm_time) ?? shanghaiLocalMs(order.created_time),
			updatedMs: shanghaiLocalMs(order.updated_at),
		}),
	};
}

export const pinduoduoPoll: ChannelPoll<PinduoduoClient, PddOrder> = {
	channel: 'pinduoduo',
	label: 'Pinduoduo',
	// One confirm-time list window.
	sampleDays: 1,
	client: pinduoduoClient,
	sample: (client, query) => client.listOrders(query),
	source: (client) => pinduoduoPollSource(client),
	normalize: normalizePinduoduoOrder,
};
