// Deterministic unified orders for store benchmarks and tests: cheap to generate by the million.
import { CHANNELS, ORDER_STATUSES, orderId, type OrderStatus, type UnifiedOrder } from '../../lib/model';

export interface OrderFixtureOptions {
	/** Lines per order (default 3). */
	lines?: number;
	/** Shops per channel (default 4). */
	shops?: number;
	/** Epoch millis of order 0's creation (default 2024-05-01T00:00:00+08:00). */
	start?: number;
	/** Milliseconds between consecutive orders (default 1 minute). */
	spacingMs?: number;
	/** Distinct master SKUs the lines cycle through (default 500). */
	skus?: number;
	status?: OrderStatus;
}

const PROVINCES = ['浙江省', '广东省', '江苏省', '上海市', '北京市', '四川省', '湖北省', '山东省'];
const SURNAMES = ['张', '王', '李', '赵', '陈', '刘', '杨', '黄'];
const DEFAULT_START = Date.parse('2024-05-01T00:00:00+08:00');

/** Shanghai-local ISO with offset, without a time library (fast enough for a million rows). */
export function shanghaiIso(millis: number): string {
	return `${new Date(millis + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** Order number i of a deterministic stream: channels, shops, statuses and SKUs cycle with i. */
export function fixtureOrder(i: number, options: OrderFixtureOptions = {}): UnifiedOrder {
	const lineCount = options.lines ?? 3;
	const channel = CHANNELS[i % CHANNELS.length];
	const shopId = `shop-${Math.floor(i / CHANNELS.length) % (options.shops ?? 4)}`;
	const channelOrderId = String(3_900_000_000_000_000_000n + BigInt(i));
	const created = (options.start ?? DEFAULT_START) + i * (options.spacingMs ?? 60_000);
	const status = options.status ?? ORDER_STATUSES[(i * 7) % 8];
	const skus = options.skus ?? 500;
	const lines = Array.from({ length: lineCount }, (_, n) => {
		const sku = (i * 3 + n * 17) % skus;
		const unitPrice = 1000 + (sku % 50) * 100;
		const quantity = 1 + ((i + n) % 3);
		return {
			lineId: `${channelOrderId}-${n + 1}`,
			channelSkuId: `cs-${sku}`,
			merchantCode: `SKU-${String(sku).padStart(5, '0')}`,
			title: `商品 ${sku} 纯棉T恤`,
			skuName: `颜色:红;尺码:${['S', 'M', 'L'][n % 3]}`,
			quantity,
			unitPrice,
			discount: 0,
			paidAmount: unitPrice * quantity,
			refundState: 'none' as const,
		};
	});
	const goods = lines.reduce((sum, line) => sum + line.paidAmount, 0);
	const paid = status === 'pending_payment' ? undefined : shanghaiIso(created + 30_000);
	return {
		id: orderId(channel, shopId, channelOrderId),
		channel,
		shopId,
		channelOrderId,
		status,
		rawStatus: status.toUpperCase(),
		refundState: 'none',
		currency: 'CNY',
		totals: { goods, discount: 0, shippingFee: 0, paid: goods },
		createdAt: shanghaiIso(created),
		...(paid ? { paidAt: paid } : {}),
		updatedAt: shanghaiIso(created + 60_000),
		lines,
		buyer: { id: `buyer-${i % 5000}`, nick: `买家${i % 5000}` },
		receiver: {
			name: `${SURNAMES[i % SURNAMES.length]}三`,
			phone: `138${String(10_000_000 + (i % 90_000_000)).slice(-8)}`,
			province: PROVINCES[i % PROVINCES.length],
			city: '杭州市',
			district: '西湖区',
			address: `文三路 ${i % 500} 号`,
			masked: false,
		},
		tags: [],
		flags: [],
	};
}

export function fixtureOrders(count: number, options: OrderFixtureOptions = {}, first = 0): UnifiedOrder[] {
	return Array.from({ length: count }, (_, n) => fixtureOrder(first + n, options));
}

/** A later snapshot of the same order: newer updatedAt, the given status. */
export function laterSnapshot(order: UnifiedOrder, status: OrderStatus, minutesLater: number): UnifiedOrder {
	return { ...order, status, rawStatus: status.toUpperCase(), updatedAt: shanghaiIso(Date.parse(order.updatedAt) + minutesLater * 60_000) };
}

/** Deterministic shuffle (mulberry32), so a failing run can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
	const out = [...items];
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j], out[i]];
	}
	return out;
}
