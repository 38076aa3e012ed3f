// The one way the WooCommerce nodes reach a site: the credential read into lib's client, which pages,
// retries and classifies; HTTP goes through n8n's request helper.
import type { IExecuteFunctions, IHookFunctions, IPollFunctions, IWebhookFunctions } from 'n8n-workflow';
import { createWooClient, type WooClient } from '../../lib/channels/woocommerce/client';
import { wooCredentialsFrom, type WooCredentials } from '../../lib/channels/woocommerce/sign';
import { nodeHttpClient } from '../shared/httpClient';

export const WOO_CREDENTIAL = 'wooCommerceUnifiedApi';

type Context = IExecuteFunctions | IPollFunctions | IWebhookFunctions | IHookFunctions;

export async function wooCredentials(context: Context): Promise<WooCredentials> {
	return wooCredentialsFrom(await context.getCredentials(WOO_CREDENTIAL));
}

export async function wooClient(context: Context): Promise<WooClient> {
	const credentials = await wooCredentials(context);
	// nodeHttpClient only uses helpers.httpRequest, which every context shares.
	return createWooClient({ credentials, http: nodeHttpClient(context as Pick<IExecuteFunctions, 'helpers'>) });
}
