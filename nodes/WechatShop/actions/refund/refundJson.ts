import type { IDataObject } from 'n8n-workflow';
import type { WechatAfterSale } from '../../../../lib/channels/wechatShop/client';
import { AFTERSALE_STATUS_MAP } from '../../../../lib/channels/wechatShop/codes';

/** A WeChat after-sale order as it came, plus the channel, the shop and the unified refund state beside it. */
export function refundJson(afterSale: WechatAfterSale, shopId: string): IDataObject {
	const status = typeof afterSale.status === 'string' ? afterSale.status : '';
	return { channel: 'wechat_shop', shopId, refundState: AFTERSALE_STATUS_MAP[status] ?? null, ...(afterSale as IDataObject) };
}
