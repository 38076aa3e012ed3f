// Turns orders into message text: contact details masked unless the operator asked for them, one message
// per order, or one digest listing every order of a run.
import { maskOrder, type UnifiedOrder } from '../model';
import { renderTemplate } from './template';
import type { MessageFormat } from './types';

export const DEFAULT_MESSAGE_TEMPLATE =
	'New order {{order.channelOrderId}} ({{order.channel}}): paid {{order.totals.paid|money}} {{order.currency}}, ship to {{order.receiver.city}}';
export const DEFAULT_DIGEST_HEADER = '{{count}} orders';

/** The order as templates see it: receiver name, phone and address masked unless `showFullContact`. */
export function orderForMessage(order: unknown, showFullContact: boolean): unknown {
	if (showFullContact || order === null || typeof order !== 'object') return order;
	const receiver = (order as { receiver?: unknown }).receiver;
	if (receiver === null || typeof receiver !== 'object') return order;
	return maskOrder(order as UnifiedOrder);
}

/** One order's message text from the template. */
export function renderOrderMessage(template: string, order: unknown, showFullContact: boolean): string {
	const shown = orderForMessage(order, showFullContact);
	const currency = (shown as { currency?: unknown } | null)?.currency;
	return renderTemplate(template, { order: shown }, { currency: typeof currency === 'string' ? currency : undefined });
}

/** One message listing every entry under a header: "- entry" in markdown, "1. entry" in text. */
export function composeDigest(header: string, entries: string[], format: MessageFormat): string {
	const lines = entries.map((entry, index) => {
		const bullet = format === 'markdown' ? '- ' : `${index + 1}. `;
		// Continuation lines are indented so a multi-line entry stays one list item.
		return bullet + entry.split('\n').join(`\n${' '.repeat(bullet.length)}`);
	});
	return [header, ...lines].filter((line) => line !== '').join('\n');
}

/** The digest header with {{count}} filled in. */
export function renderDigestHeader(template: string, count: number): string {
	return renderTemplate(template, { count });
}
