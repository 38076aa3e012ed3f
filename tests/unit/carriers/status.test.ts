import { KDNIAO_STATUS_CODES, kdniaoParcelStatus } from '../../../lib/carriers/kdniao/codes';
import { KUAIDI100_STATUS_CODES, kuaidi100PushAbortStatus } from '../../../lib/carriers/kuaidi100/codes';
import { SF_INFERRED_OP_CODES, SF_OP_CODES } from '../../../lib/carriers/sf/codes';
import {
	TRACKING_STATUSES,
	TRACKING_SUB_STATUSES,
	isTerminalTrackingStatus,
	mergeTrackingStatus,
	normalizeTracking,
	type TrackingCodeTable,
	type TrackingProvider,
} from '../../../lib/carriers/status';

// Every code the logistics spec documents, copied from its tables (Kuaidi100 §1.6, Kdniao §2.7, SF §3.8).
const DOCUMENTED: Record<TrackingProvider, string[]> = {
	kuaidi100: [
		...['0', '1', '2', '3', '4', '5', '6', '7', '8', '10', '11', '12', '13', '14'],
		...['101', '102', '103', '1001', '1002', '1003', '501', '301', '302', '303', '304', '401'],
		...['201', '202', '203', '204', '205', '206', '207', '208', '209', '210'],
	],
	kdniao: [
		...['0', '1', '2', '3', '4', '5', '6', '10'],
		...['201', '202', '204', '205', '206', '211', '301', '302', '304', '311'],
		...['401', '402', '403', '404', '405', '406', '407', '412', '413', '414', '415', '416', '417', '418'],
		...['419', '420', '421', '422', '423', '601', '602', '603', '604'],
	],
	sf: ['50', '54', '30', '36', '31', '407', '501', '130', '44', '204', '70', '607', '80', '8000', '99', '648', '631', '125'],
};

const TABLES: Record<TrackingProvider, TrackingCodeTable> = {
	kuaidi100: KUAIDI100_STATUS_CODES,
	kdniao: KDNIAO_STATUS_CODES,
	sf: SF_OP_CODES,
};

const PROVIDERS = Object.keys(DOCUMENTED) as TrackingProvider[];

describe('provider status tables', () => {
	it.each(PROVIDERS)('%s maps every documented code to a known normalized status', (provider) => {
		for (const code of DOCUMENTED[provider]) {
			const result = normalizeTracking(provider, code);
			expect({ code, known: result.known }).toEqual({ code, known: true });
			expect(TRACKING_STATUSES).toContain(result.status);
			expect(result.status).not.toBe('unknown');
			if (result.subStatus !== undefined) expect(TRACKING_SUB_STATUSES).toContain(result.subStatus);
		}
	});

	it.each(PROVIDERS)('%s table holds nothing beyond the documented codes', (provider) => {
		expect(Object.keys(TABLES[provider]).sort()).toEqual([...new Set(DOCUMENTED[provider])].sort());
	});

	it('keeps the inferred SF opCodes inside the full table', () => {
		for (const [code, mapping] of Object.entries(SF_INFERRED_OP_CODES)) expect(SF_OP_CODES[code]).toEqual(mapping);
	});
});

