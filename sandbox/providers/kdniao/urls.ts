// Kdniao routes (logistics.md §2.2): the production paths and the sandbox gateway, all one signed envelope.
import { jsonReply } from '../../core/json';
import type { Route } from '../../core/provider';
import type { KdniaoBackend } from './models';
import { KDNIAO_DEFAULTS } from './models';
import type { KdniaoPushOptions, KdniaoPushRecord } from './push';
import { sendKdniaoPushes } from './push';
import type { KdniaoResponses } from './responses';

const PATHS = ['/Ebusiness/EbusinessOrderHandle.aspx', '/api/dist', '/api/EOrderService', '/kdniaosandbox/gateway/exterfaceInvoke.json'];

export function kdniaoRoutes(responses: KdniaoResponses): Route[] {
	return PATHS.map((path) => ({ methods: ['POST'], path, parser: 'form', handle: (req) => responses.handle(req) }));
}

export function kdniaoAdminRoutes(backend: KdniaoBackend): Route[] {
	const log: KdniaoPushRecord[] = [];
	return [
		{
			methods: ['POST'],
			path: '/push-url',
			parser: 'json',
			handle: (req) => {
				const { url, eBusinessId = KDNIAO_DEFAULTS.account.eBusinessId } = (req.json ?? {}) as { url?: string; eBusinessId?: string };
				if (!url) return jsonReply({ error: 'url is required' }, 400);
				backend.pushUrls.set(eBusinessId, url);
				return jsonReply({ eBusinessId, url });
			},
		},
		{ methods: ['POST'], path: '/push', parser: 'json', handle: async (req) => jsonReply({ pushes: await sendKdniaoPushes(backend, (req.json ?? {}) as KdniaoPushOptions, log) }) },
		{ methods: ['GET'], path: '/pushes', parser: 'json', handle: () => jsonReply({ pushes: log }) },
		{ methods: ['GET'], path: '/subscriptions', parser: 'json', handle: () => jsonReply({ subscriptions: [...backend.subscriptions.values()] }) },
	];
}
