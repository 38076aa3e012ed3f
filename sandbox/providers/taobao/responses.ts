// One handler per TOP method: read parameters, ask the backend, shape `<method>_response`.
import { Rng } from '../../core/rng';
import { EncodedMembers, StateCache, arrayText, objectText } from '../../core/envelope';
import { bigNumber } from '../../core/json';
import { DAY_MS, formatShanghai } from '../../core/time';
import type { TruthSnapshot } from '../../truth/types';
import { TOP_BUSINESS_SUB_CODES as SUB, businessError, invalidArgument } from './exceptions';
import type { TopCall, TopMethod } from './gateway';
import type { TaobaoBackend, TradeQuery } from './models';
import { digits, integer, required, time } from './params';
import { parseFields, refundStatus, renderItem, renderRefund, renderSku, renderTrade, tradeJson } from './render';
import { CARRIERS } from '../../truth/carriers';

/** Limits the real API enforces (channels.md §1.4, §1.5). [I] where marked. */
export const TOP_LIMITS = {
	maxPageSize: 100,
	defaultPageSize: 40,
	/** taobao.trades.sold.increment.get: end_modified - start_modified. */
	incrementMaxWindowMs: DAY_MS,
	/** [I] trades.sold.get only reaches this far back; older start_created is clamped. */
	soldGetHistoryDays: 90,
	/** [I] items.onsale.get page size cap. */
	itemsMaxPageSize: 200,
};

function page<T>(rows: T[], call: TopCall) {
	const pageNo = integer(call.params, 'page_no', 1, 1, 1_000_000);
	const pageSize = integer(call.params, 'page_size', TOP_LIMITS.defaultPageSize, 1, TOP_LIMITS.maxPageSize);
	const start = (pageNo - 1) * pageSize;
	const slice = rows.slice(start, start + pageSize);
	const useHasNext = call.params.use_has_next === 'true';
	return { slice, counts: useHasNext ? { has_next: start + pageSize < rows.length } : { total_results: rows.length } };
}

const list = (simplify: boolean, wrapper: string, items: unknown[]) => (simplify ? items : { [wrapper]: items });

function typesOf(call: TopCall): string[] | undefined {
	return call.params.type ? call.params.type.split(',').map((t) => t.trim()) : undefined;
}

