// One request/response exchange with a gateway that answers a JSON object: transport failures, HTTP
// statuses, a body that is not a JSON object and the platform's error envelope all become the classified
// channel errors, the same way for the form, JSON and token gateways.
import {
	MalformedResponseError,
	httpStatusError,
	toChannelApiError,
	type ErrorContext,
	type HttpClient,
	type HttpRequest,
	type HttpResponse,
} from '../../http';
import { parseJsonLossless } from '../../json';
import { classifyByCode, type ErrorCodeTable } from './errors';
import type { GatewayError, JsonObject } from './formGateway';

export interface ExchangeRules {
	http: HttpClient;
	errorTable: ErrorCodeTable;
	/** The error in a parsed body, or undefined when the body is not an error. */
	errorOf(body: JsonObject): GatewayError | undefined;
	/** Clock for Retry-After dates. */
	now: () => number;
}

/** Sends `request` and returns its body as a JSON object (with the text it was parsed from), or throws. */
export async function exchangeJsonObject(
	rules: ExchangeRules,
	request: HttpRequest,
	context: ErrorContext,
): Promise<{ body: JsonObject; text: string }> {
	let res: HttpResponse;
	try {
		res = await rules.http(request);
	} catch (err) {
		throw toChannelApiError(err, context);
	}
	const statusError = httpStatusError(res, context, rules.now());
	if (statusError) throw statusError;
	const parsed = parseJsonLossless<unknown>(res.body, context);
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		throw new MalformedResponseError({ ...context, body: res.body, platformMessage: 'the response is not a JSON object' });
	}
	const error = rules.errorOf(parsed as JsonObject);
	if (error) {
		throw classifyByCode(rules.errorTable, error.code, error.subCode, {
			...context,
			platformMessage: error.message,
			retryAfterMs: error.retryAfterMs,
		});
	}
	return { body: parsed as JsonObject, text: res.body };
}
