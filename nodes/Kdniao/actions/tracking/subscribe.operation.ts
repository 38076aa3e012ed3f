import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, lastFourDigits, phoneField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { kdniaoClientFor } from '../../../TrackParcel/shared/transport';
import { monitoredField } from './fields';

const properties: INodeProperties[] = [
	trackingNoField,
	carrierField('kdniao'),
	phoneField,
	monitoredField,
	{
		displayName: 'Callback Value',
		name: 'callback',
		type: 'string',
		default: '',
		description: 'Any text (for example your order number); Kdniao sends it back with every push of this parcel as CallBack. Pushes go to the push URL set in your Kdniao account: paste the Kdniao Trigger\'s Production URL there.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tracking'], operation: ['subscribe'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client } = await kdniaoClientFor(this);
	return await runParcelItems(this, 'kdniao', async (i, _item, item) => {
		const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
		item.about({ label: 'tracking number', value: trackingNo });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const phone = this.getNodeParameter('phone', i, '') as string;
		const monitored = this.getNodeParameter('monitored', i, false) as boolean;
		const callback = (this.getNodeParameter('callback', i, '') as string).trim() || undefined;
		const customerName = carrier === 'sf' ? lastFourDigits(phone) : undefined;
		const result = await client.subscribe({ carrier, trackingNo, customerName, monitored, callback });
		return [{ provider: 'kdniao', carrier, trackingNo, callback: callback ?? null, ...result }];
	});
}
