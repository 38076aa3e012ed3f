// Template rendering with order fields and filters, and contact masking by default.
import { composeDigest, DEFAULT_MESSAGE_TEMPLATE, renderDigestHeader, renderOrderMessage, renderTemplate, TemplateError } from '../../../lib/notify';
import { sampleOrder } from '../../fixtures/orders';

const order = sampleOrder();

describe('renderTemplate', () => {
	it('fills dot paths, array indexes and filters', () => {
		const data = { order };
		expect(renderTemplate('订单 {{order.channelOrderId}} 发往 {{ order.receiver.city }}', data)).toBe('订单 3947581234567890123 发往 杭州市');
		expect(renderTemplate('{{order.lines[0].title}} x{{order.lines.0.quantity}}', data)).toBe('纯棉T恤 x2');
		expect(renderTemplate('实付 {{order.totals.paid|money}} 元', data)).toBe('实付 248.00 元');
		expect(renderTemplate('{{order.totals.paid | money:JPY}}', data)).toBe('24800');
		expect(renderTemplate('{{order.paidAt|date}} / {{order.paidAt|date:day}}', data)).toBe('2024-05-01 12:31 / 2024-05-01');
		expect(renderTemplate('{{order.receiver.phone|mask}} {{order.receiver.name|mask:name}}', data)).toBe('138****1234 张*');
		expect(renderTemplate('{{order.sellerMemo|default:"无备注"}}', data)).toBe('无备注');
	});

	it('uses the currency it is given for money', () => {
		expect(renderTemplate('{{v|money}}', { v: 1234 }, { currency: 'KWD' })).toBe('1.234');
		expect(renderTemplate('{{v|money}}', { v: '1230' })).toBe('12.30');
	});

	it('renders missing fields empty and leaves values a filter cannot read as they are', () => {
		expect(renderTemplate('[{{order.nope.deeper}}]', { order })).toBe('[]');
		expect(renderTemplate('{{v|money}} {{w|date}}', { v: 'abc', w: 'yesterday' })).toBe('abc yesterday');
		expect(renderTemplate('{{tags}}', { tags: ['a', 'b'] })).toBe('["a","b"]');
	});

	it('never reads inherited or prototype properties', () => {
		expect(renderTemplate('{{order.toString}}|{{order.hasOwnProperty}}', { order: {} })).toBe('|');
		expect(() => renderTemplate('{{order.__proto__}}', { order })).toThrow(TemplateError);
		expect(() => renderTemplate('{{order.constructor.name}}', { order })).toThrow(TemplateError);
	});

	it('explains template mistakes', () => {
		expect(() => renderTemplate('{{order.id|shout}}', { order })).toThrow('unknown filter "shout"; use money, date, mask, default');
		expect(() => renderTemplate('hello {{order.id', { order })).toThrow('has no closing }}');
		expect(() => renderTemplate('{{ order.id + 1 }}', { order })).toThrow('is not a field path');
		expect(() => renderTemplate('{{x|mask:card}}', { x: '1' })).toThrow('mask takes phone, name or address');
	});
});

describe('order messages', () => {
	const template = '{{order.receiver.name}} {{order.receiver.phone}} {{order.receiver.address}} {{order.receiver.city}}';

	it('masks receiver name, phone and address by default', () => {
		expect(renderOrderMessage(template, order, false)).toBe('张* 138****1234 文三路 90**** 杭州市');
	});

	it('shows them in full when asked', () => {
		expect(renderOrderMessage(template, order, true)).toBe('张三 13812341234 文三路 90 号 东部软件园 1 号楼 杭州市');
	});

	it('renders the default template', () => {
		expect(renderOrderMessage(DEFAULT_MESSAGE_TEMPLATE, order, false)).toBe(
			'New order 3947581234567890123 (taobao): paid 248.00 CNY, ship to 杭州市',
		);
	});

	it('leaves items that are not orders alone', () => {
		expect(renderOrderMessage('{{order.name}}', { name: 'x' }, false)).toBe('x');
	});

	it('composes a digest as a list, keeping multi-line entries in one item', () => {
		expect(composeDigest(renderDigestHeader('{{count}} orders', 2), ['a', 'b\nc'], 'text')).toBe('2 orders\n1. a\n2. b\n   c');
		expect(composeDigest('', ['a', 'b'], 'markdown')).toBe('- a\n- b');
	});
});
