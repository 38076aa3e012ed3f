// POST /feishu/open-apis/bot/v2/hook/:token: token, signature (in the body), quota and message checks.
import { jsonText, plainText, type ReplyOrHang, type SandboxRequest } from '../../core/http';
import { base64Hmac, hasKeyword, sameText, type RobotBook, type RobotSettings } from '../../core/robots';
import type { SandboxWorld } from '../../core/world';
import * as errors from './exceptions';
import { FeishuError, feishuBody } from './exceptions';
import { FEISHU, FEISHU_MAX_BODY_BYTES, FEISHU_MSG_TYPES, FEISHU_SEND_METHOD, FEISHU_TIMESTAMP_TOLERANCE_MS } from './models';

/** key = timestamp + "\n" + secret, message empty: DingTalk's algorithm with key and data swapped fails here. */
function checkSignature(bot: RobotSettings, body: Record<string, unknown>, now: number): void {
	if (!bot.secret) return;
	const timestamp = String(body.timestamp ?? '');
	const sign = String(body.sign ?? '');
	if (!/^\d+$/.test(timestamp) || Math.abs(Number(timestamp) * 1000 - now) > FEISHU_TIMESTAMP_TOLERANCE_MS) {
		throw errors.signMatchFail();
	}
	if (!sameText(sign, base64Hmac(`${timestamp}\n${bot.secret}`, ''))) throw errors.signMatchFail();
}

function checkMessage(bot: RobotSettings, body: Record<string, unknown>, size: number): void {
	if (size > FEISHU_MAX_BODY_BYTES) throw errors.badRequest();
	const msgType = body.msg_type;
	if (typeof msgType !== 'string' || !FEISHU_MSG_TYPES.includes(msgType)) throw errors.badRequest();
	const content = msgType === 'interactive' ? body.card : body.content;
	if (content === undefined || content === null) throw errors.badRequest();
	if (!hasKeyword(bot, content)) throw errors.keyWordsNotFound();
}

export function handleHook(world: SandboxWorld, bots: RobotBook, req: SandboxRequest): ReplyOrHang {
	const fault = world.faults.decide(FEISHU, FEISHU_SEND_METHOD);
	if (fault?.kind === 'server_error') return plainText('Bad Gateway', fault.spec.status ?? 502);
	if (fault?.kind === 'timeout') return { hangMs: fault.spec.hangMs ?? 30_000 };
	try {
		const bot = bots.get(req.pathParams.token ?? '');
		if (!bot || fault?.kind === 'expired_token') throw errors.tokenInvalid();
		const body = (req.json ?? {}) as Record<string, unknown>;
		checkSignature(bot, body, world.clock.now());
		if (fault?.kind === 'throttle' || bots.overQuota(bot.token, FEISHU_SEND_METHOD)) throw errors.frequencyLimited();
		checkMessage(bot, body, req.rawBody.length);
		const { timestamp: _timestamp, sign: _sign, ...message } = body;
		bots.accept(bot.token, message);
		const ok = feishuBody();
		return jsonText(fault?.kind === 'malformed' ? ok.slice(0, ok.length / 2) : ok);
	} catch (error) {
		if (error instanceof FeishuError) return jsonText(feishuBody(error));
		throw error;
	}
}
