// Taobao routes: one gateway path, GET or POST (channels.md §1.1).
import type { Route } from '../../core/provider';
import type { TopGateway } from './gateway';

export function taobaoRoutes(gateway: TopGateway): Route[] {
	return [{ methods: '*', path: '/router/rest', parser: 'form+query', handle: (req) => gateway.handle(req) }];
}
