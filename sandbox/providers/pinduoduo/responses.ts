// One handler per gateway API: read parameters, ask the backend, shape the members under the root key.
import { arrayText } from '../../core/envelope';
import { MINUTE_MS, DAY_MS } from '../../core/time';
import { businessError, invalidParameter } from './exceptions';
import type { PddApi, PddCall } from './gateway';
import type { OrderQuery, PddBackend } from './models';
import { digits, integer, required, seconds } from './params';
import { PDD_LOGISTICS_IDS, orderJson, pddOrderStatus, renderGoods, renderOrder, renderRefund } from './render';

/** Limits the real API enforces (channels.md §6.4, §6.5). */
export const PDD_LIMITS = {
	maxPageSize: 100,
	/** increment APIs: end_updated_at - start_updated_at. */
	incrementMaxWindowS: (30 * MINUTE_MS) / 1000,
	/** pdd.order.list.get: end_confirm_at - start_confirm_at. */
	listMaxWindowS: DAY_MS / 1000,
};

function paging(call: PddCall) {
	const page = integer(call.params, 'page', 1, 1, 1_000_000);
	const pageSize = integer(call.params, 'page_size', PDD_LIMITS.maxPageSize, 1, PDD_LIMITS.maxPageSize);
	return { page, pageSize, start: (page - 1) * pageSize };
}

function window(call: PddCall, startName: string, endName: string, maxS: number) {
	const start = seconds(call.params, startName);
	const end = seconds(call.params, endName);
	if (end < start) throw invalidParameter(endName, `${endName} must not be earlier than ${startName}`);
	if (end - start > maxS) throw invalidParameter(endName, `查询时间跨度不能超过${maxS / 60}分钟`);
	return { start, end };
}

