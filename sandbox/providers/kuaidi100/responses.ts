// Kuaidi100 handlers: real-time query, subscription and the label API, each in its own envelope.
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import { isFormContentType } from '../../core/parsers';
import type { SandboxWorld } from '../../core/world';
import { Kuaidi100Error, QUERY_ERRORS, SUBSCRIBE_ERRORS, failureBody, labelFailureBody } from './exceptions';
import { accountFaults, infrastructureFault, maybeMalformed } from './guard';
import { KUAIDI100, KUAIDI100_LABEL } from './models';
import type { Kuaidi100Backend } from './models';
import { trackingResult } from './render';
import { labelSign, querySign, signMatches } from './sign';

/** Carriers whose query needs the phone's last four digits (logistics.md §1.1). */
export const PHONE_CHECKED_COMS = ['shunfeng', 'fengwang'];
/** [I] Label API codes besides 200 are not public; these are the sandbox's. */
export const LABEL_CODES = { badRequest: 400, badSign: 30002, unknownCarrier: 30004, keyExpired: 30010, busy: 30050 };
const MAX_NUMBER_LENGTH = 32;

function parseParam(text: string | undefined, fail: (why: string) => Kuaidi100Error): Record<string, unknown> {
	if (!text) throw fail('缺少param');
	try {
		const value = JSON.parse(text);
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		// falls through to the error below
	}
	throw fail('param不是合法的JSON');
}

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');

export class Kuaidi100Responses {
	constructor(
		private readonly world: SandboxWorld,
		private readonly backend: Kuaidi100Backend,
	) {}

	query(req: SandboxRequest): ReplyOrHang {
		const { fault, reply } = infrastructureFault(this.world, 'query');
		if (reply) return reply;
		try {
			if (!isFormContentType(String(req.headers['content-type'] ?? ''))) throw QUERY_ERRORS.badRequest('请使用application/x-www-form-urlencoded');
			const { customer, sign, param } = req.params;
			if (!customer || !sign || !param) throw QUERY_ERRORS.badRequest('customer、sign、param不能为空');
			const account = this.world.registry.app(KUAIDI100, customer);
			if (!account) throw QUERY_ERRORS.badRequest('customer错误');
			if (!signMatches(sign, querySign(param, account.secret, customer))) throw QUERY_ERRORS.badSign();
			accountFaults(this.world, 'query', customer, fault, QUERY_ERRORS);
			const query = parseParam(param, QUERY_ERRORS.badRequest);
			const com = str(query.com);
			const num = str(query.num);
			if (!com || !num || num.length > MAX_NUMBER_LENGTH) throw QUERY_ERRORS.badRequest('com或num不正确');
			const parcel = this.backend.parcel(com, num);
			const events = parcel ? this.backend.visible(parcel) : [];
			if (!parcel || events.length === 0) throw QUERY_ERRORS.noResult();
			if (PHONE_CHECKED_COMS.includes(com)) {
				const phone = str(query.phone);
				if (phone.length < 4 || !parcel.phone?.endsWith(phone.slice(-4))) throw QUERY_ERRORS.phoneMismatch();
			}
			const order = str(query.order) === 'asc' ? 'asc' : 'desc';
			const body = trackingResult(parcel, events, { com, resultv2: str(query.resultv2) || '0', order });
			return jsonText(maybeMalformed(fault, JSON.stringify(body)));
		} catch (error) {
			if (error instanceof Kuaidi100Error) return jsonText(failureBody(error));
			throw error;
		}
	}

