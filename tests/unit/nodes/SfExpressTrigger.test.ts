// SF route pushes through the trigger: JSON pushes need the push token in the URL, signed form pushes a
// valid msgDigest and a fresh timestamp; accepted ones get SF's exact reply, the rest 401 and no run.
import { sfMsgDigest } from '../../../lib/carriers/sf/sign';
import { SfExpressTrigger } from '../../../nodes/SfExpress/SfExpressTrigger.node';
import { CARRIER_TEST_CREDENTIALS } from './TrackParcel.kit';
import { triggerHarness, type PushRequest } from './TrackParcel.webhook';

const ROUTES = JSON.stringify({
	Body: {
		WaybillRoute: [
			{ id: '1001', mailno: 'SF7000000000001', orderid: 'O-1', acceptTime: '2026-11-19 09:00:00', acceptAddress: '深圳', remark: '已收取快件', opCode: '50' },
			{ id: '1002', mailno: 'SF7000000000001', orderid: 'O-1', acceptTime: '2026-11-20 18:00:00', acceptAddress: '上海', remark: '已签收', opCode: '80' },
			{ id: '1003', mailno: 'SF7000000000002', orderid: 'O-2', acceptTime: '2026-11-20 08:00:00', acceptAddress: '上海', remark: '派送中', opCode: '44' },
		],
	},
});
const ACCEPTED_REPLY = '{"return_code":"0000","return_msg":"成功"}';

function harness(pushFormat: 'json' | 'signed', extra: Record<string, unknown> = {}) {
	return triggerHarness({ credentials: { sfExpressApi: CARRIER_TEST_CREDENTIALS.sfExpressApi }, parameters: { pushFormat, maxPushAgeMinutes: 30, ...extra } });
}

async function push(h: ReturnType<typeof harness>, request: PushRequest) {
	const { context, reply } = h.webhook(request);
	const result = await new SfExpressTrigger().webhook.call(context);
	return { result, reply };
}

const jsonPush = (token?: string, body = ROUTES): PushRequest => ({ rawBody: body, contentType: 'application/json', query: token === undefined ? {} : { token } });

function signedPush(timestamp = Date.now(), checkWord = 'test-check-word', msgData = ROUTES): PushRequest {
	const msgDigest = sfMsgDigest(ROUTES, timestamp, checkWord);
	return { rawBody: new URLSearchParams({ msgData, timestamp: String(timestamp), msgDigest }).toString() };
}

describe('SF Express Trigger', () => {
	it('accepts a JSON route push carrying the push token, one item per waybill, with SF\'s exact reply', async () => {
		const { result, reply } = await push(harness('json'), jsonPush('push-token'));
		expect(reply.status).toBe(200);
		expect(reply.body).toBe(ACCEPTED_REPLY);
		const items = (result.workflowData ?? [])[0].map((i) => i.json);
		expect(items).toHaveLength(2);
		expect(items[0]).toMatchObject({ carrier: 'sf', trackingNo: 'SF7000000000001', status: 'delivered', orderId: 'O-1' });
		expect(items[1]).toMatchObject({ trackingNo: 'SF7000000000002', status: 'out_for_delivery' });
	});

	it.each([
		['without the token', jsonPush()],
		['with a wrong token (forged)', jsonPush('guess')],
	])('refuses a JSON push %s with 401', async (_name, request) => {
		const { result, reply } = await push(harness('json'), request);
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.body ?? '')).toMatchObject({ return_code: '1000' });
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses a JSON push replayed verbatim', async () => {
		const h = harness('json');
		expect((await push(h, jsonPush('push-token'))).reply.status).toBe(200);
		const again = await push(h, jsonPush('push-token'));
		expect(again.reply.status).toBe(401);
		expect(again.result.workflowData).toBeUndefined();
	});

	it('accepts a signed form push with a valid msgDigest', async () => {
		const { result, reply } = await push(harness('signed'), signedPush());
		expect(reply.status).toBe(200);
		expect(reply.body).toBe(ACCEPTED_REPLY);
		expect((result.workflowData ?? [])[0]).toHaveLength(2);
	});

	it.each([
		['forged (another check word)', signedPush(Date.now(), 'other-word')],
		['tampered (msgData changed after signing)', signedPush(Date.now(), 'test-check-word', ROUTES.replace('"opCode":"80"', '"opCode":"70"'))],
		['stale (signed an hour ago)', signedPush(Date.now() - 3600_000)],
	])('refuses a signed push that is %s with 401', async (_name, request) => {
		const { result, reply } = await push(harness('signed'), request);
		expect(reply.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses a signed push replayed within the time window', async () => {
		const h = harness('signed');
		const request = signedPush();
		expect((await push(h, request)).reply.status).toBe(200);
		expect((await push(h, request)).reply.status).toBe(401);
	});
});
