// The seller's blacklist (read by the audit) and the stock-sync push ledger (what each channel listing was
// last sent and which version the channel acknowledged).
import type { Migration } from './types';

const schema = (compact: string) => `
CREATE TABLE blacklist (
	kind TEXT NOT NULL CHECK (kind IN ('phone', 'buyer', 'receiver')),
	channel TEXT NOT NULL,
	value TEXT NOT NULL,
	reason TEXT NOT NULL,
	created_ms BIGINT NOT NULL,
	created_by TEXT NOT NULL,
	PRIMARY KEY (kind, channel, value)
)${compact};

CREATE TABLE push_ledger (
	channel TEXT NOT NULL,
	shop_id TEXT NOT NULL,
	channel_sku_id TEXT NOT NULL,
	master_sku TEXT NOT NULL,
	last_published BIGINT NOT NULL,
	version BIGINT NOT NULL,
	acked_version BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (channel, shop_id, channel_sku_id)
)${compact};
`;

export const blacklistPushLedger: Migration = {
	version: 2,
	name: 'blacklist_push_ledger',
	sql: { sqlite: schema(' WITHOUT ROWID'), postgres: schema('') },
};
