import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { runParcelItems } from '../../../TrackParcel/shared/errors';
import { carrierField, phoneField, trackingNoField } from '../../../TrackParcel/shared/fields';
import { kuaidi100ClientFor } from '../../../TrackParcel/shared/transport';

const properties: INodeProperties[] = [
	trackingNoField,
	carrierField('kuaidi100'),
	phoneField,
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/.../kuaidi100',
		description: 'Where Kuaidi100 pushes the updates: the Production URL of a Kuaidi100 Trigger (it must be reachable from the internet). The push salt of the credential signs every push.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tracking'], operation: ['subscribe'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { client, salt } = await kuaidi100ClientFor(this);
	return await runParcelItems(this, 'kuaidi100', async (i, _item, item) => {
		const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
		item.about({ label: 'tracking number', value: trackingNo });
		const carrier = this.getNodeParameter('carrier', i) as string;
		const callbackUrl = (this.getNodeParameter('callbackUrl', i) as string).trim();
		const phone = (this.getNodeParameter('phone', i, '') as string).trim() || undefined;
		const result = await client.subscribe({ carrier, trackingNo, phone, callbackUrl, salt });
		return [{ provider: 'kuaidi100', carrier, trackingNo, callbackUrl, signedPushes: salt !== undefined, ...result }];
	});
}
