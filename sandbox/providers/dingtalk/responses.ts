// POST /dingtalk/robot/send: token, 加签, quota, message and keyword checks, then the message is recorded.
import { base64Hmac, hasKeyword, sameText, type RobotBook, type RobotSettings } from '../../core/robots';
import { jsonText, plainText, type ReplyOrHang, type SandboxRequest } from '../../core/http';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { DingTalkError, dingtalkBody } from './exceptions';
import { DINGTALK, DINGTALK_BAN_MS, DINGTALK_MSG_TYPES, DINGTALK_SEND_METHOD, DINGTALK_TIMESTAMP_TOLERANCE_MS } from './models';

function checkSignature(robot: RobotSettings, query: Record<string, string>, now: number): void {
	if (!robot.secret) return;
	const { timestamp, sign } = query;
	if (!timestamp || !sign) throw errors.signNotMatch();
	if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) - now) > DINGTALK_TIMESTAMP_TOLERANCE_MS) {
		throw errors.invalidTimestamp();
	}
	// The query arrives URL-decoded once; a client that encoded twice still has %2B here and fails, as on DingTalk.
	if (!sameText(sign, base64Hmac(robot.secret, `${timestamp}\n${robot.secret}`))) throw errors.signNotMatch();
}

function checkMessage(robot: RobotSettings, body: Record<string, unknown>): void {
	const msgtype = body.msgtype;
	if (typeof msgtype !== 'string' || msgtype === '') throw errors.missingParameter('msgtype');
	if (!DINGTALK_MSG_TYPES.includes(msgtype)) throw errors.unsupportedMsgType();
	const content = body[msgtype] as Record<string, unknown> | undefined;
	if (msgtype === 'text' && !(typeof content?.content === 'string' && content.content !== '')) throw errors.missingParameter('content');
	if (msgtype === 'markdown' && !(content?.title && content?.text)) throw errors.missingParameter('markdown');
	if (!hasKeyword(robot, content)) throw errors.keywordsNotInContent();
}

export function handleSend(world: SandboxWorld, robots: RobotBook, req: SandboxRequest): ReplyOrHang {
	const fault = world.faults.decide(DINGTALK, DINGTALK_SEND_METHOD);
	if (fault?.kind === 'server_error') return plainText('Bad Gateway', fault.spec.status ?? 502);
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	try {
		const robot = robots.get(req.query.access_token ?? '');
		if (!robot || fault?.kind === 'expired_token') throw errors.tokenNotExist();
		checkSignature(robot, req.query, world.clock.now());
		if (robots.isBanned(robot.token) || fault?.kind === 'throttle') throw errors.sendTooFast();
		if (robots.overQuota(robot.token, DINGTALK_SEND_METHOD)) {
			robots.ban(robot.token, DINGTALK_BAN_MS);
			throw errors.sendTooFast();
		}
		const body = (req.json ?? {}) as Record<string, unknown>;
		checkMessage(robot, body);
		robots.accept(robot.token, body);
		const ok = dingtalkBody();
		return jsonText(fault?.kind === 'malformed' ? ok.slice(0, ok.length / 2) : ok);
	} catch (error) {
		if (error instanceof DingTalkError) return jsonText(dingtalkBody(error));
		throw error;
	}
}
