// 200 waybills end to end against the in-process sandbox: created with the SF Express, Kdniao and Kuaidi100
// nodes, subscribed, moved along by the sandbox clock, pushed over real HTTP into the push triggers, and at
// the end every parcel's normalized status equals what the sandbox truth says happened to it.
import type { IDataObject } from 'n8n-workflow';
import { mergeTrackingStatus, type TrackingStatus } from '../../../lib/carriers/status';
import { Kdniao } from '../../../nodes/Kdniao/Kdniao.node';
import { KdniaoTrigger } from '../../../nodes/Kdniao/KdniaoTrigger.node';
import { Kuaidi100 } from '../../../nodes/Kuaidi100/Kuaidi100.node';
import { Kuaidi100Trigger } from '../../../nodes/Kuaidi100/Kuaidi100Trigger.node';
import { SfExpress } from '../../../nodes/SfExpress/SfExpress.node';
import { SfExpressTrigger } from '../../../nodes/SfExpress/SfExpressTrigger.node';
import { KDNIAO_DEFAULTS } from '../../../sandbox/providers/kdniao/models';
import { KUAIDI100_DEFAULTS } from '../../../sandbox/providers/kuaidi100/models';
import { SF_DEFAULTS } from '../../../sandbox/providers/sf/models';
import type { Sandbox } from '../../../sandbox/server';
import { startSandbox } from '../../../sandbox/server';
import type { ParcelStage } from '../../../sandbox/truth/parcels';
import { visibleEvents } from '../../../sandbox/truth/parcels';
import { sampleOrder } from '../../fixtures/orders';
import { admin } from '../sandbox/top-client';
import { SENDER_PARAMETERS } from '../../unit/nodes/TrackParcel.kit';
import { runNode, startPushReceiver, triggerHarness, type PushReceiver } from './harness';

const HOUR = 3_600_000;
const PUSH_TOKEN = 'route-push-token';

/** What each truth stage means in the normalized vocabulary: the expectation, written once, carrier-neutral. */
const EXPECTED: Record<ParcelStage, TrackingStatus> = {
	collected: 'picked_up',
	departed: 'in_transit',
	arrived_hub: 'in_transit',
	arrived_city: 'in_transit',
	out_for_delivery: 'out_for_delivery',
	locker: 'available_for_pickup',
	delivered: 'delivered',
	delivered_proxy: 'delivered',
	delivered_locker: 'delivered',
	delivered_after_exception: 'delivered',
	failed_attempt: 'failed_attempt',
	unreachable: 'failed_attempt',
	no_update: 'exception',
	damaged: 'exception',
	refused: 'rejected',
	returning: 'returning',
	returned: 'returned',
};

let sandbox: Sandbox;
let receiver: PushReceiver;
let credentials: Record<string, IDataObject>;

beforeAll(async () => {
	sandbox = await startSandbox({ orders: 5, seed: 'carrier-pushes' });
	credentials = {
		kuaidi100Api: {
			environment: 'custom',
			customBaseUrl: `${sandbox.url}/kuaidi100`,
			customer: KUAIDI100_DEFAULTS.account.customer,
			authKey: KUAIDI100_DEFAULTS.account.key,
			secret: KUAIDI100_DEFAULTS.account.secret,
			pushSecret: 'integration-salt',
		},
		kdniaoApi: { environment: 'custom', customBaseUrl: `${sandbox.url}/kdniao`, eBusinessId: KDNIAO_DEFAULTS.account.eBusinessId, apiKey: KDNIAO_DEFAULTS.account.appKey },
		sfExpressApi: {
			environment: 'custom',
			customBaseUrl: `${sandbox.url}/sf`,
			partnerId: SF_DEFAULTS.partner.partnerId,
			checkWordSecret: SF_DEFAULTS.partner.checkWord,
			auth: 'digest',
			pushToken: PUSH_TOKEN,
		},
	};
	const harness = (parameters: Record<string, unknown>) => triggerHarness({ credentials, parameters });
	receiver = await startPushReceiver({
		kuaidi100: { webhook: new Kuaidi100Trigger().webhook, harness: harness({ trackingNumbers: '' }) },
		// Sandbox time is fixed in the past, so the signed PushTime age check is off here (unit tests cover it).
		kdniao: { webhook: new KdniaoTrigger().webhook, harness: harness({ trackingNumbers: '', maxPushAgeMinutes: 0 }) },
		sf: { webhook: new SfExpressTrigger().webhook, harness: harness({ pushFormat: 'json' }) },
		'sf-signed': { webhook: new SfExpressTrigger().webhook, harness: harness({ pushFormat: 'signed', maxPushAgeMinutes: 30 }) },
	});
	await admin(sandbox, 'POST', '/kdniao/push-url', { url: `${receiver.url}/kdniao` });
	await admin(sandbox, 'POST', '/sf/push-url', { url: `${receiver.url}/sf?token=${PUSH_TOKEN}` });
});

