// One handler per JOS method: read 360buy_param_json, ask the backend, shape `<method>_responce`.
import { Rng } from '../../core/rng';
import { Prerendered, arrayText } from '../../core/envelope';
import { DAY_MS } from '../../core/time';
import { invalidParameter, orderNotFound, orderStateNotAllowed, skuNotFound, unknownCarrier } from './exceptions';
import type { JosCall, JosMethod } from './gateway';
import type { JdBackend } from './models';
import { integer, longId, optional, required, time } from './params';
import {
	JD_ORDER_STATES,
	carrierByJdId,
	jdOrderState,
	orderInfoJson,
	parseOptionalFields,
	refundApplyStatus,
	renderRefundApply,
	renderSku,
} from './render';

/** Limits the real API enforces (channels.md §2.4, §2.5); [I] where marked. */
export const JOS_LIMITS = {
	orderMaxPageSize: 100,
	/** [I] JD's default page size when none is sent. */
	orderDefaultPageSize: 20,
	/** One month per order.search [C]; read as 30 days [I]. */
	orderSearchMaxWindowMs: 30 * DAY_MS,
	refundMaxPageSize: 50,
	refundMaxPageIndex: 100,
	/** [I] searchSkuList page size cap. */
	skuMaxPageSize: 50,
	/** [I] remark length modifyVenderRemark accepts. */
	remarkMaxLength: 500,
};

const OK = { success: true, englishErrCode: '', chineseErrCode: '', numberCode: 0 };

