// From a verified push to the trigger's two outputs: the operator's mapping read from the node's
// parameters, the body parsed losslessly, each order normalized or sent to "Unnormalized" with its problems.
import type { IDataObject, INodeCredentialTestResult } from 'n8n-workflow';
import { CHANNEL, resolveMapping, type MappingProblem, type OwnSiteMapping, type StatusMapEntry } from '../../lib/channels/ownSite/mapping';
import { normalizeOwnSiteOrder, ownSiteOrdersIn } from '../../lib/channels/ownSite/normalize';
import { payloadProblem, type NormalizeProblem } from '../../lib/channels/core/payload';
import { parseJsonLossless } from '../../lib/json';
import { orderItemJson, type OrderOutputMode } from '../shared/orderOutput';

export const OWN_SITE_CREDENTIAL_TEST = 'ownSiteWebhookApiTest';
/** Shorter secrets are easy to guess offline from one captured push. */
export const MIN_SECRET_LENGTH = 16;

export interface PushOutputs {
	orders: IDataObject[];
	unnormalized: IDataObject[];
}

type GetParameter = (name: string, fallback?: unknown) => unknown;

/** The mapping groups of the node's fixedCollection, flattened, with the status values list. */
export function readMapping(getParameter: GetParameter): { mapping: OwnSiteMapping; problems: MappingProblem[] } {
	const groups = (getParameter('mapping', {}) ?? {}) as Record<string, IDataObject | undefined>;
	const statusMap = ((getParameter('statusMap', {}) as { values?: StatusMapEntry[] })?.values ?? []).filter((e) => String(e.raw ?? '').trim() !== '');
	return resolveMapping({
		...groups.order,
		...groups.amounts,
		...groups.people,
		...groups.lines,
		ordersPath: getParameter('ordersPath', '') as string,
		statusMap,
	});
}

/** Every order of a push on one of the two outputs; a body that is not JSON or has no orders goes to "Unnormalized" whole. */
export function normalizePush(text: string, mapping: OwnSiteMapping, options: { mode: OrderOutputMode; unmaskedReceiver?: boolean }): PushOutputs {
	const outputs: PushOutputs = { orders: [], unnormalized: [] };
	let body: unknown;
	try {
		body = parseJsonLossless(text, { provider: CHANNEL });
	} catch (error) {
		outputs.unnormalized.push(unnormalizedBody([payloadProblem('$', `the body is not JSON: ${(error as Error).message}`)], text));
		return outputs;
	}
	const located = ownSiteOrdersIn(body, mapping.ordersPath);
	if (!located.ok) {
		outputs.unnormalized.push(unnormalizedBody(located.problems, body));
		return outputs;
	}
	for (const { raw, path } of located.orders) {
		const result = normalizeOwnSiteOrder(raw, mapping, { basePath: path });
		const out = orderItemJson(result, raw, options.mode, { unmaskedReceiver: options.unmaskedReceiver, channel: CHANNEL, extra: { _push: { path } } });
		if (out.order) outputs.orders.push(out.order);
		else if (out.unnormalized) outputs.unnormalized.push(out.unnormalized);
	}
	return outputs;
}

/** One "Unnormalized" item for a push the mapping itself cannot read (bad path syntax, unknown status...). */
export function mappingProblemItem(problems: MappingProblem[], text: string): IDataObject {
	return unnormalizedBody(
		problems.map((p) => ({ ...p, source: 'payload' as const })),
		text,
	);
}

function unnormalizedBody(problems: NormalizeProblem[], raw: unknown): IDataObject {
	return {
		channel: CHANNEL,
		channelOrderId: null,
		problems: problems as unknown as IDataObject[],
		summary: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
		raw: raw as IDataObject,
	};
}

/** The credential test: nothing to call, so check the secret is there and not trivially short. */
export function checkSecret(secret: unknown): INodeCredentialTestResult {
	if (typeof secret !== 'string' || secret.trim() === '') return { status: 'Error', message: 'The signing secret is empty' };
	if (secret.trim().length < MIN_SECRET_LENGTH) {
		return { status: 'Error', message: `The signing secret is shorter than ${MIN_SECRET_LENGTH} characters; use e.g. openssl rand -hex 32` };
	}
	return { status: 'OK', message: 'The signing secret is set' };
}
