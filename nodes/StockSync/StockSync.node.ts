import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { channelNodeError, errorItemJson } from '../shared/channelErrors';
import { pairedItem } from '../shared/items';
import { storeCredentialTest, withStore } from '../shared/store';
import { stockSyncProperties } from './description';
import { executeStockSync } from './execute';

export class StockSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Stock Sync 库存同步',
		name: 'stockSync',
		icon: { light: 'file:../../icons/stockSync.svg', dark: 'file:../../icons/stockSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["mode"]}}',
		description: 'Publishes available stock to every channel listing by policy, pushing only what changed, with a brake against mass de-listing',
		defaults: { name: 'Stock Sync' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'orderStoreApi', required: true, testedBy: 'orderStoreApiTest' },
			{ name: 'taobaoApi', required: false },
			{ name: 'jdApi', required: false },
			{ name: 'wechatShopApi', required: false },
		],
		usableAsTool: true,
		properties: stockSyncProperties,
	};

	methods = { credentialTest: storeCredentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return [await withStore(this, (store) => executeStockSync(this, store))];
		} catch (error) {
			if (!this.continueOnFail()) throw channelNodeError(this.getNode(), error, 0);
			return [[pairedItem(errorItemJson(error), 0)]];
		}
	}
}
