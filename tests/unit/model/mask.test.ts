import { maskAddress, maskName, maskOrder, maskPhone } from '../../../lib/model';
import { sampleOrder } from '../../fixtures/orders';

describe('maskPhone', () => {
	it.each([
		['13812341234', '138****1234'],
		['+8613812341234', '+86138****1234'],
		['+86 138 1234 1234', '+86138****1234'],
		['008613812341234', '0086138****1234'],
		['138-1234-1234', '138****1234'],
		[' 13812341234 ', '138****1234'],
		['021-62345678', '****5678'],
		['0571 8888 6666', '****6666'],
		['+1 415 555 0132', '****0132'],
		['13812341234-5678', '****5678'], // virtual number with an extension
		['1234', '****'],
		['138****1234', '138****1234'],
		['*******1234', '*******1234'],
		['', ''],
	])('%j -> %j', (phone, masked) => {
		expect(maskPhone(phone)).toBe(masked);
	});
});

describe('maskName', () => {
	it.each([
		['张三丰', '张**'],
		['张三', '张*'],
		['欧阳娜娜娜', '欧**'],
		['张', '*'],
		['John Smith', 'J**'],
		['𠮷野家', '𠮷**'], // a character outside the BMP stays whole
		['张*', '张*'],
		['', ''],
	])('%j -> %j', (name, masked) => {
		expect(maskName(name)).toBe(masked);
	});
});

describe('maskAddress', () => {
	it.each([
		['文三路 90 号 东部软件园 1 号楼', '文三路 90****'],
		['浙江省杭州市西湖区文三路90号', '浙江省杭州市****'],
		['人民路1号', '人民****'],
		['1号', '1****'],
		['浙江省杭州市****', '浙江省杭州市****'],
		['', ''],
	])('%j -> %j', (address, masked) => {
		expect(maskAddress(address)).toBe(masked);
	});
});

describe('maskOrder', () => {
	it('masks receiver contact data in a copy and keeps the region and buyer nick', () => {
		const order = { ...sampleOrder(), raw: { receiver_mobile: '13812341234' } };
		const masked = maskOrder(order);
		expect(masked.receiver).toEqual({
			...order.receiver,
			name: '张*',
			phone: '138****1234',
			address: '文三路 90****',
		});
		expect(masked.receiver.province).toBe('浙江省');
		expect(masked.receiver.city).toBe('杭州市');
		expect(masked.receiver.district).toBe('西湖区');
		expect(masked.buyer).toEqual(order.buyer);
		expect(masked).not.toHaveProperty('raw');
		// The input is not mutated.
		expect(order.receiver.phone).toBe('13812341234');
		expect(order.raw).toEqual({ receiver_mobile: '13812341234' });
	});

	it('leaves absent receiver fields absent', () => {
		const order = sampleOrder({ receiver: { masked: true, token: 'oaid-1', province: '浙江省' } });
		expect(maskOrder(order).receiver).toEqual({ masked: true, token: 'oaid-1', province: '浙江省' });
	});
});
