import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import type { TaobaoClient, TaobaoTrade } from '../../lib/channels/taobao/client';
import { normalizeTaobaoTrade } from '../../lib/channels/taobao/normalize';
import { pollChannel, pollTriggerShape, shanghaiLocalMs, type ChannelPoll, type PollTriggerOptions } from '../shared/pollTrigger';
import { tradeTypesOption } from './actions/fields';
import { taobaoClient } from './transport';

const taobaoPoll: ChannelPoll<TaobaoClient, TaobaoTrade> = {
	channel: 'taobao',
	label: 'Taobao',
	sampleDays: 30,
	client: taobaoClient,
	sample: (client, query, options) => client.listOrders({ ...query, types: tradeTypes(options) }),
	source: (client, options) => ({
		async *windows(from, to) {
			for await (const { window, trades } of client.listOrderWindows({ by: 'modified', from, to, types: tradeTypes(options) })) {
				yield { to: window.to, orders: trades };
			}
		},
		identify: (trade) => ({ id: String(trade.tid_str ?? trade.tid), createdMs: shanghaiLocalMs(trade.created), updatedMs: shanghaiLocalMs(trade.modified) }),
	}),
	normalize: normalizeTaobaoTrade,
};

export class TaobaoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Taobao Trigger 淘宝/天猫',
		name: 'taobaoTrigger',
		icon: { light: 'file:../../icons/taobao.svg', dark: 'file:../../icons/taobao.dark.svg' },
		description: 'Starts the workflow when Taobao or Tmall orders are placed or change (polls TOP)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'Taobao Trigger' },
		credentials: [{ name: 'taobaoApi', required: true }],
		...pollTriggerShape({
			label: 'Taobao',
			extraOptions: [tradeTypesOption],
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, taobaoPoll);
	}
}

function tradeTypes(options: PollTriggerOptions): string | undefined {
	return typeof options.tradeTypes === 'string' && options.tradeTypes !== '' ? options.tradeTypes : undefined;
}
