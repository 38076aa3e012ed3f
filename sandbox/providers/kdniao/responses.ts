// Kdniao handlers: one signed form envelope, dispatched by RequestType (query, subscribe, e-waybill, cancel).
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import { formatShanghai } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { RESULT, failureBody } from './exceptions';
import type { KdniaoBackend } from './models';
import { KDNIAO } from './models';
import { trackingItem } from './render';
import { dataSign, signMatches } from './sign';

const MONITORED_TYPES = new Set(['8001', '8008']);
const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const json = (body: unknown) => jsonText(JSON.stringify(body));
type Party = Record<string, unknown>;

export class KdniaoResponses {
	constructor(
		private readonly world: SandboxWorld,
		private readonly backend: KdniaoBackend,
	) {}

	handle(req: SandboxRequest): ReplyOrHang {
		const now = this.world.clock.now();
		const { EBusinessID: id = '', RequestType: type = '', RequestData: data = '', DataSign: sign = '' } = req.params;
		const fail = (code: string, reason: string) => json(failureBody(id, now, code, reason));
		const fault = this.world.faults.decide(KDNIAO, type);
		if (fault?.kind === 'server_error') return jsonText('<html><body>Server Error</body></html>', fault.spec.status ?? 500);
		if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
		if (!id || !type || !data || !sign) return fail(RESULT.missingParams, '缺少必要参数');
		const appKey = this.backend.appKeyOf(id);
		if (!appKey) return fail(RESULT.verification, '用户ID不存在');
		// The form decoder gives the sign once decoded; the official demo's manual encoding arrives encoded twice.
		const expected = dataSign(data, appKey);
		if (!signMatches(sign, expected) && !signMatches(sign, encodeURIComponent(expected))) return fail(RESULT.verification, '数据签名验证失败');
		if (fault?.kind === 'throttle' || this.world.limits.check(KDNIAO, id, type, now).limited) return fail('405', '超出查询次数限制');
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(data);
		} catch {
			return fail(RESULT.badRequestData, 'RequestData格式错误');
		}
		switch (type) {
			case '1002':
			case '8001':
				return this.query(id, body, MONITORED_TYPES.has(type), fail);
			case '1008':
			case '8008':
				return this.subscribe(id, body, MONITORED_TYPES.has(type), fail);
			case '1007':
				return this.createWaybill(id, body, fail);
			case '1147':
				return this.cancelWaybill(id, body, fail);
			default:
				return fail(RESULT.other, `不支持的RequestType ${type}`);
		}
	}

	private query(id: string, body: Record<string, unknown>, monitored: boolean, fail: (code: string, reason: string) => ReplyOrHang) {
		const shipper = str(body.ShipperCode);
		const number = str(body.LogisticCode);
		if (!number) return fail(RESULT.missingNumber, '单号不能为空');
		const parcel = this.backend.parcel(shipper, number);
		const events = parcel ? this.backend.visible(parcel) : [];
		const head = { EBusinessID: id, OrderCode: str(body.OrderCode), ShipperCode: shipper, LogisticCode: number };
		if (parcel && shipper === 'SF' && !parcel.phone?.endsWith(str(body.CustomerName).slice(-4))) {
			return json({ ...head, Success: false, State: '0', Reason: '顺丰单号需要正确的手机号后四位(CustomerName)', Traces: [] });
		}
		if (!parcel || !events.length) return json({ ...head, Success: false, State: '0', Reason: '暂无轨迹信息', Traces: [] });
		return json({ EBusinessID: id, OrderCode: str(body.OrderCode), ...trackingItem(parcel, events, shipper, monitored) });
	}

	private subscribe(id: string, body: Record<string, unknown>, monitored: boolean, fail: (code: string, reason: string) => ReplyOrHang) {
		const shipperCode = str(body.ShipperCode);
		const logisticCode = str(body.LogisticCode);
		if (!logisticCode) return fail(RESULT.missingNumber, '单号不能为空');
		if (!shipperCode) return fail(RESULT.badRequestData, '快递公司编码不能为空');
		this.backend.subscribe({ eBusinessId: id, shipperCode, logisticCode, callback: str(body.Callback), monitored });
		return json({ EBusinessID: id, UpdateTime: formatShanghai(this.world.clock.now()), Success: true, Reason: '' });
	}

	private createWaybill(id: string, body: Record<string, unknown>, fail: (code: string, reason: string) => ReplyOrHang) {
		const sender = (body.Sender ?? {}) as Party;
		const receiver = (body.Receiver ?? {}) as Party;
		const orderCode = str(body.OrderCode);
		if (!orderCode) return fail(RESULT.missingParams, 'OrderCode不能为空');
		for (const [who, party] of [['Sender', sender], ['Receiver', receiver]] as const) {
			for (const field of ['Name', 'ProvinceName', 'CityName', 'Address']) {
				if (!str(party[field])) return fail(RESULT.missingParams, `${who}.${field}不能为空`);
			}
			if (!str(party.Mobile) && !str(party.Tel)) return fail(RESULT.missingParams, `${who}.Mobile或Tel不能为空`);
		}
		const commodity = Array.isArray(body.Commodity) ? (body.Commodity as Party[]) : [];
		if (!commodity.length || !str(commodity[0].GoodsName)) return fail(RESULT.missingParams, 'Commodity.GoodsName不能为空');
		const created = this.backend.createWaybill(id, orderCode, str(body.ShipperCode), str(receiver.Mobile) || str(receiver.Tel));
		if (!created) return fail(RESULT.badRequestData, `不支持的快递公司编码 ${str(body.ShipperCode)}`);
		const { waybill, existing } = created;
		const order = { OrderCode: waybill.orderCode, ShipperCode: waybill.shipperCode, LogisticCode: waybill.logisticCode, MarkDestination: '上海', OriginCode: '571', DestinatioCode: '021' };
		return json({
			EBusinessID: id,
			Success: !existing,
			ResultCode: existing ? RESULT.alreadyCreated : RESULT.ok,
			Reason: existing ? '订单已存在，返回已有单号' : '成功',
			UniquerRequestNumber: `${id}-${orderCode}`,
			Order: order,
		});
	}

	private cancelWaybill(id: string, body: Record<string, unknown>, fail: (code: string, reason: string) => ReplyOrHang) {
		const cancelled = this.backend.cancelWaybill(id, str(body.OrderCode), str(body.ExpNo));
		if (!cancelled) return fail(RESULT.other, '未找到可取消的电子面单');
		return json({ EBusinessID: id, Success: true, ResultCode: RESULT.ok, Reason: '成功' });
	}
}
