// Receivers and buyers on the seller's blacklist (phone, name + address, channel buyer id); the list
// itself lives in the store and is reached through the injected lookup.
import type { ChannelId, UnifiedOrder } from '../../../model';
import { readBoolean } from '../../configFields';
import { foldText, isMaskedText, normalizePhone } from '../../orderKeys';
import type { BlacklistKind, BlacklistLookup, BlacklistQuery, RuleDefinition } from '../types';

const KIND_NAMES: Record<BlacklistKind, { zh: string; en: string }> = {
	phone: { zh: '电话', en: 'phone' },
	buyer: { zh: '买家账号', en: 'buyer id' },
	receiver: { zh: '收件人+地址', en: 'name and address' },
};

function receiverValue(name: string | undefined, address: string): string | undefined {
	const folded = foldText(address);
	return name && folded ? `${foldText(name)}|${folded}` : undefined;
}

/** The keys an order is looked up by; the store normalises its entries with blacklistEntryKey(). */
export function blacklistKeys(order: UnifiedOrder): BlacklistQuery[] {
	const receiver = order.receiver;
	const keys: BlacklistQuery[] = [];
	const phone = normalizePhone(receiver.phone);
	if (phone && !isMaskedText(phone)) keys.push({ kind: 'phone', value: phone, channel: order.channel });
	if (order.buyer.id) keys.push({ kind: 'buyer', value: order.buyer.id.trim(), channel: order.channel });
	if (!receiver.masked && !isMaskedText(receiver.address)) {
		const full = [receiver.province, receiver.city, receiver.district, receiver.address].join('');
		// Both the full address and the street alone, since operators type either.
		for (const value of new Set([receiverValue(receiver.name, full), receiverValue(receiver.name, receiver.address ?? '')])) {
			if (value) keys.push({ kind: 'receiver', value, channel: order.channel });
		}
	}
	return keys;
}

export interface BlacklistEntry {
	kind: BlacklistKind;
	/** Phone, buyer id, or for 'receiver' "name|address" (or give name and address). */
	value?: string;
	name?: string;
	address?: string;
	/** Buyer ids are per channel; leave empty for phones and receivers to match every channel. */
	channel?: ChannelId;
	reason?: string;
}

export function blacklistEntryKey(entry: BlacklistEntry): string | undefined {
	if (entry.kind === 'phone') return normalizePhone(entry.value) || undefined;
	if (entry.kind === 'buyer') return entry.value?.trim() || undefined;
	const [name, address] = entry.name !== undefined ? [entry.name, entry.address ?? ''] : (entry.value ?? '').split('|');
	return receiverValue(name, address ?? '');
}

/** A lookup over plain entries, for tests, dry runs and small lists kept in a workflow. */
export function blacklistFromEntries(entries: readonly BlacklistEntry[]): BlacklistLookup {
	const index = new Map<string, string>();
	for (const entry of entries) {
		const key = blacklistEntryKey(entry);
		if (key) index.set(`${entry.kind}|${entry.channel ?? '*'}|${key}`, entry.reason ?? '');
	}
	return (query) => index.get(`${query.kind}|${query.channel}|${query.value}`) ?? index.get(`${query.kind}|*|${query.value}`);
}

export interface BlacklistSettings {
	checkPhone: boolean;
	checkBuyer: boolean;
	checkReceiver: boolean;
}

export const blacklist: RuleDefinition<BlacklistSettings> = {
	defaultSeverity: 'block',
	defaultPriority: 10,
	needs: 'blacklist',
	read: (raw, path) => ({
		checkPhone: readBoolean(raw, 'checkPhone', path, true),
		checkBuyer: readBoolean(raw, 'checkBuyer', path, true),
		checkReceiver: readBoolean(raw, 'checkReceiver', path, true),
	}),
	evaluate(order, settings, runtime) {
		const lookup = runtime.context.blacklist as BlacklistLookup;
		const enabled: Record<BlacklistKind, boolean> = {
			phone: settings.checkPhone,
			buyer: settings.checkBuyer,
			receiver: settings.checkReceiver,
		};
		const zh: string[] = [];
		const en: string[] = [];
		const seen = new Set<BlacklistKind>();
		for (const query of blacklistKeys(order)) {
			if (!enabled[query.kind] || seen.has(query.kind)) continue;
			const verdict = lookup(query);
			if (verdict === undefined || verdict === false) continue;
			seen.add(query.kind);
			const reason = typeof verdict === 'string' && verdict ? `（${verdict}）` : '';
			zh.push(`${KIND_NAMES[query.kind].zh}在黑名单${reason}`);
			en.push(`${KIND_NAMES[query.kind].en} is blacklisted${reason ? ` (${verdict})` : ''}`);
		}
		if (zh.length === 0) return undefined;
		return { zh: zh.join('；'), en: en.join('; ') };
	},
};
