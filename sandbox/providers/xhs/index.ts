// Xiaohongshu Ark emulator: /xhs/ark/open_api/v3/common_controller.
import type { ProviderFactory } from '../../core/provider';
import { XHS, XHS_DEFAULTS, XHS_GATEWAY_PATH, XhsBackend } from './models';
import { xhsRoutes } from './urls';

export const xhsProvider: ProviderFactory = {
	name: XHS,
	create(world) {
		const backend = new XhsBackend(world);
		backend.seed();
		return {
			name: XHS,
			prefix: '/xhs',
			routes: xhsRoutes(world, backend),
			describe: (baseUrl) => {
				const d = XHS_DEFAULTS;
				return [
					`Xiaohongshu 小红书  ${baseUrl}/xhs${XHS_GATEWAY_PATH}  (JSON POST, method in body)`,
					`  App ID ${d.app.appKey}  App Secret ${d.app.secret}  seller ${d.shop.shopId} (${d.shop.name})`,
					`  Access Token ${d.token.accessToken}  Refresh Token ${d.token.refreshToken}`,
				];
			},
		};
	},
};
