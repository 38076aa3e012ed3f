// How the rules recognise "the same" SKU, receiver, buyer and phone across orders. One place, so audit,
// allocation and the store's lookups agree on identity.
import type { OrderLine, UnifiedOrder } from '../model';

/** Text compared without regard to case, width (全角/半角) or spacing. */
export function foldText(text: string | undefined): string {
	return (text ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** Lines that still have to leave a warehouse: a refunded line does not. */
export function shippableLines(order: UnifiedOrder): OrderLine[] {
	return order.lines.filter((line) => line.quantity > 0 && line.refundState !== 'refunded');
}

/** The best identity a line has: master SKU, else merchant code, else channel SKU id, else its title. */
export function lineSkuKey(line: OrderLine): string {
	return line.masterSku ?? line.merchantCode ?? line.channelSkuId ?? `title:${foldText(line.title)}`;
}

/** Digits of a phone without country prefix, spaces or brackets; an extension (隐私号 "-1234") is kept. */
export function normalizePhone(phone: string | undefined): string {
	const compact = (phone ?? '').normalize('NFKC').replace(/[\s()（）]/g, '');
	return compact.replace(/^(?:\+86|0086|86)(?=1\d{10}(?:\D|$))/, '');
}

/** A mainland mobile number, optionally with the extension of a channel's privacy number. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}(?:[-_#转]\d{1,6})?$/;

export function isMaskedText(text: string | undefined): boolean {
	return text !== undefined && text.includes('*');
}

/** Receiver identity: the channel's token for masked receivers, else name + phone + full address. */
export function receiverKey(order: UnifiedOrder): string | undefined {
	const receiver = order.receiver;
	if (receiver.masked) return receiver.token ? `token:${receiver.token}` : undefined;
	const place = [receiver.province, receiver.city, receiver.district, receiver.address].map(foldText).join('');
	if (!place) return undefined;
	return `${foldText(receiver.name)}|${normalizePhone(receiver.phone)}|${place}`;
}

/** Buyer identity within one shop (channel buyer ids are per channel, merges are per shop). */
export function shopBuyerKey(order: UnifiedOrder): string | undefined {
	return order.buyer.id ? `${order.channel}|${order.shopId}|${order.buyer.id}` : undefined;
}

/** Total quantity per SKU key over the shippable lines. */
export function skuQuantities(order: UnifiedOrder, key: (line: OrderLine) => string | undefined = lineSkuKey) {
	const totals = new Map<string, number>();
	for (const line of shippableLines(order)) {
		const sku = key(line);
		if (sku !== undefined) totals.set(sku, (totals.get(sku) ?? 0) + line.quantity);
	}
	return totals;
}
