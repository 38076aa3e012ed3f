import { ACCESS_PROFILES, project, type StoredOrder } from '../../../lib/store';
import { sampleOrder } from '../../fixtures/orders';

describe('access profiles', () => {
	const order: StoredOrder = {
		...sampleOrder({ raw: { receiver_mobile: '13812341234' }, receiver: { ...sampleOrder().receiver, token: 'oaid-1' } }),
		changedAt: '2024-06-01T10:00:00.000+08:00',
		cost: { lines: [], total: 100, margin: 24700 },
	};

	it('masks contact data and drops raw by default, for every profile', () => {
		for (const profile of ACCESS_PROFILES) {
			const out = project(order, profile);
			expect(out.receiver).toMatchObject({ name: '张*', phone: '138****1234', province: '浙江省', city: '杭州市', district: '西湖区', postcode: '310012' });
			expect(out.receiver.address).toMatch(/\*\*\*\*$/);
			expect(out.raw).toBeUndefined();
		}
		expect(order.receiver.phone).toBe('13812341234');
	});

	it('gives raw contact only to profiles that allow it, and only on request', () => {
		expect(project(order, 'full', { rawContact: true }).receiver.phone).toBe('13812341234');
		expect(project(order, 'full', { rawContact: true }).raw).toEqual({ receiver_mobile: '13812341234' });
		expect(project(order, 'customer_service', { rawContact: true }).receiver.name).toBe('张三');
		expect(project(order, 'warehouse', { rawContact: true }).receiver.phone).toBe('138****1234');
		expect(project(order, 'finance', { rawContact: true }).receiver.phone).toBe('138****1234');
	});

	it('removes cost for customer service and warehouse, the buyer for warehouse, the receiver token for finance', () => {
		expect(project(order, 'full').cost).toEqual(order.cost);
		expect(project(order, 'finance').cost).toEqual(order.cost);
		expect(project(order, 'customer_service').cost).toBeUndefined();
		expect(project(order, 'warehouse').cost).toBeUndefined();
		expect(project(order, 'warehouse').buyer).toEqual({});
		expect(project(order, 'customer_service').buyer).toEqual(order.buyer);
		expect(project(order, 'warehouse').receiver.token).toBe('oaid-1');
		expect(project(order, 'finance').receiver.token).toBeUndefined();
	});

	it('projects partial orders such as event before/after, and rejects an unknown profile', () => {
		expect(project({ status: 'paid' }, 'warehouse')).toEqual({ status: 'paid' });
		expect(project({ receiver: order.receiver }, 'finance').receiver?.phone).toBe('138****1234');
		expect(() => project(order, 'admin' as 'full')).toThrow(/unknown access profile "admin"/);
	});
});
