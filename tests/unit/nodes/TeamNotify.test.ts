// The node through a fake n8n context: parameters -> robot requests -> output items.
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { TeamNotify } from '../../../nodes/TeamNotify/TeamNotify.node';
import { dingtalkSign } from '../../../lib/notify/dingtalk';
import { fakeExecuteContext } from '../../helpers/n8n';
import { sampleOrder } from '../../fixtures/orders';

interface SeenRequest {
	url: string;
	body: Record<string, unknown>;
}

/** Answers like n8n's httpRequest with returnFullResponse; `answers` are used in turn, the last one repeats. */
function robot(answers: object[]) {
	const seen: SeenRequest[] = [];
	const httpRequest = async (options: IDataObject) => {
		const url = new URL(String(options.url));
		for (const [key, value] of Object.entries((options.qs as IDataObject) ?? {})) url.searchParams.set(key, String(value));
		seen.push({ url: url.toString(), body: JSON.parse(String(options.body)) });
		const answer = answers[Math.min(seen.length - 1, answers.length - 1)];
		return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(answer)) };
	};
	return { seen, httpRequest };
}

let tokenSeq = 0;
/** A fresh robot per test, so the process-wide send queue never carries one test's sends into another. */
function credentialsFor(extra: IDataObject = {}) {
	const token = `node-test-${++tokenSeq}`;
	const base = { environment: 'custom', customBaseUrl: 'http://robot.test', token, ...extra };
	return { dingTalkRobotApi: base, weComRobotApi: base, feishuBotApi: base };
}

function run(options: {
	parameters: Record<string, unknown>;
	items?: IDataObject[];
	answers?: object[];
	continueOnFail?: boolean;
	credentials?: IDataObject;
}) {
	const fake = robot(options.answers ?? [{ errcode: 0, errmsg: 'ok' }]);
	const context = fakeExecuteContext({
		items: options.items ?? [sampleOrder() as unknown as IDataObject],
		parameters: { platform: 'dingtalk', messageType: 'text', orderField: '', mention: {}, options: {}, ...options.parameters },
		credentials: credentialsFor(options.credentials),
		continueOnFail: options.continueOnFail,
		httpRequest: fake.httpRequest,
	});
	return { fake, result: new TeamNotify().execute.call(context) };
}

