// The one way the Shopify nodes reach Shopify: the credential read into lib's client, which pages, paces,
// retries and classifies; HTTP goes through n8n's request helper.
import type { IExecuteFunctions, IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { createShopifyClient, type ShopifyClient } from '../../lib/channels/shopify/client';
import { shopifyCredentialsFrom, type ShopifyCredentials } from '../../lib/channels/shopify/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const SHOPIFY_CREDENTIAL = 'shopifyUnifiedApi';

type Context = IExecuteFunctions | IPollFunctions | IWebhookFunctions | IHookFunctions;

export async function shopifyCredentials(context: Context): Promise<ShopifyCredentials> {
	return shopifyCredentialsFrom(await context.getCredentials(SHOPIFY_CREDENTIAL));
}

export async function shopifyClient(context: Context): Promise<ShopifyClient> {
	const credentials = await shopifyCredentials(context);
	// nodeHttpClient only uses helpers.httpRequest, which every context shares.
	return createShopifyClient({ credentials, http: nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>) });
}
