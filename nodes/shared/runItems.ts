// The per-item loop every channel operation shares: run the item, keep pairedItem on every output item,
// and on failure either throw the error the editor shows (naming channel, shop, order and API code) or,
// with "Continue On Fail", put an error item on the main output and go on.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { channelNodeError, errorItemJson } from './channelErrors';

export interface ItemResult {
	main: IDataObject[];
	/** Second output ("Unnormalized"), for operations that have one. */
	unnormalized?: IDataObject[];
}

export async function runItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	outputCount: 1 | 2,
	handle: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[][]> {
	const outputs: INodeExecutionData[][] = Array.from({ length: outputCount }, () => []);
	const paired = (json: IDataObject[], item: number) =>
		ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(json), { itemData: { item } });
	for (let i = 0; i < items.length; i++) {
		try {
			const result = await handle(i);
			outputs[0].push(...paired(result.main, i));
			if (outputCount === 2) outputs[1].push(...paired(result.unnormalized ?? [], i));
		} catch (error) {
			if (ctx.continueOnFail()) {
				outputs[0].push({ json: errorItemJson(error), pairedItem: { item: i } });
				continue;
			}
			throw channelNodeError(ctx.getNode(), error, i);
		}
	}
	return outputs;
}
