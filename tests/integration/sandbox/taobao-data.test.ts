// What the Taobao emulator says about orders, refunds, items and stock, against the truth; and what it records.
import { formatMoney, toShanghaiLocal } from '../../../lib/model';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import { admin, callTop, sandboxShop, type Json } from './top-client';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ orders: 1500, seed: 'data' });
});
afterAll(() => sandbox.close());

const shop = () => sandboxShop(sandbox);
const ALL_FIELDS = 'tid,tid_str,status,type,created,modified,pay_time,payment,total_fee,post_fee,discount_fee,buyer_nick,' +
	'receiver_name,receiver_mobile,receiver_address,receiver_state,receiver_city,receiver_district,receiver_zip,seller_nick,orders';

async function truthOrders(query: string) {
	return (await admin(sandbox, 'GET', `/orders?channel=taobao&shopId=tb-flagship&view=channel${query}`)).orders as Json[];
}

test('fullinfo renders the truth in TOP dialect: yuan strings, Shanghai times, masked receiver with OAID, exact ids', async () => {
	const orders = (await truthOrders('')).filter((o) => o.lines.length > 1 && o.totals.discount > 0 && o.totals.shippingFee > 0);
	expect(orders.length).toBeGreaterThan(0);
	for (const order of orders.slice(0, 5)) {
		const res = await callTop(shop(), 'taobao.trade.fullinfo.get', { fields: ALL_FIELDS, tid: order.channelOrderId });
		expect(res.text).toMatch(new RegExp(`"tid":${order.channelOrderId},`));
		const trade = res.body.trade_fullinfo_get_response.trade;
		expect(trade).toEqual(expect.objectContaining({
			tid: order.channelOrderId,
			tid_str: order.channelOrderId,
			status: order.rawStatus,
			seller_nick: '沙箱旗舰店',
			payment: formatMoney(order.totals.paid),
			total_fee: formatMoney(order.totals.goods),
			post_fee: formatMoney(order.totals.shippingFee),
			discount_fee: formatMoney(order.totals.discount),
			created: toShanghaiLocal(order.createdAt),
			modified: toShanghaiLocal(order.updatedAt),
			receiver_name: order.receiver.name,
			receiver_mobile: order.receiver.phone,
			receiver_state: order.receiver.province,
			receiver_district: order.receiver.district,
			oaid: order.receiver.token,
		}));
		expect(order.receiver).toEqual(expect.objectContaining({ masked: true }));
		expect(trade.receiver_mobile).toMatch(/^\*{7}\d{4}$/);
		const lines = trade.orders.order;
		expect(lines.map((l: Json) => l.oid)).toEqual(order.lines.map((l: Json) => l.lineId));
		expect(lines.map((l: Json) => l.payment)).toEqual(order.lines.map((l: Json) => formatMoney(l.paidAmount)));
	}
	const missing = await callTop(shop(), 'taobao.trade.fullinfo.get', { fields: 'tid', tid: '1000000000000000000' });
	expect(missing.body.error_response).toEqual(expect.objectContaining({ code: 15, sub_code: 'isv.trade-not-exist' }));
});

test('another shop\'s order is not visible to this session', async () => {
	const other = (await admin(sandbox, 'GET', '/orders?channel=taobao&shopId=tb-cshop&view=summary')).orders[0];
	const res = await callTop(shop(), 'taobao.trade.fullinfo.get', { fields: 'tid', tid: other.channelOrderId });
	expect(res.body.error_response.sub_code).toBe('isv.trade-not-exist');
});

test('status filter and simplify follow the TOP options', async () => {
	const waiting = await callTop(shop(), 'taobao.trades.sold.get', { fields: 'tid,status', status: 'WAIT_SELLER_SEND_GOODS', page_size: '100' });
	const trades = waiting.body.trades_sold_get_response.trades.trade;
	expect(trades.length).toBeGreaterThan(0);
	expect(trades.every((t: Json) => t.status === 'WAIT_SELLER_SEND_GOODS')).toBe(true);
	const closed = await callTop(shop(), 'taobao.trades.sold.get', { fields: 'tid,status', status: 'ALL_CLOSED', page_size: '100' });
	const closedStatuses = new Set(closed.body.trades_sold_get_response.trades.trade.map((t: Json) => t.status));
	expect([...closedStatuses].sort()).toEqual(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);
	const simple = await callTop(shop(), 'taobao.trades.sold.get', { fields: 'tid,orders', page_size: '2', simplify: 'true' });
	expect(Array.isArray(simple.body.trades_sold_get_response.trades)).toBe(true);
	expect(Array.isArray(simple.body.trades_sold_get_response.trades[0].orders)).toBe(true);
});

