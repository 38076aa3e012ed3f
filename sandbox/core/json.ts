// JSON out with exact big integers: channel ids beyond 2^53 go out as numbers with every digit intact.
import type { SandboxReply } from './http';
import { jsonText } from './http';

const rawJSON = (JSON as unknown as { rawJSON(text: string): unknown }).rawJSON;

/** A JSON number with these exact digits (e.g. a 19-digit Taobao tid). */
export function bigNumber(digits: string): unknown {
	if (!/^-?\d+$/.test(digits)) throw new TypeError(`not an integer: ${digits}`);
	return rawJSON(digits);
}

export function jsonReply(value: unknown, status = 200): SandboxReply {
	return jsonText(JSON.stringify(value), status);
}
