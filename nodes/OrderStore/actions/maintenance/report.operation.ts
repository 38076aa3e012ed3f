import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { toIsoWithOffset } from '../../../shared/time';
import { batchItem, channelOptions, errorJson, storeNodeError, stringParameter } from '../common';

const label = { resource: 'maintenance', operation: 'report' };
const DAY_MS = 24 * 60 * 60 * 1000;

const properties: INodeProperties[] = [
	{
		displayName: 'From',
		name: 'from',
		type: 'dateTime',
		default: '',
		description: 'Start of the range (inclusive). Empty: 24 hours before To.',
	},
	{
		displayName: 'To',
		name: 'to',
		type: 'dateTime',
		default: '',
		description: 'End of the range (exclusive). Empty: now.',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [{ name: 'All Channels', value: '' }, ...channelOptions],
		default: '',
	},
	{
		displayName: 'Shop ID',
		name: 'shopId',
		type: 'string',
		default: '',
		description: 'Only this shop. Empty: every shop.',
	},
	{
		displayName: 'Top List Length',
		name: 'top',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 10,
		description: 'How many unmapped SKUs, stock mismatches and dead-letter sources to list',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['maintenance'], operation: ['report'] } }, properties);

/** One item: orders per channel and shop, paid-to-shipped hours, audit holds, error rate, unmapped SKUs, stock mismatches. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	try {
		const timezone = this.getTimezone();
		const to = toIsoWithOffset(this.getNodeParameter('to', 0, ''), timezone, Date.now());
		const from = toIsoWithOffset(this.getNodeParameter('from', 0, ''), timezone, Date.parse(to) - DAY_MS);
		const report = await store.report({
			from,
			to,
			channel: stringParameter(this, 'channel', 0) || undefined,
			shopId: stringParameter(this, 'shopId', 0) || undefined,
			top: Number(this.getNodeParameter('top', 0, 10)),
		});
		return [[batchItem(report as unknown as IDataObject, items)]];
	} catch (error) {
		if (this.continueOnFail()) return [[batchItem(errorJson(error, label), items)]];
		throw storeNodeError(this, error, label);
	}
}
