// The first schema. Times are epoch milliseconds (BIGINT) so ranges and sorting compare instants on both
// engines; JSON is TEXT on both (the store never queries inside it); money is integer minor units.
// Indexes are what searches need and no more: each one costs every upsert. Rare values (refunds, audit
// decisions) get partial indexes; SQLite keeps small keyed tables WITHOUT ROWID (one B-tree, not two).
// Order ids are hashes, so child rows key on the order's sequence number instead: the lines and events of
// new orders append at the end of their B-trees instead of touching a random page each (~3x fewer writes).
// Those child tables carry no foreign key: only writeOrders() writes them, inside the order's transaction.
import type { Migration } from './types';

const schema = (autoId: string, compact: string) => `
CREATE TABLE orders (
	seq ${autoId},
	id TEXT NOT NULL UNIQUE,
	channel TEXT NOT NULL,
	shop_id TEXT NOT NULL,
	channel_order_id TEXT NOT NULL,
	status TEXT NOT NULL,
	channel_status TEXT NOT NULL,
	refund_state TEXT NOT NULL,
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	paid_ms BIGINT,
	changed_ms BIGINT NOT NULL,
	audit_decision TEXT,
	customer_id TEXT,
	currency TEXT NOT NULL,
	paid_total BIGINT NOT NULL,
	search_text TEXT NOT NULL,
	snapshot_hash TEXT NOT NULL,
	local TEXT,
	data TEXT NOT NULL
);
CREATE INDEX orders_channel_status_created ON orders (channel, status, created_ms);
CREATE INDEX orders_shop_created ON orders (shop_id, created_ms);
CREATE INDEX orders_created ON orders (created_ms);
CREATE INDEX orders_updated ON orders (updated_ms);
CREATE INDEX orders_paid ON orders (paid_ms);
CREATE INDEX orders_changed ON orders (changed_ms);
CREATE INDEX orders_refund_updated ON orders (refund_state, updated_ms) WHERE refund_state <> 'none';
CREATE INDEX orders_audit_created ON orders (audit_decision, created_ms) WHERE audit_decision IS NOT NULL;
CREATE INDEX orders_customer ON orders (customer_id);

CREATE TABLE order_lines (
	order_seq BIGINT NOT NULL,
	line_id TEXT NOT NULL,
	channel_sku_id TEXT,
	merchant_code TEXT,
	master_sku TEXT,
	title TEXT NOT NULL,
	quantity INTEGER NOT NULL,
	unit_price BIGINT NOT NULL,
	paid_amount BIGINT NOT NULL,
	refund_state TEXT NOT NULL,
	PRIMARY KEY (order_seq, line_id)
)${compact};
CREATE INDEX order_lines_unmapped ON order_lines (order_seq) WHERE master_sku IS NULL;

CREATE TABLE order_tags (
	order_seq BIGINT NOT NULL,
	tag TEXT NOT NULL,
	PRIMARY KEY (order_seq, tag)
)${compact};
CREATE INDEX order_tags_tag ON order_tags (tag, order_seq);

CREATE TABLE order_events (
	id ${autoId},
	order_seq BIGINT NOT NULL,
	at_ms BIGINT NOT NULL,
	actor TEXT NOT NULL,
	kind TEXT NOT NULL,
	from_status TEXT,
	to_status TEXT,
	before TEXT,
	after TEXT
);
CREATE INDEX order_events_order ON order_events (order_seq, id);

CREATE TABLE master_skus (
	sku TEXT PRIMARY KEY,
	title TEXT NOT NULL,
	cost BIGINT,
	currency TEXT,
	barcode TEXT,
	weight_grams INTEGER,
	components TEXT,
	active INTEGER NOT NULL DEFAULT 1,
	updated_ms BIGINT NOT NULL
);

CREATE TABLE sku_mappings (
	channel TEXT NOT NULL,
	shop_id TEXT NOT NULL,
	match_kind TEXT NOT NULL CHECK (match_kind IN ('sku_id', 'merchant_code')),
	match_value TEXT NOT NULL,
	master_sku TEXT NOT NULL,
	updated_ms BIGINT NOT NULL,
	PRIMARY KEY (channel, shop_id, match_kind, match_value)
)${compact};

CREATE TABLE warehouses (
	id TEXT PRIMARY KEY,
	name TEXT NOT NULL,
	priority INTEGER NOT NULL DEFAULT 100,
	regions TEXT NOT NULL,
	channels TEXT NOT NULL,
	active INTEGER NOT NULL DEFAULT 1,
	updated_ms BIGINT NOT NULL
);

CREATE TABLE stock (
	warehouse_id TEXT NOT NULL REFERENCES warehouses (id),
	master_sku TEXT NOT NULL,
	on_hand BIGINT NOT NULL,
	reserved BIGINT NOT NULL DEFAULT 0 CHECK (reserved >= 0),
	safety BIGINT NOT NULL DEFAULT 0 CHECK (safety >= 0),
	updated_ms BIGINT NOT NULL,
	PRIMARY KEY (warehouse_id, master_sku)
)${compact};
CREATE INDEX stock_sku ON stock (master_sku);

CREATE TABLE stock_ledger (
	id ${autoId},
	warehouse_id TEXT NOT NULL,
	master_sku TEXT NOT NULL,
	kind TEXT NOT NULL,
	delta_on_hand BIGINT NOT NULL,
	delta_reserved BIGINT NOT NULL,
	on_hand_after BIGINT NOT NULL,
	reserved_after BIGINT NOT NULL,
	safety_after BIGINT NOT NULL,
	reason TEXT,
	order_id TEXT,
	line_id TEXT,
	actor TEXT NOT NULL,
	at_ms BIGINT NOT NULL
);
CREATE INDEX stock_ledger_sku ON stock_ledger (master_sku, id);
CREATE INDEX stock_ledger_order ON stock_ledger (order_id);

CREATE TABLE reservations (
	order_id TEXT NOT NULL,
	line_id TEXT NOT NULL,
	master_sku TEXT NOT NULL,
	warehouse_id TEXT NOT NULL,
	quantity BIGINT NOT NULL CHECK (quantity > 0),
	status TEXT NOT NULL CHECK (status IN ('active', 'released', 'shipped')),
	reason TEXT,
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	PRIMARY KEY (order_id, line_id, master_sku)
)${compact};
CREATE INDEX reservations_stock ON reservations (warehouse_id, master_sku, status);

CREATE TABLE customers (
	id TEXT PRIMARY KEY,
	display_name TEXT,
	merged_into TEXT,
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL
)${compact};

CREATE TABLE customer_identities (
	kind TEXT NOT NULL CHECK (kind IN ('buyer', 'phone')),
	channel TEXT NOT NULL,
	value TEXT NOT NULL,
	customer_id TEXT NOT NULL REFERENCES customers (id),
	created_ms BIGINT NOT NULL,
	-- value first: an upsert batch looks identities up by value.
	PRIMARY KEY (value, kind, channel)
)${compact};
CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

CREATE TABLE cursors (
	channel TEXT NOT NULL,
	shop_id TEXT NOT NULL,
	stream TEXT NOT NULL,
	watermark TEXT NOT NULL,
	sort_key TEXT NOT NULL,
	meta TEXT,
	updated_ms BIGINT NOT NULL,
	updated_by TEXT NOT NULL,
	PRIMARY KEY (channel, shop_id, stream)
)${compact};

CREATE TABLE dead_letters (
	id ${autoId},
	source TEXT NOT NULL,
	reason TEXT NOT NULL,
	problems TEXT NOT NULL,
	payload TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('open', 'replayed', 'discarded')),
	attempts INTEGER NOT NULL DEFAULT 0,
	order_id TEXT,
	created_ms BIGINT NOT NULL,
	updated_ms BIGINT NOT NULL,
	updated_by TEXT
);
CREATE INDEX dead_letters_status ON dead_letters (status, id);
`;

export const initial: Migration = {
	version: 1,
	name: 'initial',
	sql: {
		// Rows are never deleted, so SQLite's plain rowid keeps growing without AUTOINCREMENT's extra write.
		sqlite: schema('INTEGER PRIMARY KEY', ' WITHOUT ROWID'),
		postgres: schema('BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY', ''),
	},
};
