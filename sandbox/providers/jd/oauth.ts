// JD OAuth beside the gateway (channels.md §2.3): a refresh token buys a new access token. Response field
// names follow the public auth clients [I]; errors answer {code, msg} [I].
import type { SandboxReply, SandboxRequest } from '../../core/http';
import { jsonReply } from '../../core/json';
import { DAY_MS } from '../../core/time';
import type { SandboxWorld } from '../../core/world';
import { JD, JD_DEFAULTS } from './models';

/** [I] OAuth error codes the sandbox answers. */
export const JD_OAUTH_ERRORS = {
	invalidApp: { code: 1001, msg: 'app_key或app_secret无效' },
	invalidGrant: { code: 1002, msg: 'grant_type必须是refresh_token' },
	invalidRefreshToken: { code: 1004, msg: 'refresh_token无效或已过期' },
} as const;

export class JdOAuth {
	/** refresh token -> shop, for the tokens this sandbox issued; seeded with the default shops'. */
	private readonly refreshTokens = new Map<string, { shopId: string; appKey: string; serial: number }>();

	constructor(private readonly world: SandboxWorld) {
		for (const shop of JD_DEFAULTS.shops) this.refreshTokens.set(shop.refreshToken, { shopId: shop.shopId, appKey: JD_DEFAULTS.app.appKey, serial: 0 });
	}

	refresh(req: SandboxRequest): SandboxReply {
		const q = req.params;
		const app = q.app_key ? this.world.registry.app(JD, q.app_key) : undefined;
		if (!app || app.secret !== q.app_secret) return jsonReply(JD_OAUTH_ERRORS.invalidApp);
		if (q.grant_type !== 'refresh_token') return jsonReply(JD_OAUTH_ERRORS.invalidGrant);
		const grant = q.refresh_token ? this.refreshTokens.get(q.refresh_token) : undefined;
		if (!grant || grant.appKey !== app.appKey) return jsonReply(JD_OAUTH_ERRORS.invalidRefreshToken);
		const now = this.world.clock.now();
		grant.serial += 1;
		const accessToken = `jdtoken-${grant.shopId}-r${grant.serial}-${now}`;
		const expiresIn = JD_DEFAULTS.tokenDays * DAY_MS;
		this.world.registry.addToken({ provider: JD, token: accessToken, shopId: grant.shopId, appKey: app.appKey, expiresAt: now + expiresIn });
		return jsonReply({
			access_token: accessToken,
			expires_in: expiresIn / 1000,
			refresh_token: q.refresh_token,
			scope: 'snsapi_base',
			open_id: `jdopen-${grant.shopId}`,
			uid: grant.shopId,
			time: now,
			token_type: 'bearer',
		});
	}
}
