import { ownSiteSignature, signedMessage, verifyOwnSiteSignature, type VerifyOptions } from '../../../../lib/channels/ownSite/sign';

// Expected digests printed by `openssl dgst -<alg> -hmac <secret>` over the same bytes (see the docs page recipe).
const SECRET = 'whsec_test_0123456789abcdef';
const BODY = '{"id":"1001","paid_amount":"12.30"}';
const NOW = 1714537800_000;
const VECTORS = {
	sha256Hex: 'ca332e89cdd01b46e402109de3f7aac0265c32263335f65e60c526d38343b5a3',
	sha256Base64: 'yjMuic3QG0bkAhCd4/eqwCZcMiYzNfZeYMUm04NDtaM=',
	sha256HexWithTimestamp1714537800: '82441cac09a165dd1278621175696f96d4d66961c7749caebae8c665633cba3b',
	sha1Hex: '5b72efcd2aab2567b71c20bc4b758dfc8994d133',
	sha512Base64: 'Ex1L+596Bm1NJGXd4VLDYw05hlpK2sN/eGrlmJaFIfxvBUPHI8t19ATwdsQyyyQT8MQ2jET5xioK4waWqX8Ymw==',
};

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ secret: SECRET, algorithm: 'sha256', encoding: 'hex', nowMs: NOW, ...extra });

describe('own site signatures', () => {
	it('computes the openssl digests for every algorithm and encoding', () => {
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha256', encoding: 'hex' })).toBe(VECTORS.sha256Hex);
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha256', encoding: 'base64' })).toBe(VECTORS.sha256Base64);
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha1', encoding: 'hex' })).toBe(VECTORS.sha1Hex);
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha512', encoding: 'base64' })).toBe(VECTORS.sha512Base64);
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' })).toBe(`sha256=${VECTORS.sha256Hex}`);
	});

	it('signs "<timestamp>.<body>" when a timestamp is used', () => {
		expect(signedMessage(BODY, '1714537800').toString('utf8')).toBe(`1714537800.${BODY}`);
		expect(ownSiteSignature(BODY, SECRET, { algorithm: 'sha256', encoding: 'hex' }, '1714537800')).toBe(VECTORS.sha256HexWithTimestamp1714537800);
	});

	it('accepts the right signature, hex in either case, base64 with or without padding', () => {
		expect(verifyOwnSiteSignature({ rawBody: Buffer.from(BODY), signature: VECTORS.sha256Hex }, options())).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha256Hex.toUpperCase() }, options())).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha256Base64 }, options({ encoding: 'base64' }))).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha256Base64.replace(/=+$/, '') }, options({ encoding: 'base64' }))).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha1Hex }, options({ algorithm: 'sha1' }))).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha512Base64 }, options({ algorithm: 'sha512', encoding: 'base64' }))).toEqual({ ok: true });
		expect(verifyOwnSiteSignature({ rawBody: BODY, signature: `sha256=${VECTORS.sha256Hex}` }, options({ prefix: 'sha256=' }))).toEqual({ ok: true });
	});

	it.each([
		['a forged signature', { signature: ownSiteSignature(BODY, 'another-secret-0123456', { algorithm: 'sha256', encoding: 'hex' }) }, {}, 'does not match'],
		['a tampered body', { rawBody: BODY.replace('12.30', '1.00') }, {}, 'does not match'],
		['a body with one more space', { rawBody: `${BODY} ` }, {}, 'does not match'],
		['a missing header', { signature: undefined }, {}, 'missing'],
		['an empty header', { signature: '  ' }, {}, 'missing'],
		['a header that is not hex', { signature: 'zz' + VECTORS.sha256Hex.slice(2) }, {}, 'not hex'],
		['a truncated digest', { signature: VECTORS.sha256Hex.slice(0, 40) }, {}, 'does not match'],
		['the digest of another algorithm', { signature: VECTORS.sha1Hex }, {}, 'does not match'],
		['the right digest without the required prefix', {}, { prefix: 'sha256=' }, 'does not start with'],
		['no secret on the credential', {}, { secret: '' }, 'no signing secret'],
	])('refuses %s', (_name, input, extra, reason) => {
		const verdict = verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha256Hex, ...input }, options(extra as Partial<VerifyOptions>));
		expect(verdict.ok).toBe(false);
		expect(verdict.ok === false && verdict.reason).toContain(reason);
	});

	describe('with a timestamp header', () => {
		const signature = VECTORS.sha256HexWithTimestamp1714537800;
		const withTimestamp = (extra: Partial<VerifyOptions> = {}) => options({ timestampHeader: true, toleranceSeconds: 300, ...extra });

		it('accepts a fresh push signed over timestamp.body, within the tolerance either way', () => {
			for (const nowMs of [NOW, NOW + 300_000, NOW - 300_000]) {
				expect(verifyOwnSiteSignature({ rawBody: BODY, signature, timestamp: '1714537800' }, withTimestamp({ nowMs }))).toEqual({ ok: true });
			}
		});

		it('refuses a stale or future timestamp, even correctly signed', () => {
			for (const nowMs of [NOW + 301_000, NOW - 301_000]) {
				const verdict = verifyOwnSiteSignature({ rawBody: BODY, signature, timestamp: '1714537800' }, withTimestamp({ nowMs }));
				expect(verdict).toEqual({ ok: false, reason: 'timestamp 1714537800 is more than 300 s from now' });
			}
		});

		it('refuses a moved timestamp (the signature binds it) and a body-only signature', () => {
			expect(verifyOwnSiteSignature({ rawBody: BODY, signature, timestamp: '1714537801' }, withTimestamp()).ok).toBe(false);
			expect(verifyOwnSiteSignature({ rawBody: BODY, signature: VECTORS.sha256Hex, timestamp: '1714537800' }, withTimestamp()).ok).toBe(false);
		});

		it('refuses a missing or non-numeric timestamp', () => {
			for (const timestamp of [undefined, '', '2024-05-01T12:30:00Z', '1714537800.5']) {
				const verdict = verifyOwnSiteSignature({ rawBody: BODY, signature, timestamp }, withTimestamp());
				expect(verdict).toEqual({ ok: false, reason: 'timestamp header missing or not Unix seconds' });
			}
		});
	});
});