test('shipping through logistics.offline.send moves the order, records the shipment and starts a parcel', async () => {
	const [order] = await truthOrders('&status=paid');
	const res = await callTop(shop(), 'taobao.logistics.offline.send', { tid: order.channelOrderId, out_sid: '73100000000001', company_code: 'ZTO' });
	expect(res.body).toEqual({ logistics_offline_send_response: { shipping: { is_success: true }, request_id: expect.any(String) } });
	const after = await admin(sandbox, 'GET', `/orders/${order.id}`);
	expect(after).toEqual(expect.objectContaining({ status: 'shipped', rawStatus: 'WAIT_BUYER_CONFIRM_GOODS' }));
	expect(after.logistics).toEqual(expect.objectContaining({ carrier: 'zto', trackingNo: '73100000000001' }));
	const { writes } = await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=shipment');
	expect(writes.at(-1).data).toEqual(expect.objectContaining({ tid: order.channelOrderId, carrier: 'zto', trackingNo: '73100000000001' }));
	const { parcels } = await admin(sandbox, 'GET', '/parcels?trackingNo=73100000000001');
	expect(parcels).toHaveLength(1);
	const again = await callTop(shop(), 'taobao.logistics.offline.send', { tid: order.channelOrderId, out_sid: '73100000000001', company_code: 'ZTO' });
	expect(again.body.error_response).toEqual(expect.objectContaining({ code: 15, sub_code: 'isv.logistics-offline-service-error:B04' }));
	const [next] = await truthOrders('&status=paid');
	const badCompany = await callTop(shop(), 'taobao.logistics.offline.send', { tid: next.channelOrderId, out_sid: 'X1', company_code: 'NOPE' });
	expect(badCompany.body.error_response.sub_code).toBe('isv.logistics-company-not-exist');
	// Ten days later the buyer has confirmed receipt.
	await admin(sandbox, 'POST', '/clock', { advanceMs: 10 * 86_400_000 });
	expect((await admin(sandbox, 'GET', `/orders/${order.id}`)).rawStatus).toBe('TRADE_FINISHED');
	await admin(sandbox, 'POST', '/clock', { set: sandbox.world.clock.startMs });
});

test('split shipment by sub_tid gives SELLER_CONSIGNED_PART', async () => {
	const order = (await truthOrders('&status=paid')).find((o) => o.lines.length > 1)!;
	await callTop(shop(), 'taobao.logistics.offline.send', { tid: order.channelOrderId, out_sid: 'YT1000000000001', company_code: 'YTO', is_split: '1', sub_tid: order.lines[0].lineId });
	const res = await callTop(shop(), 'taobao.trade.fullinfo.get', { fields: 'tid,status,orders', tid: order.channelOrderId });
	const trade = res.body.trade_fullinfo_get_response.trade;
	expect(trade.status).toBe('SELLER_CONSIGNED_PART');
	expect(trade.orders.order[0]).toEqual(expect.objectContaining({ status: 'WAIT_BUYER_CONFIRM_GOODS', invoice_no: 'YT1000000000001', logistics_company: '圆通速递' }));
});

test('items, SKUs and quantity updates (full and incremental, by sku_id or outer_id) are recorded', async () => {
	const list = await callTop(shop(), 'taobao.items.onsale.get', { fields: 'num_iid,title,num', page_size: '200' });
	const items = list.body.items_onsale_get_response.items.item;
	expect(items).toHaveLength(list.body.items_onsale_get_response.total_results);
	const withSkus = await callTop(shop(), 'taobao.item.seller.get', { fields: 'num_iid,skus', num_iid: String(items[0].num_iid) });
	const item = withSkus.body.item_seller_get_response.item;
	const sku = item.skus.sku[0];
	const full = await callTop(shop(), 'taobao.item.quantity.update', { num_iid: String(item.num_iid), sku_id: sku.sku_id, quantity: '7' });
	expect(full.body.item_quantity_update_response.item.skus.sku[0]).toEqual(expect.objectContaining({ sku_id: sku.sku_id, quantity: 7 }));
	const delta = await callTop(shop(), 'taobao.item.quantity.update', { num_iid: String(item.num_iid), outer_id: sku.outer_id, quantity: '-10', type: '2' });
	expect(delta.body.item_quantity_update_response.item.skus.sku[0].quantity).toBe(0);
	const { writes } = await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=stock');
	expect(writes.slice(-2).map((w: Json) => [w.data.type, w.data.before, w.data.after])).toEqual([[1, sku.quantity, 7], [2, 7, 0]]);
	const stock = await admin(sandbox, 'GET', '/stock?channel=taobao&shopId=tb-flagship');
	const stored = stock.shops[0].items.find((i: Json) => i.itemId === String(item.num_iid));
	expect(stored.skus.find((s: Json) => s.skuId === String(sku.sku_id)).quantity).toBe(0);
	const noSku = await callTop(shop(), 'taobao.item.quantity.update', { num_iid: String(item.num_iid), quantity: '1' });
	expect(noSku.body.error_response.code).toBe(41);
	const badSku = await callTop(shop(), 'taobao.item.quantity.update', { num_iid: String(item.num_iid), sku_id: '1', quantity: '1' });
	expect(badSku.body.error_response.sub_code).toBe('isv.sku-not-exist');
});