describe('Team Notify node', () => {
	it('sends one DingTalk message per item with masked contact details, paired with its item', async () => {
		const orders = [sampleOrder(), sampleOrder({ channelOrderId: '42' })];
		const { fake, result } = run({
			items: orders as unknown as IDataObject[],
			parameters: {
				message: '订单 {{order.channelOrderId}} {{order.receiver.name}} {{order.receiver.phone}} 实付 {{order.totals.paid|money}}',
				mention: { mobiles: '13900001111, 13900002222', everyone: false },
			},
			credentials: { secret: 'SECnodetest', keyword: '订单' },
		});
		const [output] = await result;
		expect(output).toEqual([
			{ json: { sent: true, platform: 'dingtalk', attempts: 1 }, pairedItem: { item: 0 } },
			{ json: { sent: true, platform: 'dingtalk', attempts: 1 }, pairedItem: { item: 1 } },
		]);
		expect(fake.seen).toHaveLength(2);
		expect(fake.seen[0].body).toEqual({
			msgtype: 'text',
			text: { content: '订单 3947581234567890123 张* 138****1234 实付 248.00\n@13900001111 @13900002222' },
			at: { atMobiles: ['13900001111', '13900002222'], atUserIds: [], isAtAll: false },
		});
		const url = new URL(fake.seen[0].url);
		expect(url.origin + url.pathname).toBe('http://robot.test/robot/send');
		expect(url.searchParams.get('sign')).toBe(dingtalkSign(url.searchParams.get('timestamp')!, 'SECnodetest'));
	});

	it('shows full contact details when asked', async () => {
		const { fake, result } = run({
			parameters: { message: '{{order.receiver.phone}}', options: { showFullContact: true } },
		});
		await result;
		expect((fake.seen[0].body.text as { content: string }).content).toBe('13812341234');
	});

	it('sends one digest per run listing every item, paired with all of them', async () => {
		const orders = [sampleOrder({ channelOrderId: 'A1' }), sampleOrder({ channelOrderId: 'B2' })];
		const { fake, result } = run({
			items: orders as unknown as IDataObject[],
			parameters: {
				platform: 'wecom',
				messageType: 'markdown',
				title: '今日订单 {{count}}',
				message: '{{order.channelOrderId}} → {{order.receiver.city}}',
				options: { sendOncePerRun: true, digestHeader: '共 {{count}} 单' },
			},
			answers: [{ errcode: 0, errmsg: 'ok' }],
		});
		const [output] = await result;
		expect(output).toEqual([
			{ json: { sent: true, platform: 'wecom', attempts: 1, orders: 2 }, pairedItem: [{ item: 0 }, { item: 1 }] },
		]);
		expect(fake.seen).toHaveLength(1);
		expect(fake.seen[0].url).toMatch(/^http:\/\/robot\.test\/cgi-bin\/webhook\/send\?key=node-test-\d+$/);
		expect(fake.seen[0].body).toEqual({
			msgtype: 'markdown',
			markdown: { content: '**今日订单 2**\n共 2 单\n- A1 → 杭州市\n- B2 → 杭州市' },
		});
	});

	it('sends a Feishu card for markdown and reports the message id', async () => {
		const { fake, result } = run({
			parameters: { platform: 'feishu', messageType: 'markdown', title: '新订单', message: '**{{order.channelOrderId}}**' },
			answers: [{ code: 0, msg: 'success', data: { message_id: 'om_9' } }],
		});
		const [output] = await result;
		expect(output[0].json).toEqual({ sent: true, platform: 'feishu', messageId: 'om_9', attempts: 1 });
		expect(fake.seen[0].url).toMatch(/\/open-apis\/bot\/v2\/hook\/node-test-\d+$/);
		expect(fake.seen[0].body.msg_type).toBe('interactive');
	});

	it('throws NodeApiError naming the platform, the code and what to fix', async () => {
		const { result } = run({
			parameters: { message: 'hi' },
			answers: [{ errcode: 310000, errmsg: 'keywords not in content' }],
		});
		const error = await result.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('DingTalk robot: robot/send failed with code 310000 (keywords not in content)');
		expect(error.description).toContain("one of the robot's keywords");
		expect(error.context.itemIndex).toBe(0);
	});

	it('turns failures into error items when continuing on fail, and goes on with the next item', async () => {
		const { result } = run({
			items: [sampleOrder(), sampleOrder()] as unknown as IDataObject[],
			parameters: { message: 'hi' },
			answers: [{ errcode: 300001, errmsg: 'token is not exist' }, { errcode: 0, errmsg: 'ok' }],
			continueOnFail: true,
		});
		const [output] = await result;
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toMatchObject({ sent: false, platform: 'dingtalk', code: 300001, attempts: 1 });
		expect(output[0].json.error).toContain('code 300001');
		expect(output[0].json.hint).toContain('access_token');
		expect(output[1]).toEqual({ json: { sent: true, platform: 'dingtalk', attempts: 1 }, pairedItem: { item: 1 } });
	});

	it('reports template and mention mistakes as NodeOperationError for the item', async () => {
		const template = run({ parameters: { message: '{{order.id|shout}}' } });
		const templateError = await template.result.catch((e) => e);
		expect(templateError).toBeInstanceOf(NodeOperationError);
		expect(templateError.message).toContain('unknown filter "shout"');

		const mention = run({ parameters: { platform: 'feishu', message: 'x', mention: { mobiles: '13900001111' } } });
		await expect(mention.result).rejects.toThrow(/not by mobile number/);
	});

	it('accepts a pasted webhook URL as the token', async () => {
		const { fake, result } = run({
			parameters: { message: 'x' },
			credentials: { token: 'https://oapi.dingtalk.com/robot/send?access_token=pasted0001' },
		});
		await result;
		expect(new URL(fake.seen[0].url).searchParams.get('access_token')).toBe('pasted0001');
	});

	it('says what to paste when the token is unusable', async () => {
		const { result } = run({ parameters: { message: 'x' }, credentials: { token: 'not a token' } });
		await expect(result).rejects.toThrow(/paste the access_token value/);
	});
});
