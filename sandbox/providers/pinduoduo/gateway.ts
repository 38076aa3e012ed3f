// The Pinduoduo gateway: the checks every call passes, in order, before an API runs; then the envelope
// under the API's own root key (channels.md §6.1, §6.9).
import type { FaultRule } from '../../core/faults';
import { objectText, Prerendered, requestIdFor } from '../../core/envelope';
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { cutInHalf, jsonText, plainText } from '../../core/http';
import type { AccessToken, AppCredential } from '../../core/registry';
import { MINUTE_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { PddError, pddErrorBody } from './exceptions';
import { PINDUODUO } from './models';
import { verifyPddSignature } from './sign';

/** The gateway accepts timestamps within this distance of its clock (channels.md §6.1). */
export const PDD_TIMESTAMP_TOLERANCE_MS = 10 * MINUTE_MS;

export interface PddCall {
	params: Record<string, string>;
	type: string;
	app: AppCredential;
	token?: AccessToken;
	shopId: string;
	fault?: FaultRule;
}

export interface PddApi {
	/** The success root key, e.g. order_sn_increment_get_response (not derivable from the name). */
	responseKey: string;
	needsToken: boolean;
	/** The members of the root object; request_id is added by the gateway. */
	handle(call: PddCall): Record<string, unknown>;
}

export class PddGateway {
	constructor(
		private readonly world: SandboxWorld,
		private readonly apis: Record<string, PddApi>,
	) {}

	handle(req: SandboxRequest): ReplyOrHang {
		const params = req.params;
		const requestId = requestIdFor(this.world.options.seed, req.fullPath, req.rawBody);
		const type = params.type ?? '';
		const fault = this.world.faults.decide(PINDUODUO, type);
		if (fault?.kind === 'server_error') return plainText('<html><body><h1>502 Bad Gateway</h1></body></html>', fault.spec.status ?? 502, 'text/html');
		if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
		try {
			const call = this.authenticate(params, fault);
			const api = this.apis[call.type];
			const members = api.handle(call);
			const body = objectText({ [api.responseKey]: new Prerendered(objectText({ ...members, request_id: requestId })) });
			return jsonText(fault?.kind === 'malformed' ? cutInHalf(body) : body);
		} catch (error) {
			if (error instanceof PddError) return jsonText(pddErrorBody(error, requestId));
			throw error;
		}
	}

	/** Order of checks [I]: client id, signature, timestamp, type, access token, quota, faults. */
	private authenticate(params: Record<string, string>, fault: FaultRule | undefined): PddCall {
		if (!params.client_id) throw errors.missingParameter('client_id');
		const app = this.world.registry.app(PINDUODUO, params.client_id);
		if (!app) throw errors.unknownClient();
		if (!params.sign) throw errors.missingParameter('sign');
		if (!verifyPddSignature(params, app.secret)) throw errors.invalidSignature();
		if (!params.timestamp) throw errors.missingParameter('timestamp');
		if (!/^\d{9,11}$/.test(params.timestamp)) throw errors.invalidParameter('timestamp', 'must be Unix seconds');
		if (Math.abs(Number(params.timestamp) * 1000 - this.world.clock.now()) > PDD_TIMESTAMP_TOLERANCE_MS) {
			throw errors.invalidParameter('timestamp', '时间戳与服务器时间相差超过10分钟');
		}
		if ((params.data_type ?? 'JSON').toUpperCase() !== 'JSON') throw errors.invalidParameter('data_type', 'the sandbox answers JSON only');
		if (!params.type) throw errors.missingParameter('type');
		const api = this.apis[params.type];
		if (!api) throw errors.unknownType(params.type);
		let token: AccessToken | undefined;
		if (api.needsToken) {
			if (!params.access_token) throw errors.missingParameter('access_token');
			token = this.world.registry.token(PINDUODUO, params.access_token);
			if (!token || token.appKey !== app.appKey) throw errors.tokenExpired(false);
			if (token.expiresAt <= this.world.clock.now() || fault?.kind === 'expired_token') throw errors.tokenExpired(true);
		}
		const quota = this.world.limits.check(PINDUODUO, app.appKey, params.type, this.world.clock.now());
		if (quota.limited || fault?.kind === 'throttle') throw errors.throttled();
		return { params, type: params.type, app, token, shopId: token?.shopId ?? '', fault };
	}
}
