// Dry run: judge the stored orders of a time range with the rules on the form and report what would change.
// Nothing is written; the report comes out of the first output.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { isoFromMillis } from '../../lib/model';
import { dryRunAudit } from '../../lib/rules';
import type { StoredOrder } from '../../lib/store';
import { channelNodeError } from '../shared/channelErrors';
import { pairedItem } from '../shared/items';
import { withStore } from '../shared/store';
import { buildAuditContext } from './auditContext';
import { auditInstant, compileRules, readTime } from './settings';

const DAY_MS = 86_400_000;
const PAGE_SIZE = 1000;

export async function executeDryRun(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	try {
		const audit = compileRules(ctx);
		const nowMs = auditInstant(ctx);
		const toMs = readTime(ctx, ctx.getNodeParameter('createdTo', 0, ''), nowMs, 'Created To');
		const fromMs = readTime(ctx, ctx.getNodeParameter('createdFrom', 0, ''), toMs - 7 * DAY_MS, 'Created From');
		const channels = ctx.getNodeParameter('channels', 0, []) as string[];
		const maxOrders = Math.max(1, Number(ctx.getNodeParameter('maxOrders', 0, 10000)));
		const report = await withStore(ctx, async (store) => {
			const orders: StoredOrder[] = [];
			let cursor: string | undefined;
			do {
				const page = await store.searchOrders({
					createdFrom: isoFromMillis(fromMs),
					createdTo: isoFromMillis(toMs),
					...(channels.length ? { channel: channels } : {}),
					sort: 'createdAt',
					direction: 'asc',
					limit: Math.min(PAGE_SIZE, maxOrders - orders.length),
					...(cursor ? { cursor } : {}),
				});
				orders.push(...page.orders);
				cursor = page.nextCursor;
			} while (cursor && orders.length < maxOrders);
			const context = await buildAuditContext(store, audit, orders, nowMs);
			return { ...dryRunAudit(orders, audit, context), truncated: Boolean(cursor) };
		});
		const json = { createdFrom: isoFromMillis(fromMs), createdTo: isoFromMillis(toMs), ...report };
		return [[pairedItem(json as unknown as IDataObject, 0)], [], []];
	} catch (error) {
		if (!ctx.continueOnFail()) throw channelNodeError(ctx.getNode(), error, 0);
		return [[pairedItem({ error: (error as Error).message }, 0)], [], []];
	}
}
