import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { XhsClient } from '../../../../lib/channels/xiaohongshu/client';
import { CHANNEL } from '../../../../lib/channels/xiaohongshu/codes';
import { isoFromMillis } from '../../../../lib/model';
import { runItems } from '../../../shared/runItems';

const properties: INodeProperties[] = [
	{
		displayName: 'Paste the new Access Token and Refresh Token into the credential: the old refresh token stops working once used',
		name: 'notice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['accessToken'], operation: ['refresh'] } }, properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: XhsClient): Promise<INodeExecutionData[][]> {
	// One refresh per run: a refresh token is spent by its first use.
	return await runItems(this, items.slice(0, 1), 1, async () => {
		const t = await client.refreshAccessToken();
		const at = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? null : isoFromMillis(ms));
		return {
			main: [
				{
					channel: CHANNEL,
					shopId: client.shopId,
					sellerId: t.sellerId ?? null,
					accessToken: t.accessToken,
					accessTokenExpiresAt: at(t.accessTokenExpiresAt),
					refreshToken: t.refreshToken ?? null,
					refreshTokenExpiresAt: at(t.refreshTokenExpiresAt),
				},
			],
		};
	});
}
