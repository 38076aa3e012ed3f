// JD routes: the routerjson gateway (GET or POST form) and the OAuth token endpoints beside it (channels.md §2.1, §2.3).
import type { Route } from '../../core/provider';
import type { JosGateway } from './gateway';
import type { JdOAuth } from './oauth';
import { JOS_PARSER } from './parser';

export function jdRoutes(gateway: JosGateway, oauth: JdOAuth): Route[] {
	return [
		{ methods: ['GET', 'POST'], path: '/routerjson', parser: JOS_PARSER, handle: (req) => gateway.handle(req) },
		{ methods: ['GET'], path: '/oauth2/refresh_token', parser: 'query', handle: (req) => oauth.refresh(req) },
	];
}
