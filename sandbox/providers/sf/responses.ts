// SF handlers: std/service (digest or token, then the service) and oauth2/accessToken, in SF's envelopes.
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import { isFormContentType } from '../../core/parsers';
import { Rng } from '../../core/rng';
import type { SandboxWorld } from '../../core/world';
import { BUSINESS, GATEWAY, SfBusinessError, gatewayBody, resultBody } from './exceptions';
import type { SfBackend, SfContact } from './models';
import { SF } from './models';
import { sfRoute } from './render';
import { digestMatches, msgDigest } from './sign';

/** A route query takes at most this many numbers (8003 beyond). */
const MAX_ROUTE_NUMBERS = 10;

const str = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
const json = (body: unknown) => jsonText(JSON.stringify(body));

export class SfResponses {
	private seq = 0;

	constructor(
		private readonly world: SandboxWorld,
		private readonly backend: SfBackend,
	) {}

	private responseId(): string {
		return new Rng(this.world.options.seed, 'sf-response', ++this.seq).token(32, '0123456789abcdef');
	}

	oauth(req: SandboxRequest): ReplyOrHang {
		const { partnerID, secret, grantType } = req.params;
		if (!partnerID || !secret || grantType !== 'password') return json(gatewayBody(GATEWAY.missing, this.responseId()));
		const checkWord = this.backend.checkWordOf(partnerID);
		if (!checkWord || checkWord !== secret) return json(gatewayBody(GATEWAY.badDigest, this.responseId()));
		return json({ apiResultCode: GATEWAY.ok, apiErrorMsg: '', apiResponseID: this.responseId(), ...this.backend.issueToken(partnerID) });
	}

	service(req: SandboxRequest): ReplyOrHang {
		const id = this.responseId();
		const fault = this.world.faults.decide(SF, 'service');
		if (fault?.kind === 'server_error') return json(gatewayBody(GATEWAY.system, id));
		if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
		if (!isFormContentType(String(req.headers['content-type'] ?? ''))) return json(gatewayBody(GATEWAY.missing, id));
		const { partnerID, requestID, serviceCode, timestamp, msgData, msgDigest: digest, accessToken } = req.params;
		if (!partnerID || !requestID || !serviceCode || !timestamp || !msgData || (!digest && !accessToken)) return json(gatewayBody(GATEWAY.missing, id));
		const checkWord = this.backend.checkWordOf(partnerID);
		if (!checkWord) return json(gatewayBody(GATEWAY.noPermission, id));
		if (accessToken) {
			const state = this.backend.tokenState(partnerID, accessToken);
			if (state !== 'ok' || fault?.kind === 'expired_token') return json(gatewayBody(GATEWAY.tokenExpired, id));
		} else if (!digestMatches(digest, msgDigest(msgData, timestamp, checkWord))) {
			return json(gatewayBody(GATEWAY.badDigest, id));
		}
		if (fault?.kind === 'throttle' || this.world.limits.check(SF, partnerID, serviceCode, this.world.clock.now()).limited) {
			return json(gatewayBody(GATEWAY.throttled, id));
		}
		let data: Record<string, unknown>;
		try {
			data = JSON.parse(msgData);
		} catch {
			return json(gatewayBody(GATEWAY.missing, id));
		}
		try {
			const result = this.dispatch(partnerID, serviceCode, data);
			if (result === undefined) return json(gatewayBody(GATEWAY.noPermission, id));
			return json(resultBody(id, { success: true, errorCode: 'S0000', errorMsg: null, msgData: result }));
		} catch (error) {
			if (!(error instanceof SfBusinessError)) throw error;
			return json(resultBody(id, { success: false, errorCode: error.code, errorMsg: error.message, msgData: null }));
		}
	}

	private dispatch(partnerId: string, serviceCode: string, data: Record<string, unknown>): unknown {
		const b = this.backend;
		const orderId = str(data.orderId);
		switch (serviceCode) {
			case 'EXP_RECE_CREATE_ORDER': {
				const contacts = Array.isArray(data.contactInfoList) ? (data.contactInfoList as SfContact[]) : [];
				const cargo = Array.isArray(data.cargoDetails) ? data.cargoDetails : [];
				const order = b.createOrder(partnerId, orderId, contacts, cargo, str(data.monthlyCard));
				return this.orderResult(order.orderId, order.waybillNo);
			}
			case 'EXP_RECE_SEARCH_ORDER_RESP': {
				const order = b.order(partnerId, orderId);
				return this.orderResult(order.orderId, order.waybillNo);
			}
			case 'EXP_RECE_UPDATE_ORDER': {
				const order = Number(data.dealType) === 2 ? b.cancel(partnerId, orderId) : b.order(partnerId, orderId);
				return { orderId: order.orderId, waybillNoInfoList: [{ waybillType: 1, waybillNo: order.waybillNo }], resStatus: 2 };
			}
			case 'EXP_RECE_SEARCH_ROUTES':
				return { routeResps: this.routes(partnerId, data) };
			default:
				return undefined;
		}
	}

	private orderResult(orderId: string, waybillNo: string) {
		return { orderId, originCode: '571', destCode: '021', filterResult: 2, waybillNoInfoList: [{ waybillType: 1, waybillNo }] };
	}

	private routes(partnerId: string, data: Record<string, unknown>) {
		const numbers = (Array.isArray(data.trackingNumber) ? data.trackingNumber : [data.trackingNumber]).map(str).filter(Boolean);
		if (!numbers.length) throw new SfBusinessError(BUSINESS.noNumbers);
		if (numbers.length > MAX_ROUTE_NUMBERS) throw new SfBusinessError(BUSINESS.tooManyNumbers);
		const byOrder = Number(data.trackingType) === 2;
		return numbers.map((number) => {
			const mailNo = byOrder ? this.backend.waybillByOrder(partnerId, number) ?? number : number;
			const parcel = this.backend.parcelFor(partnerId, mailNo, str(data.checkPhoneNo));
			return { mailNo, routes: parcel ? this.backend.visible(parcel).map(sfRoute) : [] };
		});
	}
}
