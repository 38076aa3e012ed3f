import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { batchItem, errorJson, requiredString, storeNodeError } from '../common';
import { coverageOf } from './coverage';
import { cursorFields } from './fields';

const label = { resource: 'cursor', operation: 'commit' };

const properties: INodeProperties[] = [
	...cursorFields,
	{
		displayName: 'New Watermark',
		name: 'watermarkSource',
		type: 'options',
		options: [
			{
				name: 'Newest Stored Order',
				value: 'orders',
				description: 'The latest "changed on channel" time among the input orders (connect this to Order › Upsert)',
			},
			{ name: 'Explicit Value', value: 'explicit', description: 'A time or token you give, e.g. the end of the window you pulled' },
		],
		default: 'orders',
	},
	{
		displayName: 'Watermark',
		name: 'watermark',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 2024-06-01T10:00:00+08:00',
		displayOptions: { show: { watermarkSource: ['explicit'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Allow Moving Backwards',
				name: 'force',
				type: 'boolean',
				default: false,
				description: 'Whether a watermark older than the stored one is accepted (to read a period again)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['cursor'], operation: ['commit'] } }, properties);

/** Runs once for all input items: the commit covers them all, or is refused. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, _access: StoreAccess): Promise<INodeExecutionData[][]> {
	try {
		const key = {
			channel: requiredString(this, 'channel', 'Channel', 0),
			shopId: requiredString(this, 'shopId', 'Shop ID', 0),
			stream: requiredString(this, 'stream', 'Stream', 0),
		};
		const explicit = this.getNodeParameter('watermarkSource', 0, 'orders') === 'explicit';
		const coverage = coverageOf(items.map((item) => item.json), key, explicit ? 'ignore' : 'refuse');
		const where = `${key.channel}/${key.shopId}/${key.stream}`;
		if (coverage.refusals.length) {
			throw new NodeOperationError(this.getNode(), `Cursor ${where} not moved: ${coverage.refusals.length} input item(s) were not stored`, {
				description: `${coverage.refusals.slice(0, 10).join('; ')}. Fix them (or let Upsert send invalid orders to dead letters) and run again; the next run re-reads the same window.`,
			});
		}
		const watermark = explicit ? requiredString(this, 'watermark', 'Watermark', 0) : coverage.maxUpdatedAt;
		if (!watermark) {
			throw new NodeOperationError(this.getNode(), `Cursor ${where} not moved: no stored order in the input to take the watermark from`, {
				description: 'Connect this node to Order › Upsert (with "Include Stored Order" on), or choose "Explicit Value".',
			});
		}
		const force = (this.getNodeParameter('options', 0, {}) as IDataObject).force === true;
		const result = await store.commitCursor({ ...key, watermark, coveringOrderIds: coverage.orderIds, force }, { actor: storeActor(this) });
		return [[batchItem({ ...result.cursor, moved: result.moved, coveredOrders: coverage.orderIds.length } as unknown as IDataObject, items)]];
	} catch (error) {
		if (this.continueOnFail()) return [[batchItem(errorJson(error, label), items)]];
		throw storeNodeError(this, error, label);
	}
}