afterAll(async () => {
	await receiver?.close();
	await sandbox?.close();
});

interface Shipment {
	provider: 'sf' | 'kdniao' | 'kuaidi100';
	carrier: string;
	trackingNo: string;
}

const KDNIAO_CARRIERS = ['zto', 'yto', 'yunda', 'sto'];
const KUAIDI100_CARRIERS = ['zto', 'yto'];

function orders(prefix: string, count: number): IDataObject[] {
	return Array.from({ length: count }, (_, i) => {
		const order = sampleOrder({ channelOrderId: `${prefix}-${i}` });
		order.receiver = { ...order.receiver, phone: `1391234${String(i).padStart(4, '0')}` };
		return order as unknown as IDataObject;
	});
}

const shipmentParameters = { ...SENDER_PARAMETERS, resource: 'waybill', operation: 'create', includeRaw: false };

/** Parameters that are the same for every item, plus one chosen per item (the carrier, the tracking number ...). */
const perItem = (fixed: Record<string, unknown>, varying: Record<string, (i: number) => unknown>) => (name: string, i: number) =>
	name in varying ? varying[name](i) : fixed[name];

async function advanceAndPush(hours: number) {
	await admin(sandbox, 'POST', '/clock', { advanceMs: hours * HOUR });
	await admin(sandbox, 'POST', '/kuaidi100/push', {});
	await admin(sandbox, 'POST', '/kdniao/push', {});
	await admin(sandbox, 'POST', '/sf/push', {});
}

/** The status each tracking number ended at, folding every update the triggers emitted in arrival order. */
function finalStatuses(): Map<string, TrackingStatus> {
	const statuses = new Map<string, TrackingStatus>();
	for (const items of Object.values(receiver.received)) {
		for (const item of items) {
			const trackingNo = String(item.trackingNo);
			statuses.set(trackingNo, mergeTrackingStatus(statuses.get(trackingNo), item.status as TrackingStatus));
		}
	}
	return statuses;
}

/** Parcels whose latest pushed status differs from what their newest visible truth event means. */
function mismatchesWithTruth(shipments: Shipment[]) {
	const now = sandbox.world.clock.now();
	const statuses = finalStatuses();
	return shipments.flatMap((s) => {
		const parcel = sandbox.world.truth.parcel(s.carrier, s.trackingNo);
		const events = parcel ? visibleEvents(parcel, now) : [];
		const expected = events.length ? EXPECTED[events[events.length - 1].stage] : undefined;
		const actual = statuses.get(s.trackingNo);
		return expected !== undefined && actual === expected ? [] : [{ ...s, expected, actual }];
	});
}

