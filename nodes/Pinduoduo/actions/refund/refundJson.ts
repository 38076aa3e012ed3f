import type { IDataObject } from 'n8n-workflow';
import type { PddRefund } from '../../../../lib/channels/pinduoduo/client';
import { AFTER_SALES_STATUS_MAP } from '../../../../lib/channels/pinduoduo/codes';

/** A Pinduoduo after-sale as it came, plus the channel, the shop and the unified refund state beside it. */
export function refundJson(refund: PddRefund, shopId: string): IDataObject {
	const status = refund.after_sales_status === undefined || refund.after_sales_status === null ? '' : String(refund.after_sales_status);
	return { channel: 'pinduoduo', shopId, refundState: AFTER_SALES_STATUS_MAP[status] ?? null, ...(refund as IDataObject) };
}
