// The TOP gateway: the checks every call passes, in order, before a method runs; then the envelope.
import type { FaultRule } from '../../core/faults';
import { EncodedMembers, Prerendered, envelopeChunks, objectText, requestIdFor } from '../../core/envelope';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { cutInHalf, jsonText, plainText } from '../../core/http';
import type { AccessToken, AppCredential } from '../../core/registry';
import { MINUTE_MS, parseShanghai } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { TopError, topErrorBody } from './exceptions';
import { TAOBAO } from './models';
import { verifyTopSignature } from './sign';

/** The gateway accepts timestamps within this distance of its clock (channels.md §1.1). */
export const TOP_TIMESTAMP_TOLERANCE_MS = 10 * MINUTE_MS;
/** Default ban length in the throttle message when a fault does not say. */
export const DEFAULT_BAN_SECONDS = 71;

export interface TopCall {
	params: Record<string, string>;
	method: string;
	app: AppCredential;
	session?: AccessToken;
	shopId: string;
	simplify: boolean;
	fault?: FaultRule;
}

export interface TopMethod {
	needsSession: boolean;
	/** Returns the members of `<method>_response`; request_id is added by the gateway. */
	handle(call: TopCall): Record<string, unknown> | EncodedMembers;
}

/** taobao.trades.sold.get -> trades_sold_get_response */
export function responseKey(method: string): string {
	return `${method.replace(/^(taobao|tmall|alibaba)\./, '').replace(/\./g, '_')}_response`;
}

/** What a gateway behind Tengine answers when the upstream is down. */
function gatewayDown(status: number) {
	const text = status === 504 ? 'Gateway Time-out' : status === 503 ? 'Service Temporarily Unavailable' : 'Bad Gateway';
	return plainText(
		`<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`,
		status,
		'text/html',
	);
}

export class TopGateway {
	constructor(
		private readonly world: SandboxWorld,
		private readonly methods: Record<string, TopMethod>,
	) {}

	handle(req: SandboxRequest): ReplyOrHang {
		const params = req.params;
		const requestId = requestIdFor(this.world.options.seed, req.fullPath, JSON.stringify(req.query), req.rawBody);
		const method = params.method ?? '';
		const fault = this.world.faults.decide(TAOBAO, method);
		if (fault?.kind === 'server_error') return gatewayDown(fault.spec.status ?? 502);
		if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
		try {
			const call = this.authenticate(req, params, fault);
			const handler = this.methods[call.method];
			const members = handler.handle(call);
			const key = responseKey(call.method);
			const body =
				members instanceof EncodedMembers
					? envelopeChunks(key, members, requestId)
					: objectText({ [key]: new Prerendered(objectText({ ...members, request_id: requestId })) });
			return jsonText(fault?.kind === 'malformed' ? cutInHalf(body) : body);
		} catch (error) {
			if (error instanceof TopError) return jsonText(topErrorBody(error, requestId));
			throw error;
		}
	}

	/** Order of checks [I]: app key, signature, timestamp, method, version, format, session, quota, faults. */
	private authenticate(req: SandboxRequest, params: Record<string, string>, fault: FaultRule | undefined): TopCall {
		if (req.method !== 'GET' && req.method !== 'POST') throw errors.httpMethodNotAllowed();
		if (!params.app_key) throw errors.missingAppKey();
		const app = this.world.registry.app(TAOBAO, params.app_key);
		if (!app) throw errors.invalidAppKey();
		if (!params.sign) throw errors.missingSignature();
		if (!verifyTopSignature(params, app.secret)) throw errors.invalidSignature();
		if (!params.timestamp) throw errors.missingTimestamp();
		const sentAt = parseShanghai(params.timestamp);
		if (sentAt === undefined) throw errors.invalidTimestamp('timestamp must be yyyy-MM-dd HH:mm:ss (GMT+8)');
		if (Math.abs(sentAt - this.world.clock.now()) > TOP_TIMESTAMP_TOLERANCE_MS) {
			throw errors.invalidTimestamp('timestamp differs from the server time by more than 10 minutes');
		}
		if (!params.method) throw errors.missingMethod();
		const handler = this.methods[params.method];
		if (!handler) throw errors.invalidMethod(params.method);
		if (!params.v) throw errors.missingVersion();
		if (params.v !== '2.0') throw errors.invalidVersion();
		if ((params.format ?? 'xml') !== 'json') {
			throw errors.invalidArgument('format', 'the sandbox answers format=json only');
		}
		let session: AccessToken | undefined;
		if (handler.needsSession) {
			if (!params.session) throw errors.missingSession();
			session = this.world.registry.token(TAOBAO, params.session);
			if (!session || session.appKey !== app.appKey) throw errors.invalidSession(false);
			if (session.expiresAt <= this.world.clock.now() || fault?.kind === 'expired_token') throw errors.invalidSession(true);
		}
		const quota = this.world.limits.check(TAOBAO, app.appKey, params.method, this.world.clock.now());
		if (quota.limited) throw errors.appCallLimited(Math.max(1, Math.ceil(quota.retryAfterMs / 1000)));
		if (fault?.kind === 'throttle') throw errors.appCallLimited(fault.spec.banSeconds ?? DEFAULT_BAN_SECONDS);
		return {
			params,
			method: params.method,
			app,
			session,
			shopId: session?.shopId ?? '',
			simplify: params.simplify === 'true',
			fault,
		};
	}
}
