// Body shapes per platform, mentions, keywords and size limits.
import { buildDingTalkBody, DINGTALK_MAX_CONTENT_BYTES } from '../../../lib/notify/dingtalk';
import { buildFeishuBody, FEISHU_MAX_BODY_BYTES } from '../../../lib/notify/feishu';
import { RobotConfigError } from '../../../lib/notify/robot-url';
import { truncateToBytes, truncationMarker, utf8Length } from '../../../lib/notify/truncate';
import { buildWeComBody, WECOM_MAX_MARKDOWN_BYTES, WECOM_MAX_TEXT_BYTES } from '../../../lib/notify/wecom';

const mention = { mobiles: ['13812341234'], userIds: ['manager01'], all: false };

describe('DingTalk bodies', () => {
	it('builds a text message with the at block and @mentions in the text', () => {
		const { body, truncated } = buildDingTalkBody({ format: 'text', text: '新订单 123', mention });
		expect(truncated).toBe(false);
		expect(body).toEqual({
			msgtype: 'text',
			text: { content: '新订单 123\n@13812341234 @manager01' },
			at: { atMobiles: ['13812341234'], atUserIds: ['manager01'], isAtAll: false },
		});
	});

	it('builds markdown with the given title, or one taken from the first line', () => {
		const titled = buildDingTalkBody({ format: 'markdown', title: '订单提醒', text: '## 新订单\n- 123', mention: { all: true } });
		expect(titled.body).toEqual({
			msgtype: 'markdown',
			markdown: { title: '订单提醒', text: '## 新订单\n- 123' },
			at: { atMobiles: [], atUserIds: [], isAtAll: true },
		});
		const untitled = buildDingTalkBody({ format: 'markdown', text: '## 新订单 **123**\nmore' });
		expect((untitled.body.markdown as { title: string }).title).toBe('新订单 123');
	});

	it('does not repeat a mention the text already has', () => {
		const { body } = buildDingTalkBody({ format: 'text', text: '请 @13812341234 处理', mention: { mobiles: ['13812341234'] } });
		expect((body.text as { content: string }).content).toBe('请 @13812341234 处理');
	});

	it('adds the first keyword when the message has none of them, and nothing when it has one', () => {
		const missing = buildDingTalkBody({ format: 'text', text: '新订单 123' }, { keyword: '订单通知, 告警' });
		expect((missing.body.text as { content: string }).content).toBe('订单通知 新订单 123');
		const present = buildDingTalkBody({ format: 'text', text: '告警：新订单' }, { keyword: '订单通知，告警' });
		expect((present.body.text as { content: string }).content).toBe('告警：新订单');
		const markdown = buildDingTalkBody({ format: 'markdown', title: 'T', text: '# x' }, { keyword: '订单' });
		expect((markdown.body.markdown as { text: string }).text).toBe('订单\n\n# x');
	});

	it('cuts long content to the limit with a marker, keeping keyword and mentions', () => {
		const text = '订'.repeat(10_000);
		const { body, truncated } = buildDingTalkBody({ format: 'text', text, mention: { mobiles: ['13812341234'] } }, { keyword: 'KW' });
		const content = (body.text as { content: string }).content;
		expect(truncated).toBe(true);
		expect(utf8Length(content)).toBeLessThanOrEqual(DINGTALK_MAX_CONTENT_BYTES);
		expect(utf8Length(content)).toBeGreaterThan(DINGTALK_MAX_CONTENT_BYTES - 10);
		expect(content.startsWith('KW 订订')).toBe(true);
		expect(content.endsWith('\n@13812341234')).toBe(true);
		expect(content).toMatch(/…\(truncated: \d+ more characters did not fit the platform's size limit\)/);
	});
});

describe('WeCom bodies', () => {
	it('builds text with mentioned_list (with @all) and mentioned_mobile_list', () => {
		const { body } = buildWeComBody({ format: 'text', text: 'hello', mention: { ...mention, all: true } });
		expect(body).toEqual({
			msgtype: 'text',
			text: { content: 'hello', mentioned_list: ['manager01', '@all'], mentioned_mobile_list: ['13812341234'] },
		});
		expect(buildWeComBody({ format: 'text', text: 'x' }).body).toEqual({ msgtype: 'text', text: { content: 'x' } });
	});

	it('builds markdown with the title in bold and <@userid> mentions', () => {
		const { body } = buildWeComBody({ format: 'markdown', title: '新订单', text: '> 123', mention: { userIds: ['u1', 'u2'] } });
		expect(body).toEqual({ msgtype: 'markdown', markdown: { content: '**新订单**\n> 123\n<@u1> <@u2>' } });
	});

	it('refuses mobile or everyone mentions in markdown instead of dropping them', () => {
		expect(() => buildWeComBody({ format: 'markdown', text: 'x', mention: { mobiles: ['13812341234'] } })).toThrow(RobotConfigError);
		expect(() => buildWeComBody({ format: 'markdown', text: 'x', mention: { all: true } })).toThrow(/Message Type "Text"/);
	});

	it('keeps text within 2048 bytes and markdown within 4096 bytes', () => {
		const long = '发货'.repeat(3000);
		const text = buildWeComBody({ format: 'text', text: long });
		const markdown = buildWeComBody({ format: 'markdown', text: long });
		expect(text.truncated && markdown.truncated).toBe(true);
		expect(utf8Length((text.body.text as { content: string }).content)).toBeLessThanOrEqual(WECOM_MAX_TEXT_BYTES);
		expect(utf8Length((markdown.body.markdown as { content: string }).content)).toBeLessThanOrEqual(WECOM_MAX_MARKDOWN_BYTES);
		const exact = 'a'.repeat(WECOM_MAX_TEXT_BYTES);
		expect(buildWeComBody({ format: 'text', text: exact }).truncated).toBe(false);
		expect(buildWeComBody({ format: 'text', text: `${exact}a` }).truncated).toBe(true);
	});
});

describe('Feishu bodies', () => {
	it('builds text with <at> tags for user ids and everyone', () => {
		const { body } = buildFeishuBody({ format: 'text', text: 'hi', mention: { userIds: ['ou_1'], all: true } });
		expect(body).toEqual({
			msg_type: 'text',
			content: { text: 'hi\n<at user_id="ou_1"></at> <at user_id="all">所有人</at>' },
		});
	});

	it('renders markdown as an interactive card with a header and a lark_md block', () => {
		const { body } = buildFeishuBody({ format: 'markdown', title: '新订单', text: '**123**', mention: { all: true } }, { keyword: '订单' });
		expect(body).toEqual({
			msg_type: 'interactive',
			card: {
				config: { wide_screen_mode: true },
				header: { title: { tag: 'plain_text', content: '新订单' } },
				elements: [{ tag: 'div', text: { tag: 'lark_md', content: '**123**\n<at id=all></at>' } }],
			},
		});
	});

	it('refuses mobile mentions', () => {
		expect(() => buildFeishuBody({ format: 'text', text: 'x', mention: { mobiles: ['13812341234'] } })).toThrow(/open_id/);
	});

	it('keeps the whole JSON body within the limit even when escapes inflate it', () => {
		const text = '"引号"\n'.repeat(3000);
		const { body, truncated } = buildFeishuBody({ format: 'text', text, mention: { userIds: ['ou_1'] } });
		expect(truncated).toBe(true);
		const size = utf8Length(JSON.stringify(body));
		expect(size).toBeLessThanOrEqual(FEISHU_MAX_BODY_BYTES);
		expect(size).toBeGreaterThan(FEISHU_MAX_BODY_BYTES - 200);
		expect((body.content as { text: string }).text.endsWith('<at user_id="ou_1"></at>')).toBe(true);
	});
});

describe('truncateToBytes', () => {
	it('never splits a character, including 4-byte emoji', () => {
		const text = '😀'.repeat(100);
		for (let max = 80; max < 120; max++) {
			const { text: cut } = truncateToBytes(text, max);
			expect(utf8Length(cut)).toBeLessThanOrEqual(max);
			expect(cut).not.toContain('\uFFFD');
			expect(Buffer.from(cut, 'utf8').toString('utf8')).toBe(cut);
		}
	});

	it('says how many characters it left out', () => {
		const { text } = truncateToBytes('x'.repeat(200), 100);
		const kept = text.indexOf('\n');
		expect(text.slice(kept)).toBe(truncationMarker(200 - kept));
	});
});
