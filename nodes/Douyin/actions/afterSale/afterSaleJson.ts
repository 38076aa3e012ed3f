import type { IDataObject } from 'n8n-workflow';
import type { DouyinAfterSale } from '../../../../lib/channels/douyin/client';
import { AFTERSALE_STATUS_MAP, AFTERSALE_TYPES, CHANNEL } from '../../../../lib/channels/douyin/codes';

/** A Douyin after-sale as it came, plus the channel, the shop, the unified refund state and the type name. */
export function afterSaleJson(afterSale: DouyinAfterSale, shopId: string): IDataObject {
	const info = (afterSale.process_info as IDataObject | undefined)?.after_sale_info as IDataObject | undefined;
	const source = info ?? afterSale;
	const status = source.aftersale_status === undefined ? '' : String(source.aftersale_status);
	const type = source.aftersale_type === undefined ? '' : String(source.aftersale_type);
	return { channel: CHANNEL, shopId, refundState: AFTERSALE_STATUS_MAP[status] ?? null, afterSaleTypeName: AFTERSALE_TYPES[type] ?? null, ...(afterSale as IDataObject) };
}
