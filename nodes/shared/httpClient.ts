// The HttpClient lib/ expects, over n8n's request helper: raw body text (lossless JSON is parsed in lib),
// status errors returned rather than thrown, network failures classified.
import type { IExecuteFunctions } from 'n8n-workflow';
import { httpClientFromRequestHelper, type HttpClient, type RequestHelper } from '../../lib/http';

export function nodeHttpClient(context: Pick<IExecuteFunctions, 'helpers'>): HttpClient {
	const request: RequestHelper = async (options) => await context.helpers.httpRequest(options);
	return httpClientFromRequestHelper(request);
}
