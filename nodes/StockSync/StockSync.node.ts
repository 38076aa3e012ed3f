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
			// Literal names (equal to the pushers' credentials) so n8n's lint and scanner can check them.
			{ name: 'taobaoApi', required: false, displayOptions: { show: { channels: ['taobao'] } } },
			{ name: 'jdApi', required: false, displayOptions: { show: { channels: ['jd'] } } },
			{ name: 'wechatShopApi', required: false, displayOptions: { show: { channels: ['wechat_shop'] } } },
			{ name: 'xiaohongshuApi', required: false, displayOptions: { show: { channels: ['xiaohongshu'] } } },
			{ name: 'douyinApi', required: false, displayOptions: { show: { channels: ['douyin'] } } },
			{ name: 'pinduoduoApi', required: false, displayOptions: { show: { channels: ['pinduoduo'] } } },
			{ name: 'shopifyUnifiedApi', required: false, displayOptions: { show: { channels: ['shopify'] } } },
			{ name: 'wooCommerceUnifiedApi', required: false, displayOptions: { show: { channels: ['woocommerce'] } } },
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
