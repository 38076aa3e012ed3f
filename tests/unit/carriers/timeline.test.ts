import { buildTimeline, type TimelineInput } from '../../../lib/carriers/timeline';
import { PermanentError } from '../../../lib/http';

const base: TimelineInput = { provider: 'kdniao', carrier: 'zto', trackingNo: '7', events: [], context: { provider: 'kdniao', method: 'test' } };
const at = (hour: number) => `2024-05-01 ${String(hour).padStart(2, '0')}:00:00`;

describe('buildTimeline', () => {
	it('orders events oldest first, keeping the order of equal times', () => {
		const timeline = buildTimeline({
			...base,
			events: [
				{ time: at(12), code: '3', description: 'c' },
				{ time: at(9), code: '1', description: 'a' },
				{ time: at(12), code: '202', description: 'b' },
			],
		});
		expect(timeline.events.map((e) => e.description)).toEqual(['a', 'c', 'b']);
	});

	it('prefers the provider parcel status when its code is known', () => {
		const timeline = buildTimeline({ ...base, code: '2', subCode: '201', events: [{ time: at(9), code: '1' }] });
		expect(timeline).toMatchObject({ status: 'in_transit', subStatus: 'arrived_dest_city', providerCode: '201', known: true });
	});

	it('falls back to the events when the parcel code is unknown, and reports it', () => {
		const timeline = buildTimeline({ ...base, code: '77', events: [{ time: at(9), code: '1' }] });
		expect(timeline).toMatchObject({ status: 'picked_up', providerCode: '1', known: false, unknownCodes: ['77'] });
	});

	it('never leaves a terminal event status for a later non-terminal one', () => {
		const timeline = buildTimeline({
			...base,
			events: [
				{ time: at(9), code: '2' },
				{ time: at(10), code: '3' },
				{ time: at(11), code: '2' },
			],
		});
		expect(timeline.status).toBe('delivered');
	});

	it('moves from one terminal status to a later one', () => {
		const timeline = buildTimeline({ ...base, events: [{ time: at(9), code: '3' }, { time: at(10), code: '406' }] });
		expect(timeline.status).toBe('returned');
	});

	it('ignores events without a usable status', () => {
		const timeline = buildTimeline({ ...base, events: [{ time: at(9), code: '1' }, { time: at(10), description: 'no code' }] });
		expect(timeline.status).toBe('picked_up');
		expect(timeline.events[1]).toEqual({ time: '2024-05-01T10:00:00.000+08:00', status: 'unknown', description: 'no code' });
	});

	it('is pending without events or code, unknown with only uncoded events', () => {
		expect(buildTimeline(base).status).toBe('pending');
		expect(buildTimeline({ ...base, events: [{ time: at(9) }] }).status).toBe('unknown');
	});

	it('applies an override', () => {
		const timeline = buildTimeline({ ...base, code: '2', override: { status: 'expired' } });
		expect(timeline.status).toBe('expired');
	});

	it('refuses an unreadable event time, naming the value', () => {
		const build = () => buildTimeline({ ...base, events: [{ time: '05/01/2024', code: '1' }] });
		expect(build).toThrow(PermanentError);
		expect(build).toThrow(/kdniao: test failed \(unreadable event time "05\/01\/2024"\)/);
	});
});