test('refunds: list by modified time and single refund, with TOP statuses and exact ids', async () => {
	const now = sandbox.world.clock.now();
	const res = await callTop(shop(), 'taobao.refunds.receive.get', {
		fields: 'refund_id,tid,oid,status,refund_fee', start_modified: '2026-01-01 00:00:00', end_modified: '2026-03-02 10:00:00', page_size: '100',
	});
	const refunds = res.body.refunds_receive_get_response.refunds.refund;
	expect(refunds.length).toBeGreaterThan(5);
	expect(new Set(refunds.map((r: Json) => r.status)).size).toBeGreaterThan(1);
	const one = await callTop(shop(), 'taobao.refund.get', { fields: 'refund_id,status', refund_id: refunds[0].refund_id });
	expect(one.body.refund_get_response.refund).toEqual(expect.objectContaining({ refund_id: refunds[0].refund_id, status: refunds[0].status }));
	const truth = await admin(sandbox, 'GET', `/orders/${refunds[0].tid}`);
	const line = truth.lines.find((l: Json) => l.lineId === refunds[0].oid);
	expect(refunds[0].refund_fee).toBe(formatMoney(line.paidAmount));
	expect(now).toBe(sandbox.world.clock.now());
});

test('admin-made orders and status changes show up in the next pull', async () => {
	const { orders } = await admin(sandbox, 'POST', '/orders', { channel: 'taobao', shopId: 'tb-flagship', count: 2, status: 'pending_payment' });
	await admin(sandbox, 'POST', '/clock', { advanceMs: 60_000 });
	await admin(sandbox, 'POST', `/orders/${orders[0].id}/status`, { status: 'paid' });
	const res = await callTop(shop(), 'taobao.trades.sold.increment.get', {
		fields: 'tid,status', start_modified: '2026-03-02 10:00:00', end_modified: '2026-03-02 10:01:00',
	});
	const trades = res.body.trades_sold_increment_get_response.trades.trade.map((t: Json) => [t.tid, t.status]);
	// Newest modification first: the order just paid, then the unpaid one created a minute earlier.
	const mine = trades.filter(([tid]: string[]) => orders.some((o: Json) => o.channelOrderId === tid));
	expect(mine).toEqual([
		[orders[0].channelOrderId, 'WAIT_SELLER_SEND_GOODS'],
		[orders[1].channelOrderId, 'WAIT_BUYER_PAY'],
	]);
	expect(trades[0][0]).toBe(orders[0].channelOrderId);
	await admin(sandbox, 'POST', '/clock', { set: sandbox.world.clock.startMs });
});

test('refund requests are agreed or refused through rp.* and recorded as handled', async () => {
	const orders = (await truthOrders('&status=shipped')).filter((o) => o.refundState === 'none').slice(0, 2);
	const refundIds: string[] = [];
	for (const [i, order] of orders.entries()) {
		const refundId = `90000000000000${i}`;
		await admin(sandbox, 'POST', `/orders/${order.id}/refunds`, { lineId: order.lines[0].lineId, phase: 'requested', refundId, reason: '不想要了' });
		refundIds.push(refundId);
	}
	const before = await callTop(shop(), 'taobao.refund.get', { fields: 'refund_id,status', refund_id: refundIds[0] });
	expect(before.body.refund_get_response.refund.status).toBe('WAIT_SELLER_AGREE');
	const agreed = await callTop(shop(), 'taobao.rp.refunds.agree', { refund_infos: `${refundIds[0]}|100|1|onsale` });
	expect(agreed.body.rp_refunds_agree_response).toEqual(expect.objectContaining({ succ: true }));
	const refused = await callTop(shop(), 'taobao.rp.refund.refuse', { refund_id: refundIds[1], refuse_message: '商品已签收且不影响二次销售' });
	expect(refused.body.rp_refund_refuse_response.is_success).toBe(true);
	const statuses = [];
	for (const refundId of refundIds) {
		statuses.push((await callTop(shop(), 'taobao.refund.get', { fields: 'refund_id,status', refund_id: refundId })).body.refund_get_response.refund.status);
	}
	expect(statuses).toEqual(['SUCCESS', 'SELLER_REFUSE_BUYER']);
	const again = await callTop(shop(), 'taobao.rp.refund.refuse', { refund_id: refundIds[1], refuse_message: 'x' });
	expect(again.body.error_response).toEqual(expect.objectContaining({ code: 15, sub_code: 'isv.refund-status-not-support' }));
	const { writes } = await admin(sandbox, 'GET', '/pushed?provider=taobao&kind=refund');
	expect(writes.map((w: Json) => [w.data.refundId, w.data.action, w.data.phase])).toEqual([
		[refundIds[0], 'agree', 'succeeded'],
		[refundIds[1], 'refuse', 'refused'],
	]);
	expect((await admin(sandbox, 'GET', `/orders/${orders[0].id}`)).lines[0].refundState).toBe('refunded');
});
