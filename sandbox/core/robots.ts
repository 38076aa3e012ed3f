// Group robots (DingTalk, WeCom, Feishu): which tokens exist with which security settings, throttle bans,
// and every accepted message, readable through /_admin/<provider>/messages and /_admin/pushed.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpProblem } from './http';
import { jsonReply } from './json';
import type { Route } from './provider';
import type { RecordedWrite } from './recorder';
import type { SandboxWorld } from './world';

export interface RobotSettings {
	token: string;
	/** DingTalk 加签 / Feishu signature secret; absent when the robot does not sign. */
	secret?: string;
	/** The custom keywords security setting: a message must contain one of them. */
	keywords?: string[];
	label?: string;
}

export class RobotBook {
	private readonly robots = new Map<string, RobotSettings>();
	private readonly bans = new Map<string, number>();

	constructor(
		private readonly world: SandboxWorld,
		readonly provider: string,
	) {}

	add(settings: RobotSettings): RobotSettings {
		const robot = { ...settings, keywords: settings.keywords?.filter((k) => k !== '') };
		this.robots.set(robot.token, robot);
		return robot;
	}

	get(token: string): RobotSettings | undefined {
		return this.robots.get(token);
	}

	list(): RobotSettings[] {
		return [...this.robots.values()];
	}

	ban(token: string, forMs: number): void {
		this.bans.set(token, this.world.clock.now() + forMs);
	}

	isBanned(token: string): boolean {
		return (this.bans.get(token) ?? 0) > this.world.clock.now();
	}

	/** Counts the send against the platform quota (see world.limits); true when it is over. */
	overQuota(token: string, method: string): boolean {
		return this.world.limits.check(this.provider, token, method, this.world.clock.now()).limited;
	}

	accept(token: string, body: unknown): RecordedWrite {
		return this.world.recorder.record({
			provider: this.provider,
			kind: 'message',
			at: this.world.clock.now(),
			data: { robot: token, body },
		});
	}

	messages(token?: string): RecordedWrite[] {
		return this.world.recorder
			.list({ provider: this.provider, kind: 'message' })
			.filter((entry) => token === undefined || entry.data.robot === token);
	}
}

/** Every string inside a message body, for the keyword check (platforms look at the whole content). */
export function messageStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(messageStrings);
	if (value !== null && typeof value === 'object') return Object.values(value).flatMap(messageStrings);
	return [];
}

export function hasKeyword(robot: RobotSettings, content: unknown): boolean {
	const keywords = robot.keywords ?? [];
	if (keywords.length === 0) return true;
	const text = messageStrings(content).join('\n');
	return keywords.some((keyword) => text.includes(keyword));
}

export function base64Hmac(key: string, data: string): string {
	return createHmac('sha256', key).update(data, 'utf8').digest('base64');
}

export function sameText(a: string, b: string): boolean {
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	return left.length === right.length && timingSafeEqual(left, right);
}

/** GET /robots, POST /robots {token, secret?, keywords?, label?}, GET /messages[?robot=] */
export function robotAdminRoutes(book: RobotBook): Route[] {
	return [
		{ methods: ['GET'], path: '/robots', parser: 'json', handle: () => jsonReply({ robots: book.list() }) },
		{
			methods: ['POST'],
			path: '/robots',
			parser: 'json',
			handle: (req) => {
				const body = (req.json ?? {}) as Record<string, unknown>;
				if (typeof body.token !== 'string' || body.token === '') throw new HttpProblem(400, 'token is required');
				const keywords = Array.isArray(body.keywords) ? body.keywords.map(String) : undefined;
				const secret = typeof body.secret === 'string' && body.secret !== '' ? body.secret : undefined;
				const label = typeof body.label === 'string' ? body.label : undefined;
				return jsonReply(book.add({ token: body.token, secret, keywords, label }), 201);
			},
		},
		{
			methods: ['GET'],
			path: '/messages',
			parser: 'json',
			handle: (req) => jsonReply({ messages: book.messages(req.query.robot) }),
		},
	];
}
