import { initial } from './001_initial';
import { blacklistPushLedger } from './002_blacklist_push_ledger';
import { trackingIndex } from './003_tracking_index';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, in version order. */
export const MIGRATIONS: readonly Migration[] = [initial, blacklistPushLedger, trackingIndex];
