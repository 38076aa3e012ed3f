// The one way the WeChat shop nodes reach WeChat: the credential read into lib's client, which keeps the
// access token fresh, pages, retries and classifies; HTTP goes through n8n's request helper.
import { createHash } from 'node:crypto';
import type { IExecuteFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { createWechatShopClient, type WechatShopClient } from '../../lib/channels/wechatShop/client';
import { wechatShopCredentialsFrom, type WechatShopCredentials } from '../../lib/channels/wechatShop/sign';
import { memoryTokenCache, type TokenCache } from '../../lib/channels/core/tokenGateway';
import { nodeHttpClient } from '../shared/httpClient';

export const WECHAT_SHOP_CREDENTIAL = 'wechatShopApi';

// Tokens live in this process between executions: WeChat caps token fetches per day, and every
// execution fetching its own would spend that quota. Keyed by a hash, so no secret is held as a key.
const TOKEN_CACHES = new Map<string, TokenCache>();

function tokenCacheFor(credentials: WechatShopCredentials): TokenCache {
	const key = createHash('sha256').update([credentials.baseUrl, credentials.appId, credentials.appSecret, credentials.tokenMode].join('\u0000')).digest('hex');
	let cache = TOKEN_CACHES.get(key);
	if (!cache) TOKEN_CACHES.set(key, (cache = memoryTokenCache()));
	return cache;
}

export async function wechatShopCredentials(context: IExecuteFunctions | IPollFunctions | IWebhookFunctions): Promise<WechatShopCredentials> {
	return wechatShopCredentialsFrom(await context.getCredentials(WECHAT_SHOP_CREDENTIAL));
}

export async function wechatShopClient(context: IExecuteFunctions | IPollFunctions | IWebhookFunctions): Promise<WechatShopClient> {
	const credentials = await wechatShopCredentials(context);
	// nodeHttpClient only uses helpers.httpRequest, which every context shares.
	const http = nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>);
	return createWechatShopClient({ credentials, http, tokenCache: tokenCacheFor(credentials) });
}
