import type { PollSource } from '../../lib/channels/core/poll';
import type { DouyinClient, DouyinOrder } from '../../lib/channels/douyin/client';

/** Update-time windows of whole orders (order.searchList carries them); Douyin times are Unix seconds. */
export function douyinPollSource(client: DouyinClient): PollSource<DouyinOrder> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (order) => ({ id: String(order.order_id), createdMs: epochMs(order.create_time), updatedMs: epochMs(order.update_time) }),
	};
}

function epochMs(value: unknown): number | undefined {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n) || n <= 0 ? undefined : n * 1000;
}
