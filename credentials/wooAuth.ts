// Signs the WooCommerce credential's test request the way lib's client signs every call: HTTP Basic with
// the consumer key pair, or consumer_key/consumer_secret in the query when the server drops Authorization.
import type { IAuthenticate } from 'n8n-workflow';
import { wooAuth, wooCredentialsFrom } from '../lib/channels/woocommerce/sign';

export const authenticateWooRequest: IAuthenticate = async (credentials, requestOptions) => {
	const auth = wooAuth(wooCredentialsFrom(credentials));
	return {
		...requestOptions,
		headers: { ...requestOptions.headers, ...auth.headers },
		qs: { ...requestOptions.qs, ...auth.qs },
	};
};
