import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DouyinClient } from '../../../../lib/channels/douyin/client';
import { CHANNEL } from '../../../../lib/channels/douyin/codes';
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

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], client: DouyinClient): Promise<INodeExecutionData[][]> {
	// One refresh per run: a refresh token is spent by its first use.
	return await runItems(this, items.slice(0, 1), 1, async () => {
		const t = await client.refreshAccessToken();
		const expiresAt = t.expiresIn === undefined || !Number.isFinite(t.expiresIn) ? null : isoFromMillis(Date.now() + t.expiresIn * 1000);
		return {
			main: [{ channel: CHANNEL, shopId: client.shopId, tokenShopId: t.shopId ?? null, accessToken: t.accessToken, accessTokenExpiresAt: expiresAt, refreshToken: t.refreshToken ?? null }],
		};
	});
}
