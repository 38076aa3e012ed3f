// Pinduoduo routes: one gateway path, form or JSON POST (channels.md §6.1).
import type { Route } from '../../core/provider';
import type { PddGateway } from './gateway';
import { PDD_PARSER } from './params';

export function pinduoduoRoutes(gateway: PddGateway): Route[] {
	return [{ methods: ['POST'], path: '/api/router', parser: PDD_PARSER, handle: (req) => gateway.handle(req) }];
}
