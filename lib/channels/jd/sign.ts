// JD JOS routerjson request signing (channels.md §2.2): the shared sorted-parameter MD5 over every sent
// parameter (`360buy_param_json` and `access_token` included; there is no sign_method), upper-case hex.
import { isoFromMillis, toShanghaiLocal } from '../../model';
import { stringifyWithBigIds } from '../../json';
import { compactParams, signSortedParams, type WireParams } from '../core/sortedParams';

export const JD_API_VERSION = '2.0';

/**
 * `format=json` is sent and therefore signed (vector jd-jos-md5-format-json-derived). JD's own example
 * leaves it out (jd-jos-md5-official); both sign correctly, the switch only decides what goes on the wire.
 */
export const JD_SEND_FORMAT = true;

/** The `sign` of these parameters: MD5(secret + sorted key+value pairs + secret), upper-case hex. */
export function signJdParams(params: WireParams, secret: string): string {
	return signSortedParams(params, secret, 'md5');
}

/**
 * The `360buy_param_json` string. Its exact bytes are signed, so it is built once and sent as is; bigint
 * values are written as bare numbers without rounding, everything else as JSON.stringify writes it.
 */
export function jdParamJson(business: Record<string, unknown>): string {
	return stringifyWithBigIds(business);
}

/** JOS timestamp: `yyyy-MM-dd HH:mm:ss` in Beijing time; the gateway allows 6 minutes of skew. */
export function jdTimestamp(nowMs: number): string {
	return toShanghaiLocal(isoFromMillis(nowMs));
}

export interface JdSigner {
	appKey: string;
	appSecret: string;
	/** The shop's access token; omitted only for app-level calls. */
	accessToken?: string;
}

/**
 * The complete, signed parameters of one routerjson call: business parameters packed into
 * `360buy_param_json`, system parameters (method, app_key, access_token, timestamp, v, format), then `sign`.
 */
export function signedJdParams(
	apiMethod: string,
	business: Record<string, unknown>,
	signer: JdSigner,
	timestamp: string,
): Record<string, string> {
	const params = compactParams({
		'360buy_param_json': jdParamJson(business),
		method: apiMethod,
		app_key: signer.appKey,
		access_token: signer.accessToken,
		timestamp,
		v: JD_API_VERSION,
		format: JD_SEND_FORMAT ? 'json' : undefined,
	});
	return { ...params, sign: signJdParams(params, signer.appSecret) };
}
