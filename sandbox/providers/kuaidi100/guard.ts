// What every Kuaidi100 call passes first: injected faults and quotas, answered in Kuaidi100's own shapes.
import type { FaultRule } from '../../core/faults';
import type { HangReply, SandboxReply } from '../../core/http';
import { cutInHalf, plainText } from '../../core/http';
import type { SandboxWorld } from '../../core/world';
import type { Kuaidi100Error } from './exceptions';
import { KUAIDI100 } from './models';

/** What nginx in front of the API answers when the upstream is down. */
function upstreamDown(status: number): SandboxReply {
	const text = status === 504 ? 'Gateway Time-out' : status === 503 ? 'Service Temporarily Unavailable' : 'Bad Gateway';
	return plainText(
		`<html>\r\n<head><title>${status} ${text}</title></head>\r\n<body>\r\n<center><h1>${status} ${text}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
		status,
		'text/html',
	);
}

/** Infrastructure faults that answer before the API reads anything. */
export function infrastructureFault(world: SandboxWorld, method: string): { fault?: FaultRule; reply?: SandboxReply | HangReply } {
	const fault = world.faults.decide(KUAIDI100, method);
	if (fault?.kind === 'server_error') return { fault, reply: upstreamDown(fault.spec.status ?? 502) };
	if (fault?.kind === 'timeout') return { fault, reply: { hangMs: fault.spec.hangMs ?? 30_000 } };
	return { fault };
}

/** Faults and quota checks after the caller is known; throws the API's own error. */
export function accountFaults(
	world: SandboxWorld,
	method: string,
	account: string,
	fault: FaultRule | undefined,
	errors: { busy: () => Kuaidi100Error; keyExpired: () => Kuaidi100Error },
): void {
	if (fault?.kind === 'expired_token') throw errors.keyExpired();
	if (fault?.kind === 'throttle') throw errors.busy();
	if (world.limits.check(KUAIDI100, account, method, world.clock.now()).limited) throw errors.busy();
}

export function maybeMalformed(fault: FaultRule | undefined, body: string): string | Buffer {
	return fault?.kind === 'malformed' ? cutInHalf(body) : body;
}
