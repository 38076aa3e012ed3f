// Finding the order a carrier push is about: an expression index on the order's tracking number (read from
// the stored JSON, so writes need no extra column). Partial on a plain substring test: most stored orders have
// no tracking number yet, and for them the write pays a substring scan instead of parsing the order's JSON.
import type { Migration } from './types';

/** The indexed expression and the partial-index condition per engine; queries repeat both for the planner. */
export const TRACKING_INDEX = {
	sqlite: { expression: "json_extract(data, '$.logistics.trackingNo')", condition: `instr(data, '"trackingNo"') > 0` },
	postgres: { expression: "((data::json) -> 'logistics' ->> 'trackingNo')", condition: `strpos(data, '"trackingNo"') > 0` },
} as const;

const schema = ({ expression, condition }: { expression: string; condition: string }) =>
	`CREATE INDEX orders_tracking_no ON orders (${expression}) WHERE ${condition};`;

export const trackingIndex: Migration = {
	version: 3,
	name: 'tracking_index',
	sql: { sqlite: schema(TRACKING_INDEX.sqlite), postgres: schema(TRACKING_INDEX.postgres) },
};
