// Audit mode: judge every input order with one compiled rule set and one bulk-read context, record the
// result on the stored order, and route the item to Approved, Held or Blocked.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { validateOrder, type AuditResult, type UnifiedOrder } from '../../lib/model';
import { createAuditor, type AuditOutcome } from '../../lib/rules';
import { StoreError, type OrderStore } from '../../lib/store';
import { channelNodeError, errorItemJson } from '../shared/channelErrors';
import { pairedItem, readItemObject } from '../shared/items';
import { storeActor, withStore } from '../shared/store';
import { buildAuditContext } from './auditContext';
import { compileRules, auditInstant } from './settings';

const OUTPUT_OF: Record<AuditOutcome['decision'], number> = { approved: 0, held: 1, blocked: 2 };

/** Fields the Order Store adds to the orders it outputs (Search, Get, Upsert's order): not part of the model. */
const STORE_FIELDS = ['customerId', 'changedAt', 'cost'];

/** The unified order inside a stored order as the store outputs it. */
function withoutStoreFields(order: unknown): unknown {
	if (!order || typeof order !== 'object' || Array.isArray(order)) return order;
	const plain: IDataObject = { ...(order as IDataObject) };
	for (const field of STORE_FIELDS) delete plain[field];
	return plain;
}

/** The part of an outcome the store keeps (hits without the evidence lists). */
export function storedAudit(outcome: AuditOutcome): AuditResult {
	return {
		decision: outcome.decision,
		ruleVersion: outcome.ruleVersion,
		hits: outcome.hits.map((hit) => ({ rule: hit.rule, severity: hit.severity, message: hit.message })),
		auditedAt: outcome.auditedAt,
	};
}

/** false when the order is not in the store (it is still routed). */
async function record(store: OrderStore, order: UnifiedOrder, outcome: AuditOutcome, actor: string): Promise<boolean> {
	return await store.updateOrder(order.id, { audit: storedAudit(outcome) }, { actor }).then(
		() => true,
		(error: unknown) => {
			if (error instanceof StoreError && error.code === 'not_found') return false;
			return Promise.reject(error);
		},
	);
}

export async function executeAudit(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const outputs: INodeExecutionData[][] = [[], [], []];
	const audit = compileRules(ctx);
	const nowMs = auditInstant(ctx);
	const recordResult = ctx.getNodeParameter('recordResult', 0, true) as boolean;
	const fail = (error: unknown, i: number) => {
		if (!ctx.continueOnFail()) throw channelNodeError(ctx.getNode(), error, i);
		// A failed item needs a person, like a held order.
		outputs[1].push(pairedItem(errorItemJson(error), i));
	};

	const orders: Array<{ index: number; order: UnifiedOrder }> = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const order = withoutStoreFields(readItemObject(ctx, items[i], ctx.getNodeParameter('orderField', i, '') as string, i));
			const problems = validateOrder(order);
			if (problems.length) {
				throw new NodeOperationError(ctx.getNode(), `Item ${i} is not a unified order: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, {
					itemIndex: i,
					description: 'Put an Order Normalize or channel node before Order Audit, or set "Order Field".',
				});
			}
			orders.push({ index: i, order: order as UnifiedOrder });
		} catch (error) {
			fail(error, i);
		}
	}

	await withStore(ctx, async (store) => {
		const context = await buildAuditContext(store, audit, orders.map((entry) => entry.order), nowMs);
		const auditor = createAuditor(audit, context);
		const actor = storeActor(ctx);
		for (const { index, order } of orders) {
			try {
				const outcome = auditor(order);
				const recorded = recordResult ? await record(store, order, outcome, actor) : false;
				const json = { ...(order as unknown as IDataObject), audit: outcome as unknown as IDataObject, auditRecorded: recorded };
				outputs[OUTPUT_OF[outcome.decision]].push(pairedItem(json, index));
			} catch (error) {
				fail(error, index);
			}
		}
	});
	return outputs;
}
