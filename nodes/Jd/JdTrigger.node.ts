import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { JdClient, JdOrderInfo } from '../../lib/channels/jd/client';
import { normalizeJdOrder } from '../../lib/channels/jd/normalize';
import { pollChannel, pollTriggerShape, shanghaiLocalMs, type ChannelPoll } from '../shared/pollTrigger';
import { jdClient } from './transport';

const jdPoll: ChannelPoll<JdClient, JdOrderInfo> = {
	channel: 'jd',
	label: 'JD',
	// One JD order-search window.
	sampleDays: 30,
	client: jdClient,
	sample: (client, query) => client.listOrders({ ...query, newestFirst: true }),
	source: (client) => ({
		async *windows(from, to) {
			for await (const { window, orders } of client.listOrderWindows({ by: 'modified', from, to })) yield { to: window.to, orders };
		},
		identify: (info) => ({ id: String(info.orderId), createdMs: shanghaiLocalMs(info.orderStartTime), updatedMs: shanghaiLocalMs(info.modified) }),
	}),
	normalize: normalizeJdOrder,
};

export class JdTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'JD Trigger 京东',
		name: 'jdTrigger',
		icon: { light: 'file:../../icons/jd.svg', dark: 'file:../../icons/jd.dark.svg' },
		description: 'Starts the workflow when JD orders are paid or change (polls JOS)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'JD Trigger' },
		credentials: [{ name: 'jdApi', required: true }],
		...pollTriggerShape({
			label: 'JD',
			newDescription: 'Orders placed since the last check, each once (JD lists orders once they are paid)',
			allDescription: 'Every change: new orders, shipments, completions, cancellations',
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, jdPoll);
	}
}
