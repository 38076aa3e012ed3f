// Finding the order a carrier push is about: an expression index on the order's tracking number (read from
// the stored JSON, so writes need no extra column). Partial: most stored orders have no tracking number yet.
import type { Migration } from './types';

/** The indexed expression per engine; queries must repeat it exactly for the planner to use the index. */
export const TRACKING_NO_EXPRESSION = {
	sqlite: "json_extract(data, '$.logistics.trackingNo')",
	postgres: "((data::json) -> 'logistics' ->> 'trackingNo')",
} as const;

const schema = (expression: string) =>
	`CREATE INDEX orders_tracking_no ON orders (${expression}) WHERE ${expression} IS NOT NULL;`;

export const trackingIndex: Migration = {
	version: 3,
	name: 'tracking_index',
	sql: { sqlite: schema(TRACKING_NO_EXPRESSION.sqlite), postgres: schema(TRACKING_NO_EXPRESSION.postgres) },
};
