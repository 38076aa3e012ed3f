// Kuaidi100 subscription pushes: verify the sign, read the timeline, and answer the way Kuaidi100 expects.
import { parseJsonLossless } from '../../json';
import { PushRejectedError } from '../push';
import { asRecord, textOf } from '../fields';
import type { TrackingTimeline } from '../types';
import { kuaidi100PushAbortStatus } from './codes';
import { kuaidi100Timeline } from './normalize';
import { verifyKuaidi100PushSign } from './sign';

export interface Kuaidi100Push {
	/** polling | shutdown (tracking ended) | abort (Kuaidi100 gave up) | updateall */
	pushStatus: string;
	message: string;
	timeline: TrackingTimeline;
	/** Kuaidi100 corrected the carrier code (autoCheck = 1): the old and new codes. */
	carrierCorrection?: { from?: string; to?: string };
}

/**
 * Reads a push's form fields (`param`, `sign`). With a salt the sign must match (constant-time compare);
 * without one there is nothing to verify. Throws PushRejectedError for a bad sign or an unreadable body.
 */
export function parseKuaidi100Push(form: Record<string, string | undefined>, salt?: string): Kuaidi100Push {
	const param = form.param;
	if (param === undefined || param === '') throw new PushRejectedError('kuaidi100', 'malformed', 'no param field');
	if (salt !== undefined && !verifyKuaidi100PushSign(param, form.sign ?? '', salt)) {
		throw new PushRejectedError('kuaidi100', 'signature', 'sign does not match param + salt');
	}
	const context = { provider: 'kuaidi100', method: 'push' };
	let body: Record<string, unknown>;
	try {
		body = asRecord(parseJsonLossless(param, context));
	} catch {
		throw new PushRejectedError('kuaidi100', 'malformed', 'param is not JSON');
	}
	const pushStatus = textOf(body.status) ?? '';
	const message = textOf(body.message) ?? '';
	const lastResult = asRecord(body.lastResult);
	const hasEvents = Array.isArray(lastResult.data) && lastResult.data.length > 0;
	const override = kuaidi100PushAbortStatus(pushStatus, message, hasEvents);
	const timeline = kuaidi100Timeline(lastResult, context, { override, providerMessage: message || undefined });
	const push: Kuaidi100Push = { pushStatus, message, timeline };
	if (textOf(body.autoCheck) === '1') push.carrierCorrection = { from: textOf(body.comOld), to: textOf(body.comNew) };
	return push;
}

/** The answer Kuaidi100 expects; anything else makes it retry the push later. */
export function kuaidi100PushReply(accepted = true, message = accepted ? '成功' : '失败'): string {
	return JSON.stringify({ result: accepted, returnCode: accepted ? '200' : '500', message });
}
