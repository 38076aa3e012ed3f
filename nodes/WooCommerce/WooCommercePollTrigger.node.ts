import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { WooClient, WooOrder } from '../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../lib/channels/woocommerce/codes';
import { normalizeWooOrder } from '../../lib/channels/woocommerce/normalize';
import { pollChannel, pollTriggerShape, wholeRangeSource, type ChannelPoll } from '../shared/pollTrigger';
import { WOO_CREDENTIAL, wooClient } from './transport';

const wooPoll: ChannelPoll<WooClient, WooOrder> = {
	channel: CHANNEL,
	label: 'WooCommerce',
	sampleDays: 30,
	client: wooClient,
	sample: (client, query) => client.listOrders(query),
	source: (client) =>
		wholeRangeSource((from, to) => client.listOrders({ by: 'modified', from, to }), (order) => ({ id: String(order.id), createdMs: epochOf(order, 'date_created'), updatedMs: epochOf(order, 'date_modified') })),
	normalize: normalizeWooOrder,
};

export class WooCommercePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WooCommerce Polling Trigger',
		name: 'wooCommercePollTrigger',
		icon: { light: 'file:../../icons/woocommerce.svg', dark: 'file:../../icons/woocommerce.dark.svg' },
		description: 'Starts the workflow when WooCommerce orders are placed or change, by polling: a fallback where webhooks cannot reach n8n',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'WooCommerce Polling Trigger' },
		credentials: [{ name: WOO_CREDENTIAL, required: true }],
		...pollTriggerShape({ label: 'WooCommerce', allDescription: 'Every change: new orders, payments, completions, refunds, cancellations' }),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, wooPoll);
	}
}

/** `<field>_gmt` is UTC without a zone; the plain field is the site's local time, read as +08:00. */
function epochOf(order: WooOrder, field: string): number | undefined {
	const gmt = order[`${field}_gmt`];
	const local = order[field];
	const ms = typeof gmt === 'string' && gmt ? Date.parse(`${gmt}Z`) : typeof local === 'string' && local ? Date.parse(`${local}+08:00`) : NaN;
	return Number.isFinite(ms) ? ms : undefined;
}