export function pinduoduoApis(backend: PddBackend): Record<string, PddApi> {
	const filters = (call: PddCall) => ({
		orderStatus: integer(call.params, 'order_status', 5, 1, 5),
		refundStatus: integer(call.params, 'refund_status', 5, 1, 5),
	});

	const orderPage = (call: PddCall, query: OrderQuery, listKey: string) => {
		const rows = backend.queryOrders(query);
		const { start, pageSize } = paging(call);
		const slice = rows.slice(start, start + pageSize);
		return { total_count: rows.length, has_next: start + pageSize < rows.length, [listKey]: arrayText(slice.map(orderJson)) };
	};

	return {
		'pdd.order.number.list.increment.get': {
			responseKey: 'order_sn_increment_get_response',
			needsToken: true,
			handle: (call) => {
				const { start, end } = window(call, 'start_updated_at', 'end_updated_at', PDD_LIMITS.incrementMaxWindowS);
				return orderPage(call, { shopId: call.shopId, by: 'updated', start, end, ...filters(call) }, 'order_sn_list');
			},
		},
		'pdd.order.list.get': {
			responseKey: 'order_list_get_response',
			needsToken: true,
			handle: (call) => {
				const { start, end } = window(call, 'start_confirm_at', 'end_confirm_at', PDD_LIMITS.listMaxWindowS);
				return orderPage(call, { shopId: call.shopId, by: 'confirmed', start, end, ...filters(call) }, 'order_list');
			},
		},
		'pdd.order.information.get': {
			responseKey: 'order_info_get_response',
			needsToken: true,
			handle: (call) => {
				const sn = required(call.params, 'order_sn');
				const snap = backend.order(call.shopId, sn);
				if (!snap) throw businessError(`订单不存在: ${sn}`);
				return { order_info: renderOrder(snap) };
			},
		},
		'pdd.logistics.online.send': {
			responseKey: 'logistics_online_send_response',
			needsToken: true,
			handle: (call) => {
				const sn = required(call.params, 'order_sn');
				const logisticsId = digits(call.params, 'logistics_id');
				const trackingNumber = required(call.params, 'tracking_number');
				const snap = backend.order(call.shopId, sn);
				if (!snap) throw businessError(`订单不存在: ${sn}`);
				if (pddOrderStatus(snap) !== '1' || snap.status === 'cancelled') throw businessError(`订单状态不允许发货: ${sn}`);
				if (backend.ship(call.shopId, snap, logisticsId, trackingNumber) === 'unknown_company') throw businessError(`物流公司不存在: ${logisticsId}`);
				return { is_success: true };
			},
		},
		// Not in the spec: the seller note API and its `response` root key as SDK ports show them.
		'pdd.order.note.update': {
			responseKey: 'response',
			needsToken: true,
			handle: (call) => {
				const sn = required(call.params, 'order_sn');
				const note = required(call.params, 'note');
				const tag = call.params.tag ? integer(call.params, 'tag', 0, 1, 5) : undefined;
				if ((tag === undefined) !== !call.params.tag_name) throw invalidParameter('tag_name', 'tag 与 tag_name 须同时填写或同时不填');
				const snap = backend.order(call.shopId, sn);
				if (!snap) throw businessError(`订单不存在: ${sn}`);
				backend.updateMemo(call.shopId, snap, note, tag);
				return { success: true };
			},
		},
		'pdd.logistics.companies.get': {
			responseKey: 'logistics_companies_get_response',
			needsToken: false,
			handle: () => ({
				logistics_companies: Object.entries(PDD_LOGISTICS_IDS).map(([code, id]) => ({ id: Number(id), logistics_company: code, code: code.toUpperCase(), available: 1 })),
			}),
		},
		'pdd.goods.quantity.update': {
			responseKey: 'goods_quantity_update_response',
			needsToken: true,
			handle: (call) => {
				const goodsId = digits(call.params, 'goods_id');
				const quantity = integer(call.params, 'quantity', NaN, -999_999, 999_999);
				if (Number.isNaN(quantity)) required(call.params, 'quantity');
				const type = integer(call.params, 'update_type', 1, 1, 2) as 1 | 2;
				if (type === 1 && quantity < 0) throw invalidParameter('quantity', '全量更新时库存不能为负数');
				const item = backend.items(call.shopId).find((i) => i.itemId === goodsId);
				if (!item) throw businessError(`商品不存在: ${goodsId}`);
				const sku = call.params.sku_id
					? item.skus.find((s) => s.skuId === call.params.sku_id)
					: item.skus.find((s) => call.params.outer_id !== undefined && s.outerId === call.params.outer_id);
				if (!call.params.sku_id && !call.params.outer_id) throw invalidParameter('sku_id', 'sku_id 与 outer_id 至少填一个');
				if (!sku) throw businessError(`SKU不存在: ${call.params.sku_id ?? call.params.outer_id}`);
				backend.updateQuantity(call.shopId, item, sku.skuId, quantity, type);
				return { is_success: true };
			},
		},
		'pdd.goods.list.get': {
			responseKey: 'goods_list_get_response',
			needsToken: true,
			handle: (call) => {
				const items = backend.items(call.shopId);
				const { start, pageSize } = paging(call);
				return { total_count: items.length, goods_list: items.slice(start, start + pageSize).map(renderGoods) };
			},
		},
		'pdd.refund.list.increment.get': {
			responseKey: 'refund_increment_get_response',
			needsToken: true,
			handle: (call) => {
				const { start, end } = window(call, 'start_updated_at', 'end_updated_at', PDD_LIMITS.incrementMaxWindowS);
				const rows = backend.queryRefunds(call.shopId, start, end);
				const { start: offset, pageSize } = paging(call);
				return { total_count: rows.length, refund_list: rows.slice(offset, offset + pageSize).map(({ refund, snap }) => renderRefund(refund, snap)) };
			},
		},
		'pdd.refund.information.get': {
			responseKey: 'refund_information_get_response',
			needsToken: true,
			handle: (call) => {
				const id = digits(call.params, 'after_sales_id');
				const found = backend.refund(call.shopId, id);
				if (!found || found.snap.order.channelOrderId !== required(call.params, 'order_sn')) throw businessError(`售后单不存在: ${id}`);
				return renderRefund(found.refund, found.snap);
			},
		},
		'pdd.pop.auth.token.refresh': {
			responseKey: 'pop_auth_token_refresh_response',
			needsToken: false,
			handle: (call) => {
				const token = backend.refreshToken(call.app.appKey, required(call.params, 'refresh_token'));
				if (!token) throw invalidParameter('refresh_token', 'refresh_token无效或已过期');
				const now = backend.world.clock.now();
				const shop = backend.world.registry.shop('pinduoduo', token.shopId);
				return {
					access_token: token.token,
					refresh_token: token.refreshToken,
					expires_in: Math.floor((token.expiresAt - now) / 1000),
					expires_at: Math.floor(token.expiresAt / 1000),
					refresh_token_expires_in: Math.floor((token.expiresAt - now) / 1000),
					owner_id: token.shopId,
					owner_name: shop?.name ?? token.shopId,
					scope: ['pdd.order.list.get', 'pdd.order.number.list.increment.get'],
				};
			},
		},
	};
}
