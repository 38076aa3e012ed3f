import type { JsonObject } from '../../lib/channels/core/formGateway';
import type { PollSource } from '../../lib/channels/core/poll';
import type { XhsClient } from '../../lib/channels/xiaohongshu/client';

/** Update-time windows (30 min, last page first) of order summaries; XHS order times are epoch ms. */
export function xhsPollSource(client: XhsClient): PollSource<JsonObject> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderSummaries({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (order) => ({ id: String(order.orderId), createdMs: epochMs(order.createdTime), updatedMs: epochMs(order.updateTime) }),
	};
}

function epochMs(value: unknown): number | undefined {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n) || n <= 0 ? undefined : n;
}