export function jdMethods(backend: JdBackend): Record<string, JosMethod> {
	const now = () => backend.world.clock.now();

	const orderSearch: JosMethod = {
		resultMember: 'searchorderinfo_result',
		apiResultWrapped: true,
		handle: (call) => {
			const b = call.business;
			const states = required(b, 'order_state').split(',').map((s) => s.trim());
			const unknown = states.find((state) => !JD_ORDER_STATES.includes(state));
			if (unknown) throw invalidParameter('order_state', `不支持的订单状态 ${unknown}`);
			const fields = parseOptionalFields(required(b, 'optional_fields'));
			const page = integer(b, 'page', 1, 1, 1_000_000);
			const pageSize = integer(b, 'page_size', JOS_LIMITS.orderDefaultPageSize, 1, JOS_LIMITS.orderMaxPageSize);
			let start = time(b, 'start_date');
			let end = time(b, 'end_date');
			if (start === undefined && end === undefined && states.length === 1 && states[0] === 'WAIT_SELLER_STOCK_OUT') {
				// Waiting-to-ship orders may be asked for without dates: the last month.
				end = now();
				start = end - JOS_LIMITS.orderSearchMaxWindowMs;
			}
			if (start === undefined) throw invalidParameter('start_date', '必填参数缺失');
			if (end === undefined) throw invalidParameter('end_date', '必填参数缺失');
			if (end < start) throw invalidParameter('end_date', '结束时间不能早于开始时间');
			if (end - start > JOS_LIMITS.orderSearchMaxWindowMs) throw invalidParameter('end_date', '查询时间跨度不能超过一个月');
			const query = {
				shopId: call.shopId,
				by: optional(b, 'dateType') === '1' ? ('created' as const) : ('modified' as const),
				start,
				end,
				states: new Set(states),
				newestFirst: optional(b, 'sortType') === '1',
			};
			let rows = backend.queryOrders(query);
			if (call.fault?.kind === 'page_shift') {
				// Touch an order on an earlier page: it moves to the end (oldest-first lists), so this page and
				// the later ones move up by one and an unread row slips onto a page already read.
				const candidates = rows.slice(0, (page - 1) * pageSize);
				backend.touchOne(candidates.length ? candidates : rows, new Rng(backend.world.options.seed, 'jd_page_shift', call.fault.fired));
				rows = backend.queryOrders(query);
			}
			const slice = rows.slice((page - 1) * pageSize, page * pageSize);
			return {
				searchorderinfo_result: {
					apiResult: OK,
					orderTotal: rows.length,
					orderInfoList: arrayText(slice.map((snap) => orderInfoJson(snap, fields, call.shopId))),
				},
			};
		},
	};

	const orderOf = (call: JosCall, name: string) => {
		const orderId = longId(call.business, name);
		const snap = backend.order(call.shopId, orderId);
		if (!snap) throw orderNotFound(orderId);
		return snap;
	};

	const refundList: JosMethod = {
		resultMember: 'queryResult',
		apiResultWrapped: false,
		handle: (call) => {
			const b = call.business;
			const pageIndex = integer(b, 'pageIndex', 1, 1, JOS_LIMITS.refundMaxPageIndex);
			const pageSize = integer(b, 'pageSize', 10, 1, JOS_LIMITS.refundMaxPageSize);
			const checked = optional(b, 'checkTimeStart') !== undefined || optional(b, 'checkTimeEnd') !== undefined;
			const ids = optional(b, 'ids');
			const rows = backend.queryRefunds(
				call.shopId,
				{
					by: checked ? 'checked' : 'applied',
					start: time(b, checked ? 'checkTimeStart' : 'applyTimeStart'),
					end: time(b, checked ? 'checkTimeEnd' : 'applyTimeEnd'),
					status: optional(b, 'status'),
					ids: ids ? new Set(ids.split(',').map((id) => id.trim())) : undefined,
					orderId: optional(b, 'orderId'),
				},
				(refund) => String(refundApplyStatus(refund.phase)),
			);
			const slice = rows.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
			return { queryResult: { success: true, totalCount: rows.length, result: slice.map(({ refund, snap }) => renderRefundApply(refund, snap.order)) } };
		},
	};

	const stockWrite: JosMethod = {
		resultMember: '',
		apiResultWrapped: false,
		handle: (call) => {
			const skuId = longId(call.business, 'skuId');
			const stockNum = integer(call.business, 'stockNum', NaN, 0, 9_999_999);
			if (Number.isNaN(stockNum)) required(call.business, 'stockNum');
			if (!backend.setStock(call.shopId, skuId, stockNum)) throw skuNotFound(skuId);
			return { success: true };
		},
	};

	return {
		'jingdong.pop.order.search': orderSearch,
		'jingdong.pop.order.get': {
			resultMember: 'orderDetailInfo',
			apiResultWrapped: true,
			handle: (call) => {
				const snap = orderOf(call, 'order_id');
				const fields = parseOptionalFields(optional(call.business, 'optional_fields'));
				return { orderDetailInfo: { apiResult: OK, orderInfo: new Prerendered(orderInfoJson(snap, fields, call.shopId)) } };
			},
		},
		'jingdong.pop.order.shipment': {
			resultMember: 'sopjosshipment_result',
			apiResultWrapped: false,
			handle: (call) => {
				const snap = orderOf(call, 'orderId');
				const companies = required(call.business, 'logiCoprId').split('|').map((c) => c.trim());
				const groups = (optional(call.business, 'logiNo') ?? '').split('|').map((g) => g.split(',').map((n) => n.trim()).filter(Boolean));
				const carriers = companies.map((id) => {
					const carrier = carrierByJdId(id);
					if (!carrier) throw unknownCarrier(id);
					return { id, carrier };
				});
				if (carriers.length !== groups.length && carriers.length !== 1) throw invalidParameter('logiNo', '运单号与物流公司数量不一致');
				if (groups.some((numbers, i) => numbers.length === 0 && carriers[Math.min(i, carriers.length - 1)].carrier !== 'self_delivery')) {
					throw invalidParameter('logiNo', '运单号不能为空');
				}
				if (jdOrderState(snap) !== 'WAIT_SELLER_STOCK_OUT') throw orderStateNotAllowed(snap.order.channelOrderId);
				groups.forEach((numbers, i) => {
					const { id, carrier } = carriers[Math.min(i, carriers.length - 1)];
					const waybills = numbers.length > 0 ? numbers : [`SELF-${snap.order.channelOrderId}`];
					backend.ship(call.shopId, backend.order(call.shopId, snap.order.channelOrderId) ?? snap, carrier, id, waybills);
				});
				return { sopjosshipment_result: { success: true, englishErrCode: '', chineseErrCode: '' } };
			},
		},
		'jingdong.pop.order.modifyVenderRemark': {
			resultMember: 'modifyvenderremark_result',
			apiResultWrapped: false,
			handle: (call) => {
				const snap = orderOf(call, 'order_id');
				const remark = required(call.business, 'remark');
				if (remark.length > JOS_LIMITS.remarkMaxLength) throw invalidParameter('remark', `备注不能超过${JOS_LIMITS.remarkMaxLength}字`);
				const flag = optional(call.business, 'flag') === undefined ? undefined : integer(call.business, 'flag', 0, 0, 5);
				backend.setMemo(call.shopId, snap, remark, flag);
				return { modifyvenderremark_result: { success: true, englishErrCode: '', chineseErrCode: '' } };
			},
		},
		'jingdong.stock.write.updateSkuStock': stockWrite,
		// [I] Named by one adapter as the newer stock write; same parameters here.
		'jingdong.ware.stock.sku.set': stockWrite,
		'jingdong.sku.read.searchSkuList': {
			resultMember: '',
			apiResultWrapped: false,
			handle: (call) => {
				const pageNo = integer(call.business, 'pageNo', 1, 1, 1_000_000);
				const pageSize = integer(call.business, 'pageSize', 20, 1, JOS_LIMITS.skuMaxPageSize);
				const skus = backend.skus(call.shopId);
				const data = skus.slice((pageNo - 1) * pageSize, pageNo * pageSize).map(({ item, sku }) => renderSku(item, sku));
				return { page: { data, pageNo, pageSize, totalItem: skus.length } };
			},
		},
		'jingdong.pop.afs.soa.refundapply.queryPageList': refundList,
	};
}