export function taobaoMethods(backend: TaobaoBackend): Record<string, TopMethod> {
	const now = () => backend.world.clock.now();

	const pages = new StateCache<EncodedMembers>(256);

	/** One page of a trade list; the encoded page is cached until the clock or the truth moves. */
	const tradePage = (call: TopCall, query: TradeQuery) => {
		const selection = parseFields(required(call.params, 'fields'));
		const pageNo = integer(call.params, 'page_no', 1, 1, 1_000_000);
		const pageSize = integer(call.params, 'page_size', TOP_LIMITS.defaultPageSize, 1, TOP_LIMITS.maxPageSize);
		if (call.fault?.kind === 'page_shift') {
			// Touch an order at or after this page, so it jumps to the top and this page's rows move by one.
			const rows = backend.queryTrades(query);
			const candidates = rows.slice((pageNo - 1) * pageSize);
			backend.touchOne(candidates.length ? candidates : rows, new Rng(backend.world.options.seed, 'page_shift', call.fault.fired));
		}
		const key = [JSON.stringify(query), pageNo, pageSize, call.params.use_has_next, selection.key, call.simplify].join('|');
		return pages.get(key, backend.stateKey(), () => {
			const { slice, counts } = page<TruthSnapshot>(backend.queryTrades(query), call);
			const nick = backend.sellerNick(call.shopId);
			const texts = slice.map((snap) => tradeJson(snap, selection, nick, call.simplify));
			const members = objectText({ ...counts, trades: call.simplify ? arrayText(texts) : { trade: arrayText(texts) } });
			return new EncodedMembers(Buffer.from(members.slice(1, -1)));
		});
	};

	const tradeFilters = (call: TopCall) => ({
		shopId: call.shopId,
		status: call.params.status || undefined,
		types: typesOf(call),
		buyerNick: call.params.buyer_nick || undefined,
	});

	return {
		'taobao.trades.sold.get': {
			needsSession: true,
			handle: (call) => {
				const floor = now() - TOP_LIMITS.soldGetHistoryDays * DAY_MS;
				const start = Math.max(time(call.params, 'start_created') ?? floor, floor);
				const end = time(call.params, 'end_created') ?? now();
				if (end < start) throw invalidArgument('end_created', 'end_created must not be earlier than start_created');
				return tradePage(call, { ...tradeFilters(call), by: 'created', start, end });
			},
		},
		'taobao.trades.sold.increment.get': {
			needsSession: true,
			handle: (call) => {
				required(call.params, 'start_modified');
				required(call.params, 'end_modified');
				const start = time(call.params, 'start_modified')!;
				const end = time(call.params, 'end_modified')!;
				if (end < start) throw invalidArgument('end_modified', 'end_modified must not be earlier than start_modified');
				if (end - start > TOP_LIMITS.incrementMaxWindowMs) {
					throw invalidArgument('end_modified', 'start_modified and end_modified must be within one day (时间跨度不能超过1天)');
				}
				return tradePage(call, { ...tradeFilters(call), by: 'modified', start, end });
			},
		},
		'taobao.trade.fullinfo.get': {
			needsSession: true,
			handle: (call) => {
				const selection = parseFields(required(call.params, 'fields'), call.params.include_oaid === 'true');
				const tid = digits(call.params, 'tid');
				const snap = backend.trade(call.shopId, tid);
				if (!snap) throw businessError(SUB.tradeNotExist, `交易不存在: ${tid}`);
				return { trade: renderTrade(snap, selection, backend.sellerNick(call.shopId), call.simplify) };
			},
		},
		'taobao.refunds.receive.get': {
			needsSession: true,
			handle: (call) => {
				const start = time(call.params, 'start_modified') ?? now() - TOP_LIMITS.soldGetHistoryDays * DAY_MS;
				const end = time(call.params, 'end_modified') ?? now();
				const rows = backend.queryRefunds(call.shopId, start, end, call.params.status || undefined, (r) => refundStatus(r.phase));
				const { slice, counts } = page(rows, call);
				const nick = backend.sellerNick(call.shopId);
				const refunds = slice.map(({ refund, snap }) => renderRefund(refund, snap.order, snap, nick));
				return { ...counts, refunds: list(call.simplify, 'refund', refunds) };
			},
		},
		'taobao.refund.get': {
			needsSession: true,
			handle: (call) => {
				required(call.params, 'fields');
				const refundId = digits(call.params, 'refund_id');
				const found = backend.refund(call.shopId, refundId);
				if (!found) throw businessError(SUB.refundNotExist, `退款不存在: ${refundId}`);
				return { refund: renderRefund(found.refund, found.snap.order, found.snap, backend.sellerNick(call.shopId)) };
			},
		},
		// [I] Refund handling: parameter and response shapes follow TOP's rp.* APIs as far as public sources show.
		'taobao.rp.refunds.agree': {
			needsSession: true,
			handle: (call) => {
				// refund_infos: "refund_id|amount|version|phase", comma separated.
				const infos = required(call.params, 'refund_infos').split(',').map((info) => info.split('|')[0].trim());
				const results = infos.map((refundId) => {
					const outcome = backend.handleRefund(call.shopId, refundId, 'agree');
					const succ = outcome !== 'not_found' && outcome !== 'wrong_state';
					return { refund_id: /^\d+$/.test(refundId) ? bigNumber(refundId) : refundId, succ, message: succ ? '' : outcome === 'not_found' ? '退款不存在' : '退款状态不支持此操作' };
				});
				return { succ: results.every((r) => r.succ), msg: '', results: list(call.simplify, 'refund_mapping_result', results) };
			},
		},
		'taobao.rp.refund.refuse': {
			needsSession: true,
			handle: (call) => {
				const refundId = digits(call.params, 'refund_id');
				const outcome = backend.handleRefund(call.shopId, refundId, 'refuse', required(call.params, 'refuse_message'));
				if (outcome === 'not_found') throw businessError(SUB.refundNotExist, `退款不存在: ${refundId}`);
				if (outcome === 'wrong_state') throw businessError(SUB.refundStatusError, `当前退款状态不允许拒绝: ${refundId}`);
				return { is_success: true };
			},
		},
		'taobao.items.onsale.get': {
			needsSession: true,
			handle: (call) => {
				required(call.params, 'fields');
				const pageNo = integer(call.params, 'page_no', 1, 1, 1_000_000);
				const pageSize = integer(call.params, 'page_size', TOP_LIMITS.defaultPageSize, 1, TOP_LIMITS.itemsMaxPageSize);
				const q = call.params.q;
				const items = backend.items(call.shopId).filter((item) => !q || item.title.includes(q));
				const slice = items.slice((pageNo - 1) * pageSize, pageNo * pageSize);
				const nick = backend.sellerNick(call.shopId);
				return { total_results: items.length, items: list(call.simplify, 'item', slice.map((item) => renderItem(item, nick, false))) };
			},
		},
		'taobao.item.seller.get': {
			needsSession: true,
			handle: (call) => {
				required(call.params, 'fields');
				const numIid = digits(call.params, 'num_iid');
				const item = backend.items(call.shopId).find((i) => i.itemId === numIid);
				if (!item) throw businessError(SUB.itemNotExist, `宝贝不存在: ${numIid}`);
				return { item: renderItem(item, backend.sellerNick(call.shopId), true) };
			},
		},
		'taobao.item.quantity.update': {
			needsSession: true,
			handle: (call) => {
				const numIid = digits(call.params, 'num_iid');
				const quantity = integer(call.params, 'quantity', NaN, -999_999, 999_999);
				if (Number.isNaN(quantity)) required(call.params, 'quantity');
				const type = integer(call.params, 'type', 1, 1, 2) as 1 | 2;
				if (type === 1 && quantity < 0) throw invalidArgument('quantity', '全量更新时库存不能为负数');
				const item = backend.items(call.shopId).find((i) => i.itemId === numIid);
				if (!item) throw businessError(SUB.itemNotExist, `宝贝不存在: ${numIid}`);
				let skuId = call.params.sku_id || undefined;
				if (!skuId && call.params.outer_id) skuId = item.skus.find((s) => s.outerId === call.params.outer_id)?.skuId ?? '-';
				if (skuId && !item.skus.some((s) => s.skuId === skuId)) throw businessError(SUB.skuNotExist, `SKU不存在: ${skuId}`);
				if (!skuId && item.skus.length) throw invalidArgument('sku_id', '该宝贝有SKU，请指定sku_id或outer_id');
				const { sku } = backend.updateQuantity(call.shopId, item, skuId, quantity, type);
				const rendered = renderItem(item, backend.sellerNick(call.shopId), false);
				return {
					item: {
						num_iid: rendered.num_iid,
						num: item.quantity,
						modified: rendered.modified,
						...(sku ? { skus: list(call.simplify, 'sku', [{ ...renderSku(sku), modified: rendered.modified }]) } : {}),
					},
				};
			},
		},
		'taobao.logistics.offline.send': {
			needsSession: true,
			handle: (call) => {
				const tid = digits(call.params, 'tid');
				const outSid = required(call.params, 'out_sid');
				const companyCode = required(call.params, 'company_code');
				const snap = backend.trade(call.shopId, tid);
				if (!snap) throw businessError(SUB.tradeNotExist, `交易不存在: ${tid}`);
				const split = call.params.is_split === '1';
				const lineIds = split ? required(call.params, 'sub_tid').split(',').map((s) => s.trim()) : undefined;
				const unknownLine = lineIds?.find((id) => !snap.order.lines.some((l) => l.lineId === id));
				if (unknownLine) throw invalidArgument('sub_tid', `子订单不存在: ${unknownLine}`);
				if (snap.status !== 'paid' && snap.status !== 'partially_shipped') {
					throw businessError(SUB.consignStatusError, `当前交易状态不允许发货: ${tid}`);
				}
				if (backend.ship(call.shopId, snap, companyCode, outSid, lineIds) === 'unknown_company') {
					throw businessError(SUB.logisticsCompanyNotExist, `物流公司不存在: ${companyCode}`);
				}
				return { shipping: { is_success: true } };
			},
		},
		'taobao.trade.memo.update': {
			needsSession: true,
			handle: (call) => {
				const tid = digits(call.params, 'tid');
				const memo = required(call.params, 'memo');
				const flag = call.params.flag ? integer(call.params, 'flag', 0, 0, 5) : undefined;
				const snap = backend.trade(call.shopId, tid);
				if (!snap) throw businessError(SUB.tradeNotExist, `交易不存在: ${tid}`);
				backend.updateMemo(call.shopId, snap, memo, flag);
				return { trade: { tid: bigNumber(tid), modified: formatShanghai(now()) } };
			},
		},
		'taobao.top.auth.token.refresh': {
			needsSession: false,
			handle: (call) => {
				const refreshToken = required(call.params, 'refresh_token');
				const token = backend.refreshSession(call.app.appKey, refreshToken);
				if (!token) throw invalidArgument('refresh_token', 'refresh_token无效或已过期');
				const seconds = Math.floor((token.expiresAt - now()) / 1000);
				// TOP sends the token as a JSON string inside the JSON response (channels.md §1.3).
				const tokenResult = JSON.stringify({
					access_token: token.token,
					token_type: 'Bearer',
					expires_in: seconds,
					refresh_token: token.refreshToken,
					re_expires_in: seconds,
					taobao_user_nick: encodeURIComponent(backend.sellerNick(token.shopId)),
					expire_time: token.expiresAt,
				});
				return { token_result: tokenResult };
			},
		},
		'taobao.logistics.companies.get': {
			needsSession: false,
			handle: (call) => {
				required(call.params, 'fields');
				const companies = CARRIERS.map((c, i) => ({ id: 100 + i, code: c.taobaoCode, name: c.name }));
				return { logistics_companies: list(call.simplify, 'logistics_company', companies) };
			},
		},
	};
}
