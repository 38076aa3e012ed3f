// /cgi-bin/token (GET) and /cgi-bin/stable_token (POST): AppID + AppSecret -> an access token that expires.
import type { ReplyOrHang, SandboxRequest } from '../../core/http';
import { jsonText } from '../../core/http';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { WechatError, gatewayDown, wechatErrorBody } from './exceptions';
import { WECHAT, type WechatBackend } from './models';

function issue(world: SandboxWorld, backend: WechatBackend, req: SandboxRequest, input: { grantType?: unknown; appId?: unknown; secret?: unknown; force?: unknown }, stable: boolean): ReplyOrHang {
	const fault = world.faults.decide(WECHAT, req.path);
	if (fault?.kind === 'server_error') return gatewayDown(fault.spec.status ?? 502);
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	try {
		if (input.grantType !== 'client_credential') throw new WechatError(40002, 'invalid grant_type');
		const app = typeof input.appId === 'string' ? world.registry.app(WECHAT, input.appId) : undefined;
		if (!app) throw errors.invalidAppId();
		if (input.secret !== app.secret) throw errors.invalidSecret();
		const quota = world.limits.check(WECHAT, app.appKey, req.path, world.clock.now());
		if (quota.limited || fault?.kind === 'throttle') throw errors.quotaReached();
		const { token, expiresIn } = backend.issueToken(app.appKey, stable, input.force === true);
		return jsonText(JSON.stringify({ access_token: token, expires_in: expiresIn }));
	} catch (error) {
		if (error instanceof WechatError) return jsonText(wechatErrorBody(error, 'sandbox'));
		throw error;
	}
}

export const classicToken = (world: SandboxWorld, backend: WechatBackend, req: SandboxRequest) =>
	issue(world, backend, req, { grantType: req.query.grant_type, appId: req.query.appid, secret: req.query.secret }, false);

export function stableToken(world: SandboxWorld, backend: WechatBackend, req: SandboxRequest): ReplyOrHang {
	const body = (req.json ?? {}) as Record<string, unknown>;
	return issue(world, backend, req, { grantType: body.grant_type, appId: body.appid, secret: body.secret, force: body.force_refresh }, true);
}
