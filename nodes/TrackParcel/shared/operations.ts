// Building blocks of the carrier nodes' operations: the router over resource/operation, and the
// "get tracking" operation that every provider shares (the provider picks which fields it shows).
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { chosenOperation } from '../../shared/router';
import { runParcelItems } from './errors';
import { includeRawField } from './fields';
import { timelineJson } from './output';
import { trackParcel } from './track';
import type { CarrierProvider } from './transport';

export interface CarrierOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export type CarrierOperations = Record<string, Record<string, Pick<CarrierOperation, 'execute'>>>;

/** Reads resource and operation once and runs that operation; anything unknown is a configuration error. */
export async function routeCarrierOperation(this: IExecuteFunctions, operations: CarrierOperations): Promise<INodeExecutionData[][]> {
	return await chosenOperation(this, operations).execute.call(this);
}

/** Tracking > Get: one normalized timeline per item. `fields` are the provider's parcel fields. */
export function trackingGetOperation(provider: CarrierProvider, fields: INodeProperties[], fixedCarrier?: string): CarrierOperation {
	const properties = [...fields, includeRawField];
	return {
		description: updateDisplayOptions({ show: { resource: ['tracking'], operation: ['get'] } }, properties),
		async execute(this: IExecuteFunctions) {
			return await runParcelItems(this, provider, async (i, _item, item) => {
				const trackingNo = (this.getNodeParameter('trackingNo', i) as string).trim();
				item.about({ label: 'tracking number', value: trackingNo });
				const carrier = fixedCarrier ?? (this.getNodeParameter('carrier', i) as string);
				const phone = this.getNodeParameter('phone', i, '') as string;
				const monitored = this.getNodeParameter('monitored', i, false) as boolean;
				const { timeline, raw } = await trackParcel(this, provider, { trackingNo, carrier, phone, monitored });
				const includeRaw = this.getNodeParameter('includeRaw', i, false) as boolean;
				return [timelineJson(timeline, includeRaw ? raw : undefined)];
			});
		},
	};
}
