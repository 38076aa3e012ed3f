// The routerjson gateway: the checks every call passes, in order, before a method runs; then the
// `<method>_responce` envelope with code "0", JD's own spelling.
import type { FaultRule } from '../../core/faults';
import { Prerendered, objectText } from '../../core/envelope';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { jsonText, plainText } from '../../core/http';
import type { AccessToken, AppCredential } from '../../core/registry';
import { MINUTE_MS, parseShanghai } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { JosBusinessError, JosError, josErrorBody } from './exceptions';
import { JD } from './models';
import { UNREADABLE_PARAM_JSON } from './parser';
import { verifyJosSignature } from './sign';

/** The gateway accepts timestamps within this distance of its clock (channels.md §2.1). */
export const JOS_TIMESTAMP_TOLERANCE_MS = 6 * MINUTE_MS;

export interface JosCall {
	params: Record<string, string>;
	method: string;
	/** 360buy_param_json, parsed by the JOS request parser. */
	business: Record<string, unknown>;
	app: AppCredential;
	token: AccessToken;
	shopId: string;
	fault?: FaultRule;
}

export interface JosMethod {
	/** The member of `<method>_responce` that carries the result (and apiResult on a refusal); '' = the responce itself. */
	resultMember: string;
	/** Whether a refusal sits on `resultMember.apiResult` (order methods) or on `resultMember` itself. */
	apiResultWrapped: boolean;
	/** Returns the members of `<method>_responce` besides `code`. */
	handle(call: JosCall): Record<string, unknown>;
}

/** jingdong.pop.order.get -> jingdong_pop_order_get_responce */
export function responceKey(method: string): string {
	return `${method.replace(/\./g, '_')}_responce`;
}

/** "yyyy-MM-dd HH:mm:ss", optionally with ".SSS+0800" as in JD's own example, -> epoch ms. */
export function parseJosTimestamp(text: string): number | undefined {
	const match = /^(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})(?:\.(\d{3}))?(?:([+-])(\d{2}):?(\d{2}))?$/.exec(text);
	if (!match) return undefined;
	const local = parseShanghai(match[1]);
	if (local === undefined) return undefined;
	const millis = Number(match[2] ?? 0);
	if (!match[3]) return local + millis;
	const offsetMs = (match[3] === '-' ? -1 : 1) * (Number(match[4]) * 60 + Number(match[5])) * MINUTE_MS;
	// Shanghai wall time is UTC+8; another offset shifts the instant accordingly.
	return local + millis + 8 * 60 * MINUTE_MS - offsetMs;
}

/** What JD's front proxy answers when the service behind it is down. */
function gatewayDown(status: number) {
	const text = status === 504 ? 'Gateway Time-out' : status === 503 ? 'Service Temporarily Unavailable' : 'Bad Gateway';
	return plainText(`<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>JDWS</center>\r\n</body>\r\n</html>\r\n`, status, 'text/html');
}

export class JosGateway {
	constructor(
		private readonly world: SandboxWorld,
		private readonly methods: Record<string, JosMethod>,
	) {}

	handle(req: SandboxRequest): ReplyOrHang {
		const params = req.params;
		const method = params.method ?? '';
		const fault = this.world.faults.decide(JD, method);
		if (fault?.kind === 'server_error') return gatewayDown(fault.spec.status ?? 502);
		if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
		const handler: JosMethod | undefined = Object.hasOwn(this.methods, method) ? this.methods[method] : undefined;
		try {
			const call = this.authenticate(params, req.json, fault);
			const members = (handler as JosMethod).handle(call);
			const body = objectText({ [responceKey(call.method)]: new Prerendered(objectText({ code: '0', ...members })) });
			// A cut-off body, as when a proxy drops the connection mid-response.
			if (fault?.kind === 'malformed') return jsonText(body.slice(0, Math.max(1, Math.floor(body.length / 2))));
			return jsonText(body);
		} catch (error) {
			if (error instanceof JosError) return jsonText(josErrorBody(error));
			if (error instanceof JosBusinessError && handler) {
				const refusal = handler.apiResultWrapped ? { apiResult: error.apiResult() } : error.apiResult();
				// No result member: the refusal's fields sit on the `_responce` itself.
				const members = handler.resultMember ? { [handler.resultMember]: refusal } : refusal;
				return jsonText(JSON.stringify({ [responceKey(method)]: { code: '0', ...members } }));
			}
			throw error;
		}
	}

	/** Order of checks [I]: app key, signature, timestamp, method, version, access token, quota, faults, parameters. */
	private authenticate(params: Record<string, string>, business: unknown, fault: FaultRule | undefined): JosCall {
		const app = params.app_key ? this.world.registry.app(JD, params.app_key) : undefined;
		if (!app) throw errors.invalidAppKey(params.app_key ?? '');
		if (!params.sign) throw errors.missingSignature();
		if (!verifyJosSignature(params, app.secret)) throw errors.invalidSignature();
		if (!params.timestamp) throw errors.missingTimestamp();
		const sentAt = parseJosTimestamp(params.timestamp);
		if (sentAt === undefined || Math.abs(sentAt - this.world.clock.now()) > JOS_TIMESTAMP_TOLERANCE_MS) throw errors.invalidTimestamp();
		if (!params.method) throw errors.missingMethod();
		if (!Object.hasOwn(this.methods, params.method)) throw errors.invalidMethod();
		if (!params.v) throw errors.missingVersion();
		if (params.v !== '2.0') throw errors.unsupportedVersion();
		const token = params.access_token ? this.world.registry.token(JD, params.access_token) : undefined;
		if (!token || token.appKey !== app.appKey) throw errors.invalidAccessToken();
		if (token.expiresAt <= this.world.clock.now() || fault?.kind === 'expired_token') throw errors.invalidAccessToken();
		const quota = this.world.limits.check(JD, app.appKey, params.method, this.world.clock.now());
		if (quota.limited || fault?.kind === 'throttle') throw errors.appCallLimited();
		if (business === UNREADABLE_PARAM_JSON || typeof business !== 'object' || business === null) {
			throw errors.invalidParameter('360buy_param_json', '不是合法的JSON对象');
		}
		return { params, method: params.method, business: business as Record<string, unknown>, app, token, shopId: token.shopId, fault };
	}
}
