import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { runParcelItems } from './shared/errors';
import { carrierField, includeRawField, phoneField, trackingNoField } from './shared/fields';
import { timelineJson } from './shared/output';
import { trackParcel } from './shared/track';
import { CARRIER_CREDENTIALS, type CarrierProvider } from './shared/transport';

const byProvider = (provider: CarrierProvider) => ({ show: { provider: [provider] } });

export class TrackParcel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Track Parcel 快递查询',
		name: 'trackParcel',
		icon: { light: 'file:../../icons/trackParcel.svg', dark: 'file:../../icons/trackParcel.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["carrier"] + " via " + $parameter["provider"]}}',
		description: 'Get the normalized tracking timeline of any parcel through Kuaidi100, Kdniao or SF Express',
		defaults: { name: 'Track Parcel' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [
			{ name: CARRIER_CREDENTIALS.kuaidi100, required: true, displayOptions: byProvider('kuaidi100') },
			{ name: CARRIER_CREDENTIALS.kdniao, required: true, displayOptions: byProvider('kdniao') },
			{ name: CARRIER_CREDENTIALS.sf, required: true, displayOptions: byProvider('sf') },
		],
		properties: [
			{
				displayName: 'Provider',
				name: 'provider',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Kdniao 快递鸟', value: 'kdniao', description: 'Tracks parcels of most Chinese carriers' },
					{ name: 'Kuaidi100 快递100', value: 'kuaidi100', description: 'Tracks parcels of most Chinese carriers' },
					{ name: 'SF Express 顺丰 (Direct)', value: 'sf', description: 'Tracks SF parcels only, straight from SF' },
				],
				default: 'kuaidi100',
				description: 'Which tracking service to ask; the output has the same shape whichever answers',
			},
			trackingNoField,
			{ ...carrierField(), displayOptions: { hide: { provider: ['sf'] } } },
			phoneField,
			includeRawField,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const provider = this.getNodeParameter('provider', 0) as CarrierProvider;
		return await runParcelItems(this, provider, async (i, _input, item) => {
			const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
			item.about({ label: 'tracking number', value: trackingNo });
			const carrier = provider === 'sf' ? 'sf' : (this.getNodeParameter('carrier', i) as string);
			const phone = this.getNodeParameter('phone', i, '') as string;
			const { timeline, raw } = await trackParcel(this, provider, { trackingNo, carrier, phone });
			return [timelineJson(timeline, this.getNodeParameter('includeRaw', i, false) ? raw : undefined)];
		});
	}
}
