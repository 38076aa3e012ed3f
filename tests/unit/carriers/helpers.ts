// Shared set-up for the carrier client tests: a fixed clock, instant sleeps, and form-body capture.
import { fetchHttpClient } from '../../../lib/http';
import type { CarrierDeps } from '../../../lib/carriers/types';

/** 2024-05-01 12:00:00 +08:00 */
export const NOW = 1714536000000;

export function testDeps(): CarrierDeps & { sleeps: number[] } {
	const sleeps: number[] = [];
	return {
		http: fetchHttpClient(),
		now: () => NOW,
		sleep: async (ms) => {
			sleeps.push(ms);
		},
		random: () => 0,
		sleeps,
	};
}

/** The fields of a form-encoded request body, as nock hands it to a body matcher. */
export function formOf(body: unknown): Record<string, string> {
	if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
	return body as Record<string, string>;
}

/** A nock body matcher that records every form body it sees and accepts it. */
export function recordForms(): { forms: Array<Record<string, string>>; match: (body: unknown) => boolean } {
	const forms: Array<Record<string, string>> = [];
	return {
		forms,
		match: (body) => {
			forms.push(formOf(body));
			return true;
		},
	};
}
