// Kdniao pushes (RequestType 101) through the trigger: a valid DataSign starts the workflow with one item
// per parcel and gets Kdniao's exact reply; forged, tampered, stale and replayed pushes get 401.
import { kdniaoDataSign } from '../../../lib/carriers/kdniao/sign';
import { isoFromMillis } from '../../../lib/model/time';
import { KdniaoTrigger } from '../../../nodes/Kdniao/KdniaoTrigger.node';
import { CARRIER_TEST_CREDENTIALS } from './TrackParcel.kit';
import { triggerHarness } from './TrackParcel.webhook';

const chinaTime = (ms: number) => isoFromMillis(ms).slice(0, 19).replace('T', ' ');

function requestData(pushTimeMs = Date.now()) {
	return JSON.stringify({
		EBusinessID: '1234567',
		PushTime: chinaTime(pushTimeMs),
		Count: '2',
		Data: [
			{ EBusinessID: '1234567', ShipperCode: 'ZTO', LogisticCode: '73100000000001', Success: true, State: '3', StateEx: '301', CallBack: 'order-1', Traces: [{ AcceptTime: '2026-11-20 18:00:00', AcceptStation: '已签收', Action: '301' }] },
			{ EBusinessID: '1234567', ShipperCode: 'YTO', LogisticCode: 'YT0000000000002', Success: true, State: '2', StateEx: '201', CallBack: 'order-2', Traces: [{ AcceptTime: '2026-11-20 10:00:00', AcceptStation: '到达上海', Action: '201' }] },
		],
	});
}

const form = (data: string, sign: string) => new URLSearchParams({ RequestData: data, DataSign: sign, RequestType: '101' }).toString();

function harness(parameters: Record<string, unknown> = {}) {
	return triggerHarness({ credentials: { kdniaoApi: CARRIER_TEST_CREDENTIALS.kdniaoApi }, parameters: { trackingNumbers: '', maxPushAgeMinutes: 60, ...parameters } });
}

async function push(h: ReturnType<typeof harness>, rawBody: string) {
	const { context, reply } = h.webhook({ rawBody });
	const result = await new KdniaoTrigger().webhook.call(context);
	return { result, reply };
}

describe('Kdniao Trigger', () => {
	it('accepts a push with a valid DataSign, one item per parcel, and answers in Kdniao\'s reply format', async () => {
		const data = requestData();
		const { result, reply } = await push(harness(), form(data, kdniaoDataSign(data, 'test-app-key')));
		expect(reply.status).toBe(200);
		const answer = JSON.parse(reply.body ?? '');
		expect(Object.keys(answer)).toEqual(['EBusinessID', 'UpdateTime', 'Success', 'Reason']);
		expect(answer).toMatchObject({ EBusinessID: '1234567', Success: true, Reason: '' });
		expect(answer.UpdateTime).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
		const items = (result.workflowData ?? [])[0].map((i) => i.json);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ carrier: 'zto', trackingNo: '73100000000001', status: 'delivered', callback: 'order-1' });
		expect(items[1]).toMatchObject({ carrier: 'yto', status: 'in_transit', subStatus: 'arrived_dest_city' });
	});

	it('accepts the DataSign URL-encoded once more, as the official demo sends it', async () => {
		const data = requestData();
		const { reply } = await push(harness(), form(data, encodeURIComponent(kdniaoDataSign(data, 'test-app-key'))));
		expect(reply.status).toBe(200);
	});

	it.each([
		['forged (another AppKey)', (data: string) => form(data, kdniaoDataSign(data, 'wrong-key'))],
		['tampered (data changed after signing)', (data: string) => form(data.replace('"State":"3"', '"State":"4"'), kdniaoDataSign(data, 'test-app-key'))],
		['unsigned', (data: string) => new URLSearchParams({ RequestData: data, RequestType: '101' }).toString()],
	])('refuses a %s push with 401 and starts nothing', async (_name, build) => {
		const { result, reply } = await push(harness(), build(requestData()));
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.body ?? '')).toMatchObject({ Success: false });
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses a replayed push: the same one again, or an old one signed long ago', async () => {
		const h = harness();
		const data = requestData();
		const body = form(data, kdniaoDataSign(data, 'test-app-key'));
		expect((await push(h, body)).reply.status).toBe(200);
		expect((await push(h, body)).reply.status).toBe(401);
		const old = requestData(Date.now() - 2 * 3600_000);
		const stale = await push(harness(), form(old, kdniaoDataSign(old, 'test-app-key')));
		expect(stale.reply.status).toBe(401);
		expect(stale.result.workflowData).toBeUndefined();
		const anyAge = await push(harness({ maxPushAgeMinutes: 0 }), form(old, kdniaoDataSign(old, 'test-app-key')));
		expect(anyAge.reply.status).toBe(200);
	});

	it('keeps its registration in static data', async () => {
		const h = harness();
		const hooks = new KdniaoTrigger().webhookMethods.default;
		expect(await hooks.checkExists.call(h.hooks())).toBe(false);
		await hooks.create.call(h.hooks());
		expect(h.staticData.registration).toMatchObject({ callbackUrl: 'https://n8n.test/webhook/abc/push', subscribed: [] });
		expect(await hooks.checkExists.call(h.hooks())).toBe(true);
		await hooks.delete.call(h.hooks());
		expect(h.staticData.registration).toBeUndefined();
	});
});
