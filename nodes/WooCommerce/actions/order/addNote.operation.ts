import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { WooClient } from '../../../../lib/channels/woocommerce/client';
import { CHANNEL } from '../../../../lib/channels/woocommerce/codes';
import { runItems } from '../../../shared/runItems';
import { orderIdField } from '../fields';

const properties: INodeProperties[] = [
	orderIdField,
	{ displayName: 'Note', name: 'note', type: 'string', typeOptions: { rows: 3 }, required: true, default: '' },
	{
		displayName: 'Note to Customer',
		name: 'customerNote',
		type: 'boolean',
		default: false,
		description: 'Whether the buyer sees the note (WooCommerce emails it); off: a private note for the shop',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['addNote'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: WooClient): Promise<INodeExecutionData[][]> {
	return await runItems(this, items, 1, async (i) => {
		const orderId = String(this.getNodeParameter('orderId', i)).trim();
		const note = String(this.getNodeParameter('note', i));
		const customerNote = this.getNodeParameter('customerNote', i, false) as boolean;
		const added = await client.addOrderNote(orderId, note, customerNote);
		return { main: [{ channel: CHANNEL, shopId: client.shopId, orderId, ...added }] };
	});
}
