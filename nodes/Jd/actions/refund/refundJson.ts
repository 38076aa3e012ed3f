import type { IDataObject } from 'n8n-workflow';
import type { JdRefundApplication } from '../../../../lib/channels/jd/client';
import { REFUND_APPLY_STATUS_LABELS, REFUND_APPLY_STATUS_MAP } from '../../../../lib/channels/jd/codes';

/** A JD refund application as it came, plus the channel, the shop and the unified refund state beside it. */
export function refundJson(refund: JdRefundApplication, shopId: string): IDataObject {
	const status = refund.status === undefined || refund.status === null ? '' : String(refund.status);
	return {
		channel: 'jd',
		shopId,
		refundState: REFUND_APPLY_STATUS_MAP[status] ?? null,
		statusLabel: REFUND_APPLY_STATUS_LABELS[status] ?? null,
		...(refund as IDataObject),
	};
}
