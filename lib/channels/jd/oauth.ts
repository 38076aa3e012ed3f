// JD OAuth token refresh (channels.md §2.3): a GET beside the routerjson gateway, not a signed JOS call.
// Response fields (access_token, expires_in, refresh_token, ...) are [I].
import { AuthExpiredError, InvalidRequestError, MalformedResponseError, httpStatusError, toChannelApiError, withRetry, type HttpClient } from '../../http';
import { parseJsonLossless } from '../../json';
import type { JsonObject } from '../core/formGateway';
import { CHANNEL, JD_ERROR_HINTS } from './codes';
import type { JdCredentials } from './sign';

export const JD_REFRESH_PATH = '/refresh_token';

export interface TokenRefreshResult {
	accessToken: string;
	refreshToken?: string;
	expiresInSeconds?: number;
	raw: JsonObject;
}

export async function refreshJdToken(credentials: JdCredentials, http: HttpClient, timeoutMs?: number): Promise<TokenRefreshResult> {
	const context = { provider: CHANNEL, shopId: credentials.shopId, method: 'oauth2/refresh_token' };
	if (!credentials.refreshToken) {
		throw new InvalidRequestError({
			...context,
			platformMessage: 'no refresh token',
			hint: 'add the Refresh Token to the credential, or re-authorize the shop',
		});
	}
	const refreshToken = credentials.refreshToken;
	return withRetry(async () => {
		let body: string;
		try {
			const res = await http({
				method: 'GET',
				url: credentials.oauthUrl + JD_REFRESH_PATH,
				qs: { app_key: credentials.appKey, app_secret: credentials.appSecret, grant_type: 'refresh_token', refresh_token: refreshToken },
				timeoutMs,
				context,
			});
			const statusError = httpStatusError(res, context);
			if (statusError) throw statusError;
			body = res.body;
		} catch (err) {
			throw toChannelApiError(err, context);
		}
		const token = parseJsonLossless<unknown>(body, context);
		if (typeof token !== 'object' || token === null || Array.isArray(token)) {
			throw new MalformedResponseError({ ...context, body, platformMessage: 'the token response is not a JSON object' });
		}
		const fields = token as JsonObject;
		if (typeof fields.access_token !== 'string' || fields.access_token === '') {
			// An answered refresh without a token means the refresh token itself is no longer accepted.
			throw new AuthExpiredError({
				...context,
				code: typeof fields.code === 'string' || typeof fields.code === 'number' ? fields.code : undefined,
				platformMessage: [fields.msg, fields.message, fields.error_description].find((m) => typeof m === 'string') as string | undefined,
				hint: JD_ERROR_HINTS.auth,
			});
		}
		return {
			accessToken: fields.access_token,
			refreshToken: typeof fields.refresh_token === 'string' ? fields.refresh_token : undefined,
			expiresInSeconds: fields.expires_in === undefined ? undefined : Number(fields.expires_in),
			raw: fields,
		};
	});
}
