// Carriers the sandbox knows, with each platform's own code for them and their waybill shapes.
import type { Rng } from '../core/rng';

export interface CarrierEntry {
	/** The sandbox's neutral id. */
	id: string;
	name: string;
	/** taobao.logistics.offline.send company_code. */
	taobaoCode: string;
	/** Kuaidi100 `com`. */
	kuaidi100Code: string;
	waybill: (rng: Rng) => string;
	/** Share of shipments. */
	weight: number;
}

export const CARRIERS: readonly CarrierEntry[] = [
	{ id: 'zto', name: '中通快递', taobaoCode: 'ZTO', kuaidi100Code: 'zhongtong', weight: 24, waybill: (r) => r.digits(14, '7') },
	{ id: 'yto', name: '圆通速递', taobaoCode: 'YTO', kuaidi100Code: 'yuantong', weight: 20, waybill: (r) => 'YT' + r.digits(13, '0123456789') },
	{ id: 'yunda', name: '韵达快递', taobaoCode: 'YUNDA', kuaidi100Code: 'yunda', weight: 16, waybill: (r) => '43' + r.digits(13, '0123456789') },
	{ id: 'sto', name: '申通快递', taobaoCode: 'STO', kuaidi100Code: 'shentong', weight: 12, waybill: (r) => '77' + r.digits(13, '0123456789') },
	{ id: 'jtexpress', name: '极兔速递', taobaoCode: 'JTSD', kuaidi100Code: 'jtexpress', weight: 10, waybill: (r) => 'JT' + r.digits(13, '0123456789') },
	{ id: 'sf', name: '顺丰速运', taobaoCode: 'SF', kuaidi100Code: 'shunfeng', weight: 10, waybill: (r) => 'SF' + r.digits(13, '1') },
	{ id: 'ems', name: 'EMS', taobaoCode: 'EMS', kuaidi100Code: 'ems', weight: 4, waybill: (r) => 'E' + r.digits(11, '0123456789') + 'CN' },
	{ id: 'jd', name: '京东快递', taobaoCode: 'JD', kuaidi100Code: 'jd', weight: 4, waybill: (r) => 'JDVA' + r.digits(11, '0123456789') },
];

export const CARRIER_WEIGHTS: ReadonlyArray<readonly [CarrierEntry, number]> = CARRIERS.map((c) => [c, c.weight]);

export function carrierById(id: string): CarrierEntry | undefined {
	return CARRIERS.find((carrier) => carrier.id === id);
}

export function carrierByTaobaoCode(code: string): CarrierEntry | undefined {
	return CARRIERS.find((carrier) => carrier.taobaoCode === code);
}

export function carrierByKuaidi100Code(code: string): CarrierEntry | undefined {
	return CARRIERS.find((carrier) => carrier.kuaidi100Code === code);
}
