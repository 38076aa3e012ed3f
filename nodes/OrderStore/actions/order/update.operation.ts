import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import { ORDER_STATUSES, orderId, REFUND_STATES, type AllocationResult, type AuditResult, type OrderStatus, type RefundState } from '../../../../lib/model';
import type { OrderPatch, OrderStore } from '../../../../lib/store';
import { storeActor, type StoreAccess } from '../../../shared/store';
import { eachItem, listOf, outputOrder, readOptions, showFullContactOption } from '../common';
import { orderRefFromParameters, orderRefProperties } from './get.operation';

const titleCase = (value: string) => value.replace(/_/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());

const properties: INodeProperties[] = [
	...orderRefProperties,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{ displayName: 'Add Tags', name: 'addTags', type: 'string', default: '', description: 'Tags to add, comma separated' },
			{
				displayName: 'Allocation (JSON)',
				name: 'allocation',
				type: 'json',
				default: '',
				description: 'The warehouse allocation result, as the Order Route node outputs it',
			},
			{
				displayName: 'Audit Result (JSON)',
				name: 'audit',
				type: 'json',
				default: '',
				description: 'The audit result, as the Order Audit node outputs it',
			},
			{ displayName: 'Clear Seller Memo', name: 'clearSellerMemo', type: 'boolean', default: false, description: "Whether to remove our memo so the channel's memo shows again" },
			{
				displayName: 'Refund State',
				name: 'refundState',
				type: 'options',
				options: REFUND_STATES.map((value) => ({ name: titleCase(value), value })),
				default: 'requested',
				description: "The order's refund state, e.g. the refundState a channel's Refund › Get Many outputs (empty values are ignored)",
			},
			{ displayName: 'Remove Tags', name: 'removeTags', type: 'string', default: '', description: 'Tags to remove, comma separated' },
			{ displayName: 'Seller Memo', name: 'sellerMemo', type: 'string', default: '' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: ORDER_STATUSES.map((value) => ({ name: titleCase(value), value })),
				default: 'approved',
				description: 'Only moves the store allows (e.g. never back from shipped to paid) are accepted',
			},
			{ displayName: 'Tracking Carrier', name: 'trackingCarrier', type: 'string', default: '', placeholder: 'e.g. sf' },
			{ displayName: 'Tracking Number', name: 'trackingNumber', type: 'string', default: '' },
			{
				displayName: 'Tracking Status',
				name: 'trackingStatus',
				type: 'string',
				default: '',
				placeholder: 'e.g. in_transit',
				description: "The parcel's normalized status, as the carrier nodes and triggers output it (status)",
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Ignore Orders Not in the Store',
				name: 'ignoreMissing',
				type: 'boolean',
				default: false,
				description: 'Whether an item naming an order the store does not hold gives no output instead of an error (e.g. refunds of orders pulled before the store existed)',
			},
			showFullContactOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['update'] } }, properties);

export function patchFromFields(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number): OrderPatch {
	const patch: OrderPatch = {};
	if (fields.status) patch.status = fields.status as OrderStatus;
	if (listOf(fields.addTags).length) patch.addTags = listOf(fields.addTags);
	if (listOf(fields.removeTags).length) patch.removeTags = listOf(fields.removeTags);
	if (fields.clearSellerMemo === true) patch.sellerMemo = null;
	else if (typeof fields.sellerMemo === 'string' && fields.sellerMemo !== '') patch.sellerMemo = fields.sellerMemo;
	if (fields.refundState) patch.refundState = fields.refundState as RefundState;
	if (fields.trackingCarrier || fields.trackingNumber || fields.trackingStatus) {
		patch.logistics = {};
		if (fields.trackingCarrier) patch.logistics.carrier = String(fields.trackingCarrier);
		if (fields.trackingNumber) patch.logistics.trackingNo = String(fields.trackingNumber);
		if (fields.trackingStatus) patch.logistics.trackingStatus = String(fields.trackingStatus);
	}
	const audit = parseJson(ctx, fields.audit, 'Audit Result', itemIndex);
	if (audit !== undefined) patch.audit = audit as AuditResult;
	const allocation = parseJson(ctx, fields.allocation, 'Allocation', itemIndex);
	if (allocation !== undefined) patch.allocation = allocation as AllocationResult;
	if (!Object.keys(patch).length) {
		throw new NodeOperationError(ctx.getNode(), 'Nothing to update: add at least one field under "Update Fields"', { itemIndex });
	}
	return patch;
}

function parseJson(ctx: IExecuteFunctions, value: unknown, name: string, itemIndex: number): unknown {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `"${name}" is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}


export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	store: OrderStore,
	access: StoreAccess,
): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'order', operation: 'update' }, async (i, note) => {
		const { ref, label } = orderRefFromParameters(this, i);
		note.orderId = label;
		const id = typeof ref === 'string' ? ref : orderId(ref.channel, ref.shopId, ref.channelOrderId);
		const patch = patchFromFields(this, this.getNodeParameter('updateFields', i, {}) as IDataObject, i);
		const options = readOptions(this, i);
		if (options.ignoreMissing === true && !(await store.getOrder(id))) return [];
		const result = await store.updateOrder(id, patch, { actor: storeActor(this) });
		return [
			{
				id: result.id,
				changes: result.changes,
				transition: (result.transition ?? null) as unknown as IDataObject,
				order: outputOrder(result.order, access, options.showFullContact),
			},
		];
	});
}
