// Kuaidi100 routes (logistics.md §1.1-1.4) and its admin actions under /_admin/kuaidi100.
import { jsonReply } from '../../core/json';
import type { Route } from '../../core/provider';
import type { Kuaidi100Backend } from './models';
import type { PushOptions, PushRecord } from './push';
import { sendPushes } from './push';
import type { Kuaidi100Responses } from './responses';

export function kuaidi100Routes(responses: Kuaidi100Responses): Route[] {
	return [
		{ methods: ['POST'], path: '/poll/query.do', parser: 'form', handle: (req) => responses.query(req) },
		{ methods: ['POST'], path: '/poll', parser: 'form', handle: (req) => responses.subscribe(req) },
		{ methods: ['POST'], path: '/label/order', parser: 'form', handle: (req) => responses.label(req) },
	];
}

export function kuaidi100AdminRoutes(backend: Kuaidi100Backend): Route[] {
	const log: PushRecord[] = [];
	return [
		{ methods: ['GET'], path: '/subscriptions', parser: 'json', handle: (req) => jsonReply({ subscriptions: backend.list(req.query) }) },
		{
			methods: ['POST'],
			path: '/push',
			parser: 'json',
			handle: async (req) => jsonReply({ pushes: await sendPushes(backend, (req.json ?? {}) as PushOptions, log) }),
		},
		{ methods: ['GET'], path: '/pushes', parser: 'json', handle: () => jsonReply({ pushes: log }) },
	];
}
