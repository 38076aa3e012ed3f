// Track Parcel: the same question to any provider, the same normalized answer whichever one replies.
import { NodeApiError } from 'n8n-workflow';
import { TrackParcel } from '../../../nodes/TrackParcel/TrackParcel.node';
import { carrierContext } from './TrackParcel.kit';

const KUAIDI100 = { message: 'ok', nu: 'SF1', com: 'shunfeng', state: '0', data: [{ ftime: '2026-11-19 09:00:00', context: '运输中', statusCode: '1002' }] };
const KDNIAO = { Success: true, ShipperCode: 'SF', LogisticCode: 'SF1', State: '2', Traces: [{ AcceptTime: '2026-11-19 09:00:00', AcceptStation: '运输中' }] };
const SF = {
	apiResultCode: 'A1000',
	apiResultData: JSON.stringify({ success: true, errorCode: 'S0000', msgData: { routeResps: [{ mailNo: 'SF1', routes: [{ acceptTime: '2026-11-19 09:00:00', remark: '运输中', opCode: '36' }] }] } }),
};

async function track(provider: string, answer: object, extra: Record<string, unknown> = {}) {
	const { api, context } = carrierContext({
		parameters: { provider, trackingNo: 'SF1', carrier: 'sf', phone: '13812341234', includeRaw: false, ...extra },
		answers: [answer],
	});
	const [[item]] = await new TrackParcel().execute.call(context);
	return { api, item };
}

describe('Track Parcel node', () => {
	it.each([
		['kuaidi100', KUAIDI100, 'http://carrier.test/kuaidi100/poll/query.do'],
		['kdniao', KDNIAO, 'http://carrier.test/kdniao/Ebusiness/EbusinessOrderHandle.aspx'],
		['sf', SF, 'http://carrier.test/sf/std/service'],
	])('asks %s with its own credential and outputs the carrier-neutral timeline', async (provider, answer, url) => {
		const { api, item } = await track(provider, answer);
		expect(api.seen[0].url).toBe(url);
		expect(item.json).toMatchObject({ carrier: 'sf', trackingNo: 'SF1', status: 'in_transit', provider });
		expect(Object.keys(item.json).slice(0, 5)).toEqual(['carrier', 'trackingNo', 'status', 'subStatus', 'events']);
		expect(item.json.events).toHaveLength(1);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('includes the provider answer when asked', async () => {
		const { item } = await track('kdniao', KDNIAO, { includeRaw: true });
		expect(item.json.raw).toMatchObject({ LogisticCode: 'SF1' });
	});

	it('fails naming the provider and the tracking number', async () => {
		const { context } = carrierContext({
			parameters: { provider: 'kdniao', trackingNo: 'SF1', carrier: 'sf', phone: '', includeRaw: false },
			answers: [{ Success: false, ResultCode: '102', Reason: '验证失败' }],
		});
		const error = await new TrackParcel().execute.call(context).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as Error).message).toMatch(/^Kdniao .* for tracking number SF1 failed with code 102/);
	});
});
