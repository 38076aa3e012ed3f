// Masking for outputs: operators see enough to recognise a receiver, never the full contact data.
// Values that already hold a '*' came masked from the channel and are returned unchanged.
import type { UnifiedOrder } from './types';

const MAINLAND_MOBILE = /^(\+86|0086|86)?(1\d{10})$/;
const ADDRESS_KEPT_CHARS = 6;

function isMasked(value: string): boolean {
	return value.includes('*');
}

/** 13812341234 -> 138****1234 (a +86 prefix is kept); landlines and others keep only their last 4 chars. */
export function maskPhone(phone: string): string {
	const trimmed = phone.trim();
	if (trimmed === '' || isMasked(trimmed)) return trimmed;
	const compact = trimmed.replace(/[\s-]/g, '');
	const mobile = MAINLAND_MOBILE.exec(compact);
	if (mobile) {
		const [, prefix = '', digits] = mobile;
		return `${prefix}${digits.slice(0, 3)}****${digits.slice(7)}`;
	}
	// A fixed '****' hides the length too; short values are hidden entirely.
	return compact.length <= 4 ? '****' : `****${compact.slice(-4)}`;
}

/** 张三丰 -> 张**, 张三 -> 张*, a one-character name -> *. At most two stars, so the length does not leak. */
export function maskName(name: string): string {
	const trimmed = name.trim();
	if (trimmed === '' || isMasked(trimmed)) return trimmed;
	const chars = Array.from(trimmed);
	if (chars.length === 1) return '*';
	return chars[0] + '*'.repeat(Math.min(chars.length - 1, 2));
}

/** Keeps the first 6 characters (at most half of a short address) and replaces the rest with '****'. */
export function maskAddress(address: string): string {
	const trimmed = address.trim();
	if (trimmed === '' || isMasked(trimmed)) return trimmed;
	const chars = Array.from(trimmed);
	return `${chars.slice(0, Math.min(ADDRESS_KEPT_CHARS, Math.floor(chars.length / 2))).join('')}****`;
}

/**
 * A copy of the order with the receiver's name, phone and address masked; province, city and district stay,
 * and the buyer nick is untouched. `raw` is dropped: it is the channel payload with the unmasked contact data.
 */
export function maskOrder(order: UnifiedOrder): UnifiedOrder {
	const { raw: _raw, ...rest } = order;
	const receiver = { ...order.receiver };
	if (receiver.name !== undefined) receiver.name = maskName(receiver.name);
	if (receiver.phone !== undefined) receiver.phone = maskPhone(receiver.phone);
	if (receiver.address !== undefined) receiver.address = maskAddress(receiver.address);
	return { ...rest, receiver };
}
