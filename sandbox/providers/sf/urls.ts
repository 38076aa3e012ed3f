// SF routes (logistics.md §3.1-3.7) and its admin actions under /_admin/sf.
import { jsonReply } from '../../core/json';
import type { Route } from '../../core/provider';
import type { SfBackend } from './models';
import { SF_DEFAULTS } from './models';
import type { SfPushOptions, SfPushRecord } from './push';
import { sendRoutePushes } from './push';
import type { SfResponses } from './responses';

export function sfRoutes(responses: SfResponses): Route[] {
	return [
		{ methods: ['POST'], path: '/std/service', parser: 'form', handle: (req) => responses.service(req) },
		{ methods: ['POST'], path: '/oauth2/accessToken', parser: 'form+query', handle: (req) => responses.oauth(req) },
	];
}

export function sfAdminRoutes(backend: SfBackend): Route[] {
	const log: SfPushRecord[] = [];
	return [
		{
			methods: ['POST'],
			path: '/push-url',
			parser: 'json',
			handle: (req) => {
				const { url, partnerId = SF_DEFAULTS.partner.partnerId } = (req.json ?? {}) as { url?: string; partnerId?: string };
				if (!url) return jsonReply({ error: 'url is required' }, 400);
				backend.pushUrls.set(partnerId, url);
				return jsonReply({ partnerId, url });
			},
		},
		{ methods: ['POST'], path: '/push', parser: 'json', handle: async (req) => jsonReply({ pushes: await sendRoutePushes(backend, (req.json ?? {}) as SfPushOptions, log) }) },
		{ methods: ['GET'], path: '/pushes', parser: 'json', handle: () => jsonReply({ pushes: log }) },
		{ methods: ['GET'], path: '/orders', parser: 'json', handle: () => jsonReply({ orders: backend.liveOrders() }) },
	];
}