describe('normalizeTracking', () => {
	it.each([
		['kuaidi100', '301', undefined, 'delivered', 'signed_self'],
		['kuaidi100', '205', undefined, 'available_for_pickup', 'locker_overdue'],
		['kuaidi100', '401', undefined, 'cancelled', undefined],
		['kuaidi100', '14', undefined, 'rejected', undefined],
		['kuaidi100', 3, '304', 'delivered', 'signed_locker'],
		['kdniao', '2', '201', 'in_transit', 'arrived_dest_city'],
		['kdniao', '4', '420', 'failed_attempt', 'address_issue'],
		['kdniao', '4', '406', 'returned', undefined],
		['kdniao', 0, undefined, 'pending', undefined],
		['sf', '80', undefined, 'delivered', undefined],
		['sf', 50, undefined, 'picked_up', undefined],
	] as const)('%s %s/%s -> %s (%s)', (provider, code, subCode, status, subStatus) => {
		const result = normalizeTracking(provider, code, subCode);
		expect(result).toMatchObject({ status, known: true, provider, unknownCodes: [] });
		expect(result.subStatus).toBe(subStatus);
	});

	it('lets a known sub-code win over the main code', () => {
		expect(normalizeTracking('kdniao', '3', '311')).toMatchObject({ status: 'delivered', subStatus: 'signed_locker', providerCode: '311' });
	});

	it('falls back to the main code when the sub-code is unknown, and reports it', () => {
		expect(normalizeTracking('kdniao', '2', '299')).toMatchObject({
			status: 'in_transit',
			known: false,
			providerCode: '2',
			unknownCodes: ['299'],
		});
	});

	it.each(['kuaidi100', 'kdniao'] as const)('gives unknown, reported, for an unlisted %s code', (provider) => {
		expect(normalizeTracking(provider, '9999')).toEqual({
			status: 'unknown',
			known: false,
			provider,
			providerCode: '9999',
			unknownCodes: ['9999'],
		});
	});

	it('treats an unlisted SF opCode as in transit unless the remark says otherwise', () => {
		expect(normalizeTracking('sf', '612')).toMatchObject({ status: 'in_transit', known: false, unknownCodes: ['612'] });
		expect(normalizeTracking('sf', '612', undefined, { remark: '快件已签收, 感谢使用' })).toMatchObject({ status: 'delivered', known: false });
		expect(normalizeTracking('sf', '612', undefined, { remark: '收件人拒收' })).toMatchObject({ status: 'rejected' });
		expect(normalizeTracking('sf', '612', undefined, { remark: '快件已退回' })).toMatchObject({ status: 'returning' });
		// A known opCode is never second-guessed by its remark.
		expect(normalizeTracking('sf', '80', undefined, { remark: '拒收' })).toMatchObject({ status: 'delivered', known: true });
	});

	it('never throws on missing, empty or odd input', () => {
		expect(normalizeTracking('kuaidi100', undefined)).toMatchObject({ status: 'unknown', known: false, providerCode: '' });
		expect(normalizeTracking('kdniao', '  ', null)).toMatchObject({ status: 'unknown', known: false });
		expect(normalizeTracking('kuaidi100', 'toString')).toMatchObject({ status: 'unknown', known: false });
		expect(normalizeTracking('nope' as TrackingProvider, '1')).toMatchObject({ status: 'unknown', known: false, provider: 'nope' });
	});
});

describe('status helpers', () => {
	it('marks exactly delivered, returned, cancelled and expired terminal', () => {
		expect(TRACKING_STATUSES.filter(isTerminalTrackingStatus).sort()).toEqual(['cancelled', 'delivered', 'expired', 'returned']);
	});

	it('never leaves a terminal status for a non-terminal one, and ignores unknown', () => {
		expect(mergeTrackingStatus(undefined, 'in_transit')).toBe('in_transit');
		expect(mergeTrackingStatus('in_transit', 'delivered')).toBe('delivered');
		expect(mergeTrackingStatus('delivered', 'out_for_delivery')).toBe('delivered');
		expect(mergeTrackingStatus('delivered', 'returned')).toBe('returned');
		expect(mergeTrackingStatus('picked_up', 'unknown')).toBe('picked_up');
		expect(mergeTrackingStatus('exception', 'in_transit')).toBe('in_transit');
	});

	it('reads Kuaidi100 abort pushes as pending (never moved) or expired', () => {
		expect(kuaidi100PushAbortStatus('abort', '3天查询无记录', false)).toEqual({ status: 'pending' });
		expect(kuaidi100PushAbortStatus('abort', '3天查询无记录', true)).toEqual({ status: 'expired' });
		expect(kuaidi100PushAbortStatus('abort', '60天无变化', false)).toEqual({ status: 'expired' });
		expect(kuaidi100PushAbortStatus('polling', '', true)).toBeUndefined();
	});

	it('reads Kdniao 401 without traces as pending', () => {
		const mapping = KDNIAO_STATUS_CODES['401'];
		expect(kdniaoParcelStatus(mapping, '401', 0)).toEqual({ status: 'pending' });
		expect(kdniaoParcelStatus(mapping, '401', 2)).toEqual(mapping);
	});
});
