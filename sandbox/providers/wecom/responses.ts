// POST /wecom/cgi-bin/webhook/send: key, quota and message checks, then the message is recorded.
import { requestIdFor } from '../../core/envelope';
import { jsonText, plainText, type ReplyOrHang, type SandboxRequest } from '../../core/http';
import type { RobotBook } from '../../core/robots';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { WeComError, wecomBody } from './exceptions';
import { WECOM, WECOM_CONTENT_LIMITS, WECOM_MSG_TYPES, WECOM_SEND_METHOD } from './models';

function checkMessage(body: Record<string, unknown>): void {
	const msgtype = body.msgtype;
	if (typeof msgtype !== 'string' || !WECOM_MSG_TYPES.includes(msgtype)) throw errors.invalidMessageType();
	const limit = WECOM_CONTENT_LIMITS[msgtype];
	const content = (body[msgtype] as { content?: unknown } | undefined)?.content;
	if (limit !== undefined && typeof content === 'string' && Buffer.byteLength(content, 'utf8') > limit) {
		throw errors.contentTooLong(msgtype, limit);
	}
}

export function handleSend(world: SandboxWorld, robots: RobotBook, req: SandboxRequest): ReplyOrHang {
	const fault = world.faults.decide(WECOM, WECOM_SEND_METHOD);
	if (fault?.kind === 'server_error') return plainText('Bad Gateway', fault.spec.status ?? 502);
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	const hint = requestIdFor(world.options.seed, req.fullPath, JSON.stringify(req.query), req.rawBody);
	const ip = String(req.headers['x-forwarded-for'] ?? '127.0.0.1');
	try {
		const robot = robots.get(req.query.key ?? '');
		if (!robot || fault?.kind === 'expired_token') throw errors.invalidWebhookUrl();
		if (fault?.kind === 'throttle' || robots.overQuota(robot.token, WECOM_SEND_METHOD)) throw errors.freqOutOfLimit();
		const body = (req.json ?? {}) as Record<string, unknown>;
		checkMessage(body);
		robots.accept(robot.token, body);
		const ok = wecomBody(undefined, hint, ip);
		return jsonText(fault?.kind === 'malformed' ? ok.slice(0, ok.length / 2) : ok);
	} catch (error) {
		if (error instanceof WeComError) return jsonText(wecomBody(error, hint, ip));
		throw error;
	}
}
