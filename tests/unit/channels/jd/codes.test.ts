import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AuthExpiredError, InvalidRequestError, PermanentError, ThrottledError } from '../../../../lib/http';
import { classifyByCode } from '../../../../lib/channels/core';
import {
	JD_ERROR_TABLE,
	LIST_ORDER_STATES,
	ORDER_STATE_MAP,
	REFUND_APPLY_STATUS_LABELS,
	REFUND_APPLY_STATUS_MAP,
} from '../../../../lib/channels/jd/codes';
import { normalizeJdRefund } from '../../../../lib/channels/jd/refunds';
import { parseJsonLossless } from '../../../../lib/json';

const fixtureDir = path.resolve(__dirname, '../../../fixtures/channels/jd');
const fixture = <T>(name: string): T => parseJsonLossless<T>(readFileSync(path.join(fixtureDir, name), 'utf8'));
type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('JD error codes', () => {
	const context = { provider: 'jd', shopId: '10139288', method: 'jingdong.pop.order.search' };

	it.each([
		['2', ThrottledError],
		['19', AuthExpiredError],
		['12', InvalidRequestError],
		['8', InvalidRequestError],
		['15', InvalidRequestError],
		['999', PermanentError],
	] as const)('code %s -> %p', (code, kind) => {
		expect(classifyByCode(JD_ERROR_TABLE, code, undefined, context)).toBeInstanceOf(kind);
	});

	it('names channel, shop, method and code, and says what to do about an expired token', () => {
		const body = fixture<Raw>('error-invalid-token.json').error_response;
		const error = classifyByCode(JD_ERROR_TABLE, body.code, undefined, { ...context, platformMessage: body.zh_desc });
		expect(error.message).toContain('jd shop 10139288: jingdong.pop.order.search failed with code 19 (无效access_token)');
		expect(error.message).toMatch(/re-authorize the shop.*Access Token/);
	});
});

describe('JD state tables', () => {
	it('maps every state a pull asks for', () => {
		for (const state of LIST_ORDER_STATES) expect(ORDER_STATE_MAP[state]).toBeDefined();
	});

	it('labels every refund application status it maps', () => {
		expect(Object.keys(REFUND_APPLY_STATUS_LABELS).sort()).toEqual(Object.keys(REFUND_APPLY_STATUS_MAP).sort());
	});
});

describe('normalizeJdRefund', () => {
	const [approved, open] = fixture<Raw>('refundapply-querypagelist.json').jingdong_pop_afs_soa_refundapply_queryPageList_responce.queryResult
		.result as Raw[];

	it('reads a finance-approved application: fen amounts, numeric status, Beijing times', () => {
		expect(normalizeJdRefund(approved, { shopId: '10139288' })).toEqual({
			ok: true,
			refund: {
				channel: 'jd',
				shopId: '10139288',
				refundId: '21004455667',
				channelOrderId: '301456789012345679',
				rawStatus: '3',
				rawStatusLabel: '京东财务审核通过',
				state: 'refunded',
				amount: 5900,
				currency: 'CNY',
				appliedAt: '2024-02-21T23:05:10.000+08:00',
				checkedAt: '2024-02-22T08:29:58.000+08:00',
				buyerId: 'jd_91b****e77',
				buyerNick: '赵**',
				reason: '拍错/多拍/不想要',
			},
		});
	});

	it('keeps a big order id exactly and the SKU an application covers', () => {
		const result = normalizeJdRefund(open);
		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.refund).toMatchObject({ channelOrderId: '3014567890123456789', state: 'requested', amount: 5400, skuIds: ['10022039398512'] });
		expect(result.refund.checkedAt).toBeUndefined();
	});

	it('reports an unknown status and a yuan amount with their paths', () => {
		const result = normalizeJdRefund({ ...approved, status: 42, applyRefundSum: '59.00' }, { basePath: '$.result[0]' });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems.map((p) => p.path).sort()).toEqual(['$.result[0].applyRefundSum', '$.result[0].status']);
	});
});
