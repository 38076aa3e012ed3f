import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { validateOrder } from '../../lib/model';
import { pairedItem, readItemObject } from '../shared/items';

export class OrderValidate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Validate 订单校验',
		name: 'orderValidate',
		icon: { light: 'file:../../icons/orderValidate.svg', dark: 'file:../../icons/orderValidate.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Check orders against the unified model',
		description: 'Sends orders that match the unified order model to "Valid" and the others to "Invalid" with every problem',
		defaults: { name: 'Order Validate' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Valid', 'Invalid'],
		usableAsTool: true,
		properties: [
			{
				displayName: 'Order Field',
				name: 'orderField',
				type: 'string',
				default: '',
				placeholder: 'e.g. order',
				description: 'Field that holds the unified order. Leave empty when the whole item is the order.',
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const valid: INodeExecutionData[] = [];
		const invalid: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			try {
				const field = this.getNodeParameter('orderField', i, '') as string;
				const order = readItemObject(this, items[i], field, i);
				const problems = validateOrder(order);
				if (problems.length === 0) {
					valid.push({ ...items[i], pairedItem: { item: i } });
				} else {
					const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
					invalid.push(pairedItem({ problems: problems as unknown as IDataObject[], summary, order: order as IDataObject }, i));
				}
			} catch (error) {
				if (!this.continueOnFail()) {
					throw error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error, { itemIndex: i });
				}
				invalid.push(pairedItem({ error: (error as Error).message, problems: [] }, i));
			}
		}
		return [valid, invalid];
	}
}
