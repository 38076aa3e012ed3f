// The one way the carrier nodes reach Kuaidi100, Kdniao and SF: the credential read into lib's carrier
// client, HTTP through n8n's request helper; the last response body is kept for the "Include Raw" option.
import type { IExecuteFunctions, IHookFunctions } from 'n8n-workflow';
import { kdniaoClient, type KdniaoClient } from '../../../lib/carriers/kdniao';
import { kuaidi100Client, type Kuaidi100Client } from '../../../lib/carriers/kuaidi100';
import { sfClient, type SfClient } from '../../../lib/carriers/sf';
import type { HttpClient } from '../../../lib/http';
import { parseJsonLossless } from '../../../lib/json';
import { kdniaoSettings, kuaidi100Settings, sfSettings } from '../../../credentials/carrierSettings';
import { nodeHttpClient } from '../../shared/httpClient';

export const CARRIER_CREDENTIALS = { kuaidi100: 'kuaidi100Api', kdniao: 'kdniaoApi', sf: 'sfExpressApi' } as const;
export type CarrierProvider = keyof typeof CARRIER_CREDENTIALS;
export const PROVIDER_LABELS: Record<CarrierProvider, string> = { kuaidi100: 'Kuaidi100', kdniao: 'Kdniao', sf: 'SF Express' };

type RequestContext = IExecuteFunctions | IHookFunctions;

/** An HttpClient that remembers the last response body it saw. */
export interface RecordingHttp {
	http: HttpClient;
	/** The last response body, parsed losslessly (undefined before any call or for non-JSON bodies). */
	lastBody(): unknown;
}

export function recordingHttp(inner: HttpClient): RecordingHttp {
	let last: string | undefined;
	return {
		http: async (req) => {
			const res = await inner(req);
			last = res.body;
			return res;
		},
		lastBody: () => {
			if (last === undefined) return undefined;
			try {
				return parseJsonLossless(last, { provider: 'raw' });
			} catch {
				return last;
			}
		},
	};
}

function httpOf(ctx: RequestContext): RecordingHttp {
	return recordingHttp(nodeHttpClient(ctx as Pick<IExecuteFunctions, 'helpers'>));
}

export async function kuaidi100ClientFor(ctx: RequestContext): Promise<{ client: Kuaidi100Client; salt?: string } & RecordingHttp> {
	const settings = kuaidi100Settings(await ctx.getCredentials(CARRIER_CREDENTIALS.kuaidi100));
	const recording = httpOf(ctx);
	const client = kuaidi100Client({ credentials: settings.credentials, baseUrl: settings.baseUrl, http: recording.http });
	return { client, salt: settings.salt, ...recording };
}

export async function kdniaoClientFor(ctx: RequestContext): Promise<{ client: KdniaoClient } & RecordingHttp> {
	const settings = kdniaoSettings(await ctx.getCredentials(CARRIER_CREDENTIALS.kdniao));
	const recording = httpOf(ctx);
	const { credentials, environment, baseUrl } = settings;
	return { client: kdniaoClient({ credentials, environment, baseUrl, http: recording.http }), ...recording };
}

export async function sfClientFor(ctx: RequestContext): Promise<{ client: SfClient } & RecordingHttp> {
	const settings = sfSettings(await ctx.getCredentials(CARRIER_CREDENTIALS.sf));
	const recording = httpOf(ctx);
	const { credentials, environment, baseUrl, auth } = settings;
	return { client: sfClient({ credentials, environment, baseUrl, auth, http: recording.http }), ...recording };
}
