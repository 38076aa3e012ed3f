import type { IDataObject } from 'n8n-workflow';
import type { XhsAfterSale } from '../../../../lib/channels/xiaohongshu/client';
import { CHANNEL, RETURN_STATUS_MAP, RETURN_TYPES } from '../../../../lib/channels/xiaohongshu/codes';

/** An XHS after-sale as it came, plus the channel, the shop, the unified refund state and the return type name. */
export function refundJson(afterSale: XhsAfterSale, shopId: string): IDataObject {
	const status = afterSale.status === undefined ? '' : String(afterSale.status);
	const type = afterSale.returnType === undefined ? '' : String(afterSale.returnType);
	return { channel: CHANNEL, shopId, refundState: RETURN_STATUS_MAP[status] ?? null, returnTypeName: RETURN_TYPES[type] ?? null, ...(afterSale as IDataObject) };
}
