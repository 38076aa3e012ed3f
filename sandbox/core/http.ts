// The shapes every provider speaks: a parsed request in, a reply out. No provider touches node:http.
import type { IncomingHttpHeaders } from 'node:http';

export interface SandboxRequest {
	method: string;
	/** Path below the provider's prefix, e.g. "/router/rest". */
	path: string;
	/** Full path as received, without the query string. */
	fullPath: string;
	query: Record<string, string>;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	/** Parameters as the route's parser read them (query and body merged where the platform does). */
	params: Record<string, string>;
	/** The parsed JSON body, for parsers that produce one. */
	json?: unknown;
	/** Path captures from a route pattern such as /orders/:id. */
	pathParams: Record<string, string>;
}

export type ReplyBody = string | Buffer | Buffer[];

export function bodyLength(body: ReplyBody): number {
	return Array.isArray(body) ? body.reduce((sum, chunk) => sum + chunk.length, 0) : Buffer.byteLength(body);
}

export interface SandboxReply {
	status: number;
	headers: Record<string, string>;
	/** Text, or bytes already encoded: cached page bodies go out as chunks, without re-encoding or copying. */
	body: ReplyBody;
}

/** A reply that never comes: the connection stays open until `ms` pass or the sandbox closes. */
export interface HangReply {
	hangMs: number;
}

export type ReplyOrHang = SandboxReply | HangReply;

export function isHang(reply: ReplyOrHang): reply is HangReply {
	return (reply as HangReply).hangMs !== undefined;
}

export const JSON_CONTENT_TYPE = 'application/json;charset=UTF-8';

export function jsonText(body: ReplyBody, status = 200, headers: Record<string, string> = {}): SandboxReply {
	return { status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers }, body };
}

export function plainText(body: string, status = 200, contentType = 'text/plain;charset=UTF-8'): SandboxReply {
	return { status, headers: { 'content-type': contentType }, body };
}

/** The first half of a body, as when a proxy drops the connection mid-response (malformed-body fault). */
export function cutInHalf(body: ReplyBody): string | Buffer {
	const bytes = Array.isArray(body) ? Buffer.concat(body) : body;
	const half = Math.max(1, Math.floor(bytes.length / 2));
	return typeof bytes === 'string' ? bytes.slice(0, half) : bytes.subarray(0, half);
}

export class HttpProblem extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}
