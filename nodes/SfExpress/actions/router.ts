import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { routeCarrierOperation } from '../../TrackParcel/shared/operations';
import * as tracking from './tracking/Tracking.resource';
import * as waybill from './waybill/Waybill.resource';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeCarrierOperation.call(this, {
		tracking: { get: tracking.get },
		waybill: { create: waybill.create, cancel: waybill.cancel },
	});
}
