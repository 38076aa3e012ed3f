// The JD emulator seen through the pack's JD client: clients for the default shops, the truth as JD shows
// it (what a correct pull must give back) and call counting; the shared parts come from ../kit.
import { fromChannelCarrierCode, CarrierCodeError } from '../../../../lib/carriers/carrierCodes';
import { createJdClient, type JdClient } from '../../../../lib/channels/jd/client';
import { ORDER_STATE_MAP } from '../../../../lib/channels/jd/codes';
import type { JdCredentials } from '../../../../lib/channels/jd/sign';
import { request as httpRequest } from 'node:http';
import { buildUrl, toChannelApiError, type HttpClient } from '../../../../lib/http';
import type { UnifiedOrder } from '../../../../lib/model';
import { JD_DEFAULTS } from '../../../../sandbox/providers/jd/models';
import { JD_CARRIER_IDS, jdOrderState, jdSkuNameOf } from '../../../../sandbox/providers/jd/render';
import type { Sandbox } from '../../../../sandbox/server';
import type { TruthOrder } from '../../../../sandbox/truth/types';
import { clientOnSandboxClock, countAnsweredCalls, formMethodOf, visibleTruthOf, type SandboxClientOptions } from '../kit';

export { DAY_MS, admin, collect, defined, iso, type Json } from '../kit';

export function shopCredentials(sandbox: Sandbox, shopIndex = 0, overrides: Partial<JdCredentials> = {}): JdCredentials {
	const shop = JD_DEFAULTS.shops[shopIndex];
	return {
		appKey: JD_DEFAULTS.app.appKey,
		appSecret: JD_DEFAULTS.app.secret,
		accessToken: shop.token,
		refreshToken: shop.refreshToken,
		shopId: shop.shopId,
		url: `${sandbox.url}/jd/routerjson`,
		oauthUrl: `${sandbox.url}/jd/oauth2`,
		...overrides,
	};
}

/** A client on the sandbox clock whose retries do not really wait (`waits` records them). */
export function sandboxClient(sandbox: Sandbox, credentials: JdCredentials, options: SandboxClientOptions = {}) {
	return clientOnSandboxClock(sandbox, options, (clock): JdClient => createJdClient({ credentials, http: options.http ?? freshConnectionHttp, ...clock }));
}

/**
 * An HttpClient on a fresh connection per request, so no request is lost on a keep-alive socket the
 * sandbox closed meanwhile: retry and call counts then depend only on the faults a test injects.
 */
export const freshConnectionHttp: HttpClient = (req) =>
	new Promise((resolve, reject) => {
		const url = new URL(buildUrl(req.url, req.qs));
		const body = typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : req.body === undefined ? undefined : JSON.stringify(req.body);
		const outgoing = httpRequest(url, { method: req.method, headers: req.headers, agent: false, timeout: req.timeoutMs }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (chunk: Buffer) => chunks.push(chunk));
			res.on('end', () => {
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) headers[name] = String(value);
				resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks).toString('utf8') });
			});
			res.on('error', (error) => reject(toChannelApiError(error, req.context ?? { provider: 'jd' })));
		});
		outgoing.on('timeout', () => outgoing.destroy(Object.assign(new Error('request timed out'), { code: 'ETIMEDOUT' })));
		outgoing.on('error', (error) => reject(toChannelApiError(error, req.context ?? { provider: 'jd' })));
		outgoing.end(body);
	});

/** An HttpClient that counts the calls the platform answered, per JOS method. */
export function answeredCalls() {
	return countAnsweredCalls(freshConnectionHttp, (req) => formMethodOf(req) ?? new URL(req.url).pathname);
}

/** The truth orders JD lists for a shop (paid at some point), as of the sandbox clock. */
export function visibleTruth(sandbox: Sandbox, shopId: string): TruthOrder[] {
	const { truth } = sandbox.world;
	return visibleTruthOf(sandbox, 'jd', shopId).filter((order) => jdOrderState(truth.snapshot(order)) !== undefined);
}

function libCarrier(jdCode: string): string | undefined {
	try {
		return fromChannelCarrierCode('jd', jdCode);
	} catch (err) {
		if (err instanceof CarrierCodeError) return undefined;
		throw err;
	}
}

/**
 * The unified order a correct JD pull must produce for a truth order. It differs from the plain truth
 * only where JD itself shows less, each difference named:
 * - status: JD's state (a partly shipped order still waits for stock-out; no delivered state);
 * - no shippedAt, no refunded total, no SKU variant apart from the title (JD's skuName is both);
 * - a line without a SKU id is sold as its ware's SKU; gifts are not marked;
 * - carriers by JD's numeric id, shipments without line ids or times; tags carry JD's order type;
 * - presale is not detectable from JD's fields [I].
 */
export function expectedOrder(sandbox: Sandbox, order: TruthOrder): Partial<UnifiedOrder> {
	const { truth } = sandbox.world;
	const unified = truth.unified(order, true);
	const state = jdOrderState(truth.snapshot(order)) as string;
	const shipments = unified.logistics?.shipments?.map((s) => {
		const code = JD_CARRIER_IDS[s.carrier];
		return { carrier: libCarrier(code) ?? code, trackingNo: s.trackingNo };
	});
	const lastCode = unified.logistics?.shipments?.length ? JD_CARRIER_IDS[unified.logistics.shipments.at(-1)!.carrier] : undefined;
	return {
		id: unified.id,
		channel: 'jd',
		shopId: unified.shopId,
		channelOrderId: unified.channelOrderId,
		status: ORDER_STATE_MAP[state],
		rawStatus: state,
		refundState: unified.refundState,
		currency: unified.currency,
		totals: { goods: unified.totals.goods, discount: unified.totals.discount, shippingFee: unified.totals.shippingFee, paid: unified.totals.paid },
		createdAt: unified.createdAt,
		paidAt: unified.paidAt,
		updatedAt: unified.updatedAt,
		lines: unified.lines.map((line) => ({
			lineId: line.lineId,
			channelItemId: line.channelItemId,
			channelSkuId: line.channelSkuId ?? line.channelItemId,
			merchantCode: line.merchantCode,
			title: jdSkuNameOf(line),
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			discount: line.discount,
			paidAmount: line.paidAmount,
			refundState: line.refundState,
		})),
		buyer: unified.buyer,
		receiver: unified.receiver,
		buyerMessage: unified.buyerMessage,
		sellerMemo: unified.sellerMemo,
		tags: [`order_type:${order.orderType}`],
		logistics: shipments && lastCode ? { carrier: libCarrier(lastCode), channelCarrierCode: lastCode, trackingNo: shipments.at(-1)!.trackingNo, shipments } : undefined,
		flags: [],
	};
}
