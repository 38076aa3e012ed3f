// What every Order Store operation shares: the item loop with errors naming resource, operation and order,
// access-profile projection of orders, and readers for list and JSON fields.
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { project, StoreError, type OrderStore, type StoredOrder } from '../../../lib/store';
import type { StoreAccess } from '../../shared/store';

export type StoreOperation = {
	execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]>;
};

export interface OperationLabel {
	resource: string;
	operation: string;
}

/** Lets an item handler name the order it works on, so a failure message can name it too. */
export interface ItemNote {
	orderId?: string;
}

export function storeNodeError(ctx: IExecuteFunctions, error: unknown, label: OperationLabel, itemIndex?: number, orderId?: string) {
	if (error instanceof NodeOperationError) return error;
	const message = error instanceof Error ? error.message : String(error);
	const about = orderId ? ` for order ${orderId}` : '';
	const code = error instanceof StoreError ? error.code : undefined;
	return new NodeOperationError(ctx.getNode(), `${label.resource} › ${label.operation}${about}: ${message}`, {
		itemIndex,
		description: code ? `Store error code: ${code}` : undefined,
	});
}

export function errorJson(error: unknown, label: OperationLabel, orderId?: string): IDataObject {
	const json: IDataObject = { error: error instanceof Error ? error.message : String(error), ...label };
	if (orderId) json.orderId = orderId;
	if (error instanceof StoreError) json.code = error.code;
	return json;
}

/** Runs handle per item: outputs carry pairedItem; failures throw or, with Continue On Fail, become items. */
export async function eachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	label: OperationLabel,
	handle: (itemIndex: number, note: ItemNote) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const note: ItemNote = {};
		try {
			const results = await handle(i, note);
			out.push(...results.map((json) => ({ json, pairedItem: { item: i } })));
		} catch (error) {
			if (ctx.continueOnFail()) {
				out.push({ json: errorJson(error, label, note.orderId), pairedItem: { item: i } });
				continue;
			}
			throw storeNodeError(ctx, error, label, i, note.orderId);
		}
	}
	return [out];
}

/** One output item standing for the whole batch of input items. */
export function batchItem(json: IDataObject, items: INodeExecutionData[]): INodeExecutionData {
	return { json, pairedItem: items.map((_, item) => ({ item })) };
}

export const showFullContactOption: INodeProperties = {
	displayName: 'Show Full Contact Details',
	name: 'showFullContact',
	type: 'boolean',
	default: false,
	description:
		"Whether to output receivers' phone, name and address unmasked. Only works when the credential's access profile allows it (Full, Customer Service); otherwise contact details stay masked (138****1234).",
};

export function readOptions(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	return (ctx.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {};
}

/** The order as the credential's access profile (and the item's contact option) lets it leave the node. */
export function outputOrder(order: Partial<StoredOrder>, access: StoreAccess, showFullContact: unknown): IDataObject {
	return project(order, access.profile, { rawContact: showFullContact === true }) as unknown as IDataObject;
}

/** "a, b,c" or an array from an expression -> ['a', 'b', 'c']. */
export function listOf(value: unknown): string[] {
	if (value === undefined || value === null || value === '') return [];
	const parts = Array.isArray(value) ? value.map(String) : String(value).split(/[,，\n]/);
	return parts.map((part) => part.trim()).filter(Boolean);
}

/** A JSON parameter: n8n hands over a string (typed) or an object (from an expression). */
export function jsonParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): unknown {
	const value = ctx.getNodeParameter(name, itemIndex, undefined) as unknown;
	if (typeof value !== 'string') return value;
	if (!value.trim()) return undefined;
	try {
		return JSON.parse(value);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `"${name}" is not valid JSON: ${(error as Error).message}`, { itemIndex });
	}
}

export function stringParameter(ctx: IExecuteFunctions, name: string, itemIndex: number): string {
	return String(ctx.getNodeParameter(name, itemIndex, '') ?? '').trim();
}

export function requiredString(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number): string {
	const value = stringParameter(ctx, name, itemIndex);
	if (!value) throw new NodeOperationError(ctx.getNode(), `"${displayName}" is empty`, { itemIndex });
	return value;
}

export const orderIdField: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'uo_0123456789abcdef0123456789abcdef',
	description: "The store's order ID (uo_...), as the Upsert and Search operations output it",
};

export const channelOptions = [
	{ name: 'Douyin 抖店', value: 'douyin' },
	{ name: 'JD 京东', value: 'jd' },
	{ name: 'Own Site', value: 'own_site' },
	{ name: 'Pinduoduo 拼多多', value: 'pinduoduo' },
	{ name: 'Shopify', value: 'shopify' },
	{ name: 'Taobao 淘宝/天猫', value: 'taobao' },
	{ name: 'WeChat Shop 微信小店', value: 'wechat_shop' },
	{ name: 'WooCommerce', value: 'woocommerce' },
	{ name: 'Xiaohongshu 小红书', value: 'xiaohongshu' },
];

export function toDataObjects<T>(values: readonly T[]): IDataObject[] {
	return values as unknown as IDataObject[];
}
