import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { channelNodeError, errorItemJson } from '../shared/channelErrors';
import { pairedItem, readItemObject } from '../shared/items';
import { storeCredentialTest, withStore } from '../shared/store';
import { routeProperties } from './description';
import { readRouteSettings, routeOrder, type RouteOutput } from './route';

const OUTPUT_INDEX: Record<RouteOutput, number> = { allocated: 0, split: 1, held: 2 };

export class OrderRoute implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Route 分仓与快递',
		name: 'orderRoute',
		icon: { light: 'file:../../icons/orderRoute.svg', dark: 'file:../../icons/orderRoute.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: 'Allocate warehouses and carriers',
		description: 'Picks the warehouse(s) for each stored order, reserves the stock, matches a carrier, and routes to Allocated, Split or Held',
		defaults: { name: 'Order Route' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Allocated', 'Split', 'Held'],
		credentials: [{ name: 'orderStoreApi', required: true, testedBy: 'orderStoreApiTest' }],
		usableAsTool: true,
		properties: routeProperties,
	};

	methods = { credentialTest: storeCredentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], [], []];
		const settings = readRouteSettings(this);
		await withStore(this, async (store, access) => {
			for (let i = 0; i < items.length; i++) {
				try {
					const order = readItemObject(this, items[i], this.getNodeParameter('orderField', i, '') as string, i) as IDataObject;
					if (typeof order?.id !== 'string' || !order.id) {
						throw new NodeOperationError(this.getNode(), `Item ${i} has no order id`, { itemIndex: i, description: 'Route unified orders (with "id").' });
					}
					const result = await routeOrder(this, store, access.profile, order.id, settings, i);
					outputs[OUTPUT_INDEX[result.output]].push(pairedItem(result.json, i));
				} catch (error) {
					if (!this.continueOnFail()) throw channelNodeError(this.getNode(), error, i);
					outputs[2].push(pairedItem(errorItemJson(error), i));
				}
			}
		});
		return outputs;
	}
}
