import type { PollSource } from '../../lib/channels/core/poll';
import type { WechatOrder, WechatShopClient } from '../../lib/channels/wechatShop/client';

/** Update-time windows of full orders; WeChat times are Unix seconds. */
export function wechatPollSource(client: WechatShopClient): PollSource<WechatOrder> {
	return {
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (order) => ({ id: String(order.order_id), createdMs: secondsToMs(order.create_time), updatedMs: secondsToMs(order.update_time) }),
	};
}

function secondsToMs(value: unknown): number | undefined {
	const n = Number(value);
	return value === undefined || value === null || value === '' || !Number.isFinite(n) ? undefined : n * 1000;
}
