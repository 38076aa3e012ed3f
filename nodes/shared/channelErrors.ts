// Turns what a channel client throws into the n8n error the editor shows (API failures as NodeApiError with
// channel, shop, order, method and code in the message; anything else as NodeOperationError), and into the
// error item a node emits when "Continue On Fail" is set.
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { isChannelApiError } from '../../lib/http';

/** itemIndex is absent for failures outside an item loop (e.g. a trigger's poll). */
export function channelNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (isChannelApiError(error)) {
		const details = [error.platformMessage && `Platform says: ${error.platformMessage}`, error.hint && `What to do: ${error.hint}`];
		return new NodeApiError(node, error as unknown as JsonObject, {
			itemIndex,
			message: error.message,
			description: details.filter(Boolean).join('\n'),
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
		});
	}
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}

/** The JSON of an error item for "Continue On Fail": the message plus what a workflow can branch on. */
export function errorItemJson(error: unknown): IDataObject {
	if (isChannelApiError(error)) {
		const fields: IDataObject = { error: error.message, errorKind: error.kind, channel: error.provider };
		if (error.shopId) fields.shopId = error.shopId;
		if (error.orderId) fields.orderId = error.orderId;
		if (error.method) fields.method = error.method;
		if (error.code !== undefined) fields.code = error.code;
		if (error.subCode) fields.subCode = error.subCode;
		return fields;
	}
	return { error: error instanceof Error ? error.message : String(error) };
}
