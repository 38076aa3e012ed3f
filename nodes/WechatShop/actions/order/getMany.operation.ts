import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WechatShopClient } from '../../../../lib/channels/wechatShop/client';
import { normalizeWechatOrder } from '../../../../lib/channels/wechatShop/normalize';
import { collectOrderItems, orderItemJson, orderOutputProperty, unmaskedReceiverProperty, type OrderOutputMode } from '../../../shared/orderOutput';
import { runItems } from '../../../shared/runItems';
import { findOrdersByField, fromField, limitField, optionsCollection, readListRange, returnAllField, toField } from '../../../shared/listFields';
import { orderStatusField } from '../fields';

const properties: INodeProperties[] = [
	findOrdersByField('Creation Time (下单时间)', 'Last Change (更新时间)'),
	fromField('Start of the time range. Ranges longer than 7 days are read 7 days at a time.'),
	toField,
	orderStatusField,
	returnAllField,
	limitField,
	orderOutputProperty,
	optionsCollection([unmaskedReceiverProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WechatShopClient): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('output', 0) as OrderOutputMode;
	return await runItems(this, items, mode === 'raw' ? 1 : 2, async (i) => {
		const by = this.getNodeParameter('timeField', i) as 'created' | 'modified';
		const { from, to, limit } = readListRange(this, i);
		const statusText = String(this.getNodeParameter('status', i, '') ?? '');
		const status = statusText === '' ? undefined : Number(statusText);
		const options = this.getNodeParameter('options', i, {}) as { unmaskedReceiver?: boolean };

		// Each further order costs a call, so stop before reading one that is not wanted.
		return await collectOrderItems(
			client.listOrders({ by, from, to, status }),
			limit,
			(order) => orderItemJson(normalizeWechatOrder(order, { shopId: client.shopId }), order, mode, { unmaskedReceiver: options.unmaskedReceiver, channel: 'wechat_shop' }),
			{ stopAtLimit: true },
		);
	});
}