	subscribe(req: SandboxRequest): ReplyOrHang {
		const { fault, reply } = infrastructureFault(this.world, 'subscribe');
		if (reply) return reply;
		try {
			const param = parseParam(req.params.param, SUBSCRIBE_ERRORS.badData);
			const key = str(param.key);
			if (!key || !this.backend.isKnownKey(key)) throw SUBSCRIBE_ERRORS.notSubscriber();
			accountFaults(this.world, 'subscribe', key, fault, SUBSCRIBE_ERRORS);
			const parameters = (param.parameters ?? {}) as Record<string, unknown>;
			const number = str(param.number);
			if (!number || number.length > MAX_NUMBER_LENGTH) throw SUBSCRIBE_ERRORS.badData('单号为空或过长');
			const callbackUrl = str(parameters.callbackurl);
			if (!/^https?:\/\/[^\s]+$/.test(callbackUrl)) throw SUBSCRIBE_ERRORS.badData('回调地址不正确');
			let com = str(param.company);
			if (!com && str(parameters.autoCom) === '1') com = this.backend.detectCompany(number) ?? '';
			if (!com) throw str(parameters.autoCom) === '1' ? SUBSCRIBE_ERRORS.unknownCompany() : SUBSCRIBE_ERRORS.badData('快递公司编码为空');
			if (!this.backend.isKnownCom(com)) throw SUBSCRIBE_ERRORS.badData(`不支持的快递公司编码 ${com}`);
			const salt = parameters.salt === undefined ? undefined : str(parameters.salt);
			const outcome = this.backend.subscribe({ com, number, key, callbackUrl, salt, resultv2: str(parameters.resultv2) || '0' });
			if (outcome === 'duplicate') throw SUBSCRIBE_ERRORS.duplicate();
			return jsonText(maybeMalformed(fault, JSON.stringify({ result: true, returnCode: '200', message: '提交成功' })));
		} catch (error) {
			if (error instanceof Kuaidi100Error) return jsonText(failureBody(error));
			throw error;
		}
	}

	label(req: SandboxRequest): ReplyOrHang {
		const { fault, reply } = infrastructureFault(this.world, 'label');
		if (reply) return reply;
		const { method, key, t, sign, param } = req.params;
		if (!method || !key || !t || !sign || !param) return jsonText(labelFailureBody(LABEL_CODES.badRequest, 'method、key、t、sign、param不能为空'));
		const account = this.world.registry.app(KUAIDI100_LABEL, key);
		if (!account) return jsonText(labelFailureBody(LABEL_CODES.badRequest, 'key不存在'));
		if (!signMatches(sign, labelSign(param, t, key, account.secret))) return jsonText(labelFailureBody(LABEL_CODES.badSign, '签名错误'));
		if (fault?.kind === 'expired_token') return jsonText(labelFailureBody(LABEL_CODES.keyExpired, 'key已过期'));
		if (fault?.kind === 'throttle' || this.world.limits.check(KUAIDI100, key, 'label', this.world.clock.now()).limited) {
			return jsonText(labelFailureBody(LABEL_CODES.busy, '请求过于频繁，请稍后再试'));
		}
		let body: Record<string, unknown>;
		try {
			body = parseParam(param, QUERY_ERRORS.badRequest);
		} catch {
			return jsonText(labelFailureBody(LABEL_CODES.badRequest, 'param不是合法的JSON'));
		}
		const kuaidicom = str(body.kuaidicom);
		if (method === 'order') {
			const created = this.backend.createLabel(kuaidicom, `${key}|${param}`);
			if (!created) return jsonText(labelFailureBody(LABEL_CODES.unknownCarrier, `不支持的快递公司 ${kuaidicom}`));
			const data = { taskId: created.taskId, kuaidinum: created.kuaidinum, childNum: '', returnNum: '', kdComOrderNum: created.kuaidinum };
			return jsonText(maybeMalformed(fault, JSON.stringify({ code: 200, message: 'success', time: Number(t), data })));
		}
		if (method === 'cancel') {
			this.world.recorder.record({ provider: KUAIDI100, kind: 'label_cancel', at: this.world.clock.now(), data: body });
			return jsonText(maybeMalformed(fault, JSON.stringify({ code: 200, message: 'success', data: {} })));
		}
		return jsonText(labelFailureBody(LABEL_CODES.badRequest, `不支持的method ${method}`));
	}
}
