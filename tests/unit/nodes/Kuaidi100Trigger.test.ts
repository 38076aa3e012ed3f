// Kuaidi100 pushes through the trigger: signed ones start the workflow and get Kuaidi100's exact reply;
// forged, tampered and replayed ones are refused with 401 and start nothing.
import type { IDataObject } from 'n8n-workflow';
import { kuaidi100PushSign } from '../../../lib/carriers/kuaidi100/sign';
import { Kuaidi100Trigger } from '../../../nodes/Kuaidi100/Kuaidi100Trigger.node';
import { carrierApi, CARRIER_TEST_CREDENTIALS } from './TrackParcel.kit';
import { triggerHarness } from './TrackParcel.webhook';

const PARAM = JSON.stringify({
	status: 'polling',
	message: '',
	lastResult: {
		state: '5',
		com: 'yuantong',
		nu: 'YT0000000000001',
		data: [
			{ time: '2026-11-20 08:00:00', ftime: '2026-11-20 08:00:00', context: '快件派送中', statusCode: '5' },
			{ time: '2026-11-19 09:00:00', ftime: '2026-11-19 09:00:00', context: '已揽收', statusCode: '103' },
		],
	},
});
const ACCEPTED_REPLY = '{"result":true,"returnCode":"200","message":"成功"}';

const form = (param: string, sign: string) => new URLSearchParams({ param, sign }).toString();

function harness(credentials: IDataObject = CARRIER_TEST_CREDENTIALS.kuaidi100Api, parameters: Record<string, unknown> = {}, httpRequest?: (o: IDataObject) => Promise<unknown>) {
	return triggerHarness({ credentials: { kuaidi100Api: credentials }, parameters: { trackingNumbers: '', ...parameters }, httpRequest });
}

async function push(h: ReturnType<typeof harness>, rawBody: string) {
	const { context, reply } = h.webhook({ rawBody });
	const result = await new Kuaidi100Trigger().webhook.call(context);
	return { result, reply };
}

describe('Kuaidi100 Trigger', () => {
	it('accepts a signed push, answers exactly what Kuaidi100 expects and outputs the normalized update', async () => {
		const { result, reply } = await push(harness(), form(PARAM, kuaidi100PushSign(PARAM, 'TESTSALT')));
		expect(reply.status).toBe(200);
		expect(reply.body).toBe(ACCEPTED_REPLY);
		expect(reply.headers['content-type']).toContain('application/json');
		expect(result.noWebhookResponse).toBe(true);
		const [[item]] = result.workflowData ?? [];
		expect(item.json).toMatchObject({ carrier: 'yto', trackingNo: 'YT0000000000001', status: 'out_for_delivery', pushStatus: 'polling' });
		expect((item.json.events as IDataObject[]).map((e) => e.status)).toEqual(['picked_up', 'out_for_delivery']);
	});

	it('refuses a push signed with another salt (forged)', async () => {
		const { result, reply } = await push(harness(), form(PARAM, kuaidi100PushSign(PARAM, 'OTHER')));
		expect(reply.status).toBe(401);
		expect(JSON.parse(reply.body ?? '')).toMatchObject({ result: false });
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses a push whose param was changed after signing (tampered)', async () => {
		const tampered = PARAM.replace('"state":"5"', '"state":"3"');
		const { result, reply } = await push(harness(), form(tampered, kuaidi100PushSign(PARAM, 'TESTSALT')));
		expect(reply.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('refuses the same signed push a second time (replayed)', async () => {
		const h = harness();
		const body = form(PARAM, kuaidi100PushSign(PARAM, 'TESTSALT'));
		expect((await push(h, body)).reply.status).toBe(200);
		const again = await push(h, body);
		expect(again.reply.status).toBe(401);
		expect(again.result.workflowData).toBeUndefined();
	});

	it('refuses every push while the credential has no push salt to verify with', async () => {
		const { result, reply } = await push(harness({ ...CARRIER_TEST_CREDENTIALS.kuaidi100Api, pushSecret: '' }), form(PARAM, ''));
		expect(reply.status).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('registers on activation (subscribing listed parcels with its URL and salt) and forgets on deactivation', async () => {
		const api = carrierApi([{ result: true, returnCode: '200', message: '提交成功' }]);
		const h = harness(CARRIER_TEST_CREDENTIALS.kuaidi100Api, { trackingNumbers: 'YT1, YT2', carrier: 'yto' }, api.httpRequest);
		const hooks = new Kuaidi100Trigger().webhookMethods.default;
		expect(await hooks.checkExists.call(h.hooks())).toBe(false);
		expect(await hooks.create.call(h.hooks())).toBe(true);
		expect(await hooks.checkExists.call(h.hooks())).toBe(true);
		expect(api.seen.map((r) => JSON.parse(r.form.param).number)).toEqual(['YT1', 'YT2']);
		expect(JSON.parse(api.seen[0].form.param).parameters).toMatchObject({ callbackurl: 'https://n8n.test/webhook/abc/push', salt: 'TESTSALT' });
		expect(h.staticData.registration).toMatchObject({ subscribed: ['YT1', 'YT2'] });
		expect(await hooks.delete.call(h.hooks())).toBe(true);
		expect(await hooks.checkExists.call(h.hooks())).toBe(false);
	});
});
