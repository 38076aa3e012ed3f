import type { IDataObject } from 'n8n-workflow';
import type { TaobaoRefund } from '../../../../lib/channels/taobao/client';
import { REFUND_STATUS_MAP } from '../../../../lib/channels/taobao/codes';

/** A TOP refund as it came, plus the channel, the shop and the unified refund state beside it. */
export function refundJson(refund: TaobaoRefund, shopId: string): IDataObject {
	const status = typeof refund.status === 'string' ? refund.status : '';
	return { channel: 'taobao', shopId, refundState: REFUND_STATUS_MAP[status] ?? null, ...(refund as IDataObject) };
}
