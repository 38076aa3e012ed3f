import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { pollChannel, pollTriggerShape } from '../shared/pollTrigger';
import { pinduoduoPoll } from './pollSource';

export class PinduoduoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Pinduoduo Trigger 拼多多',
		name: 'pinduoduoTrigger',
		icon: { light: 'file:../../icons/pinduoduo.svg', dark: 'file:../../icons/pinduoduo.dark.svg' },
		description: 'Starts the workflow when Pinduoduo orders are confirmed or change (polls the order increment list)',
		subtitle: '={{$parameter["event"]}}',
		defaults: { name: 'Pinduoduo Trigger' },
		credentials: [{ name: 'pinduoduoApi', required: true }],
		...pollTriggerShape({
			label: 'Pinduoduo',
			newDescription: 'Orders that appeared since the last check, each once (Pinduoduo lists orders once they are paid and grouped)',
			allDescription: 'Every change: new orders, shipments, sign-offs, refunds',
		}),
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollChannel(this, pinduoduoPoll);
	}
}
