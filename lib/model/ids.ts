import { hash } from 'node:crypto';

/** Joins the identity parts; NUL cannot occur in channel ids, so ('a', 'bc') and ('ab', 'c') never collide. */
const ID_SEPARATOR = '\u0000';

function assertIdPart(name: string, value: unknown): asserts value is string {
	if (typeof value !== 'string') {
		// A numeric id here means a channel body was parsed lossily; 19-digit ids must stay strings.
		throw new TypeError(`${name} must be a string, got ${typeof value} ${String(value)}`);
	}
	if (value === '') throw new TypeError(`${name} must not be empty`);
	if (value.includes(ID_SEPARATOR)) throw new TypeError(`${name} must not contain a NUL character`);
}

/**
 * Stable order id: 'uo_' + the first 32 hex digits of sha256(channel NUL shopId NUL channelOrderId).
 * The same order gets the same id on every machine, so stores and workflows can key on it.
 */
export function orderId(channel: string, shopId: string, channelOrderId: string): string {
	assertIdPart('channel', channel);
	assertIdPart('shopId', shopId);
	assertIdPart('channelOrderId', channelOrderId);
	const key = `${channel}${ID_SEPARATOR}${shopId}${ID_SEPARATOR}${channelOrderId}`;
	// Normalizing an order asks twice in a row (building it, then validateOrder checking it).
	if (key === lastKey) return lastId;
	const digest = hash('sha256', key, 'hex');
	lastKey = key;
	lastId = `uo_${digest.slice(0, 32)}`;
	return lastId;
}

let lastKey = '';
let lastId = '';

/** Matches ids produced by orderId(). */
export const ORDER_ID_PATTERN = /^uo_[0-9a-f]{32}$/;

/** Key of one order line across the whole store ('uo_…:lineId'); unambiguous because order ids never hold ':'. */
export function lineKey(orderIdValue: string, lineId: string): string {
	if (!ORDER_ID_PATTERN.test(orderIdValue)) throw new TypeError(`not an order id: ${JSON.stringify(orderIdValue)}`);
	assertIdPart('lineId', lineId);
	return `${orderIdValue}:${lineId}`;
}
