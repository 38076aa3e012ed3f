// The per-item loop of the carrier nodes: pairedItem on every output, and errors that name the provider,
// the tracking or order number, the provider's code and what to do; "Continue On Fail" gets an error item.
import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { isChannelApiError } from '../../../lib/http';
import { errorItemJson } from '../../shared/channelErrors';
import { PROVIDER_LABELS, type CarrierProvider } from './transport';

/** What an item works on, for messages: e.g. { label: 'tracking number', value: 'SF1234' }. */
export interface ParcelSubject {
	label: 'tracking number' | 'order';
	value: string;
}

export function carrierNodeError(
	node: INode,
	provider: CarrierProvider,
	error: unknown,
	itemIndex: number,
	subject?: ParcelSubject,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const about = subject ? ` for ${subject.label} ${subject.value}` : '';
	if (isChannelApiError(error)) {
		const code = error.code !== undefined && error.code !== '' ? ` with code ${error.code}` : '';
		const said = error.platformMessage ? ` (${error.platformMessage})` : '';
		return new NodeApiError(node, error as unknown as JsonObject, {
			itemIndex,
			message: `${PROVIDER_LABELS[provider]} ${error.method ?? 'request'}${about} failed${code}${said}`,
			description: error.hint ? `What to do: ${error.hint}` : undefined,
			httpCode: error.httpStatus === undefined ? undefined : String(error.httpStatus),
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, `${PROVIDER_LABELS[provider]}${about}: ${message}`, { itemIndex });
}

export interface ParcelItemContext {
	/** Names what the item works on, so a failure message can say which parcel or order failed. */
	about(subject: ParcelSubject): void;
}

export async function runParcelItems(
	ctx: IExecuteFunctions,
	provider: CarrierProvider,
	handle: (itemIndex: number, item: INodeExecutionData, context: ParcelItemContext) => Promise<IDataObject[]>,
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		let subject: ParcelSubject | undefined;
		try {
			const json = await handle(i, items[i], { about: (s) => (subject = s) });
			output.push(...ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(json), { itemData: { item: i } }));
		} catch (error) {
			if (ctx.continueOnFail()) {
				const json: IDataObject = { ...errorItemJson(error), provider };
				if (subject) json[subject.label === 'order' ? 'orderId' : 'trackingNo'] = subject.value;
				output.push({ json, pairedItem: { item: i } });
				continue;
			}
			throw carrierNodeError(ctx.getNode(), provider, error, i, subject);
		}
	}
	return [output];
}
