// What every repository module receives: the engine, the clock and the resolved options.
import { isoFromMillis, toEpochMillis } from '../model';
import type { Driver } from './sql';
import type { StoreOptions, WriteOptions } from './types';

export interface StoreContext {
	driver: Driver;
	now: () => number;
	options: Required<Pick<StoreOptions, 'matchCustomersByPhone' | 'phoneHashSalt' | 'merchantCodeIsMasterSku'>>;
}

/** Recorded when a caller names no actor. */
export const DEFAULT_ACTOR = 'store';

export function actorOf(options?: WriteOptions): string {
	return options?.actor?.trim() || DEFAULT_ACTOR;
}

/** Stored epoch millis -> ISO-8601 (+08:00, like channel times). */
export function isoAt(millis: number): string {
	return isoFromMillis(Number(millis));
}

export function parseJsonColumn<T>(text: unknown, fallback: T): T {
	return typeof text === 'string' && text !== '' ? (JSON.parse(text) as T) : fallback;
}

/** Epoch millis of a validated ISO-8601 date-time with offset (the model's parser; as fast as Date.parse). */
export function instantOf(iso: string): number {
	return toEpochMillis(iso);
}
