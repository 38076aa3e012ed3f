import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Reads the order an item carries: the whole JSON, or the object under `field` (dot path) when one is set. */
export function readItemObject(
	ctx: IExecuteFunctions,
	item: INodeExecutionData,
	field: string,
	itemIndex: number,
): unknown {
	if (!field) return item.json;
	let value: unknown = item.json;
	for (const part of field.split('.')) {
		if (value === null || typeof value !== 'object') {
			value = undefined;
			break;
		}
		value = (value as IDataObject)[part];
	}
	if (value === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex} has no field "${field}"`, {
			itemIndex,
			description: 'Set "Order Field" to the name of the field that holds the order, or leave it empty to use the whole item.',
		});
	}
	return value;
}

/** An output item that remembers which input item it came from. */
export function pairedItem(json: IDataObject, itemIndex: number): INodeExecutionData {
	return { json, pairedItem: { item: itemIndex } };
}