test('200 waybills: created, subscribed, pushed through the triggers, final status equals the truth', async () => {
	// 80 SF orders, 80 Kdniao e-waybills over four carriers, 40 Kuaidi100 e-waybills over two.
	const sfOut = await runNode(new SfExpress(), { ...shipmentParameters, payMethod: 'monthly', monthlyCard: '7551234567', expressTypeId: 1, isDocall: false }, credentials, orders('SF', 80));
	const kdniaoOut = await runNode(
		new Kdniao(),
		perItem({ ...shipmentParameters, payMethod: 'monthly', account: {} }, { carrier: (i) => KDNIAO_CARRIERS[i % KDNIAO_CARRIERS.length] }),
		credentials,
		orders('KDN', 80),
	);
	const kuaidi100Out = await runNode(
		new Kuaidi100(),
		perItem({ ...shipmentParameters, payMethod: 'monthly', account: {} }, { carrier: (i) => KUAIDI100_CARRIERS[i % KUAIDI100_CARRIERS.length] }),
		credentials,
		orders('K100', 40),
	);
	const shipments: Shipment[] = [
		...sfOut.map((o) => ({ provider: 'sf' as const, carrier: 'sf', trackingNo: String(o.trackingNo) })),
		...kdniaoOut.map((o) => ({ provider: 'kdniao' as const, carrier: String(o.carrier), trackingNo: String(o.trackingNo) })),
		...kuaidi100Out.map((o) => ({ provider: 'kuaidi100' as const, carrier: String(o.carrier), trackingNo: String(o.trackingNo) })),
	];
	expect(shipments).toHaveLength(200);
	expect(new Set(shipments.map((s) => s.trackingNo)).size).toBe(200);
	expect(new Set(kdniaoOut.map((o) => o.carrier))).toEqual(new Set(KDNIAO_CARRIERS));

	// Subscribe: Kdniao (monitored, pushes to the account's push URL) and Kuaidi100 (callback URL + salt).
	const kdniaoShipments = shipments.filter((s) => s.provider === 'kdniao');
	const subscribed = await runNode(
		new Kdniao(),
		perItem(
			{ resource: 'tracking', operation: 'subscribe', phone: '', monitored: true },
			{ trackingNo: (i) => kdniaoShipments[i].trackingNo, carrier: (i) => kdniaoShipments[i].carrier, callback: (i) => `KDN-${i}` },
		),
		credentials,
		kdniaoShipments.map(() => ({})),
	);
	expect(subscribed.every((s) => s.subscribed === true)).toBe(true);
	const kuaidi100Shipments = shipments.filter((s) => s.provider === 'kuaidi100');
	await runNode(
		new Kuaidi100(),
		perItem(
			{ resource: 'tracking', operation: 'subscribe', phone: '', callbackUrl: `${receiver.url}/kuaidi100` },
			{ trackingNo: (i) => kuaidi100Shipments[i].trackingNo, carrier: (i) => kuaidi100Shipments[i].carrier },
		),
		credentials,
		kuaidi100Shipments.map(() => ({})),
	);

	// Day 1, then a forged Kdniao push and an SF push with a wrong token: refused, nothing triggered.
	await advanceAndPush(24);
	const before = JSON.stringify(receiver.received);
	expect(Object.keys(receiver.received).sort()).toEqual(['kdniao', 'kuaidi100', 'sf']);
	await admin(sandbox, 'POST', '/clock', { advanceMs: 6 * HOUR });
	const forged = (await admin(sandbox, 'POST', '/kdniao/push', { wrongSignature: true })) as { pushes: Array<{ status: number; accepted: boolean }> };
	const wrongToken = (await admin(sandbox, 'POST', '/sf/push', { url: `${receiver.url}/sf?token=guess` })) as { pushes: Array<{ status: number; accepted: boolean }> };
	const wrongDigest = (await admin(sandbox, 'POST', '/sf/push', { url: `${receiver.url}/sf-signed`, format: 'signed', wrongSignature: true })) as {
		pushes: Array<{ status: number; accepted: boolean }>;
	};
	const wrongSalt = (await admin(sandbox, 'POST', '/kuaidi100/push', { wrongSignature: true })) as { pushes: Array<{ status: number; accepted: boolean }> };
	for (const refused of [forged, wrongToken, wrongDigest, wrongSalt]) {
		expect(refused.pushes.length).toBeGreaterThan(0);
		expect(refused.pushes.every((p) => p.status === 401 && !p.accepted)).toBe(true);
	}
	expect(JSON.stringify(receiver.received)).toBe(before);

	// Twelve more days in half-day steps; refused pushes above are simply pushed again. Mid-way, while
	// parcels are in transit, out for delivery or in lockers, every status must already match the truth.
	const midway: string[] = [];
	for (let step = 0; step < 24; step++) {
		await advanceAndPush(12);
		if (step === 1 || step === 4) midway.push(...mismatchesWithTruth(shipments).map((m) => `${m.trackingNo}: ${m.actual} != ${m.expected}`));
	}
	expect(midway).toEqual([]);

	const statuses = finalStatuses();
	expect(mismatchesWithTruth(shipments)).toEqual([]);
	// The parcels really went through different stages and endings, not all the same path.
	const seen = new Set(Object.values(receiver.received).flat().map((item) => item.status));
	expect(seen.size).toBeGreaterThanOrEqual(7);
	expect(new Set(statuses.values())).toEqual(new Set(['delivered', 'returned', 'exception']));
	// Every parcel was updated several times along the way, each update through a real push.
	const updates = new Map<string, number>();
	for (const item of Object.values(receiver.received).flat()) updates.set(String(item.trackingNo), (updates.get(String(item.trackingNo)) ?? 0) + 1);
	expect(shipments.filter((s) => (updates.get(s.trackingNo) ?? 0) < 2)).toEqual([]);
	expect(Object.values(receiver.statuses).flat().filter((status) => status === 401).length).toBeGreaterThan(0);
});
