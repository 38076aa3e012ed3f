// updateOrder(s): changes our own nodes make (status, tags, memo, tracking, audit, allocation). Each
// change is also kept in the order's overlay so a later channel snapshot does not undo it, and each
// patched order gets one 'patch' event with the fields before and after.
import { validateOrder } from '../model';
import { actorOf, isoAt, type StoreContext } from './context';
import { notFound, StoreError, invalidInput } from './errors';
import { diffOrders, type LocalOverlay } from './orderMerge';
import { unique } from './util';
import { type EventRow, loadHeads, loadOrders, type OrderRecord, parseLocal, writeOrders } from './orderRows';
import { stripStoreFields } from './orders';
import { canTransition } from './transitions';
import type { OrderPatch, StoredOrder, UpdateResult, WriteOptions } from './types';

export async function updateOrders(
	ctx: StoreContext,
	items: ReadonlyArray<{ id: string; patch: OrderPatch }>,
	options?: WriteOptions,
): Promise<UpdateResult[]> {
	const actor = actorOf(options);
	return ctx.driver.write(async (tx) => {
		const ids = unique(items.map((i) => i.id));
		const heads = await loadHeads(tx, ctx.driver.dialect, ids);
		const orders = await loadOrders(tx, ids);
		const now = ctx.now();
		const records = new Map<string, OrderRecord>();
		const events: EventRow[] = [];
		const results: UpdateResult[] = [];
		for (const { id, patch } of items) {
			const head = heads.get(id);
			const current = records.get(id)?.order ?? orders.get(id);
			if (!head || !current) throw notFound('order', id);
			const local = records.get(id)?.local ?? parseLocal(head.local) ?? {};
			const plain = stripStoreFields(current as StoredOrder);
			const { order: next, local: nextLocal } = applyPatch(plain, local, patch);
			const diff = diffOrders(plain, next);
			const stored = orders.get(id)!;
			if (!diff.changes.length) {
				results.push({ id, changes: [], order: { ...next, ...storeFields(stored) } });
				continue;
			}
			const problems = validateOrder(next);
			if (problems.length) throw invalidInput(`patch makes order ${id} invalid: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { problems });
			const moved = plain.status !== next.status;
			records.set(id, {
				seq: head.seq,
				order: next,
				channelStatus: head.channel_status,
				snapshotHash: head.snapshot_hash,
				local: nextLocal,
				customerId: head.customer_id,
				changedMs: now,
			});
			events.push({
				orderId: id,
				atMs: now,
				actor,
				kind: 'patch',
				fromStatus: moved ? plain.status : null,
				toStatus: moved ? next.status : null,
				before: diff.before,
				after: diff.after,
			});
			results.push({
				id,
				changes: diff.changes,
				...(moved ? { transition: { from: plain.status, to: next.status } } : {}),
				order: { ...next, ...storeFields(stored), changedAt: isoAt(now) },
			});
		}
		await writeOrders(tx, ctx.driver.dialect, { created: [], updated: [...records.values()] }, false, events);
		return results;
	});
}

function applyPatch(order: ReturnType<typeof stripStoreFields>, local: LocalOverlay, patch: OrderPatch) {
	const next = { ...order };
	const nextLocal: LocalOverlay = { ...local };
	if (patch.status !== undefined && patch.status !== order.status) {
		if (!canTransition(order.status, patch.status)) {
			throw new StoreError('invalid_transition', `order ${order.id} cannot move from ${order.status} to ${patch.status}`, {
				orderId: order.id,
				from: order.status,
				to: patch.status,
			});
		}
		next.status = patch.status;
	}
	if (patch.refundState !== undefined) next.refundState = patch.refundState;
	const add = patch.addTags ?? [];
	const remove = patch.removeTags ?? [];
	if (add.length || remove.length) {
		nextLocal.tagsAdded = unique([...(local.tagsAdded ?? []).filter((t) => !remove.includes(t)), ...add]);
		nextLocal.tagsRemoved = unique([...(local.tagsRemoved ?? []).filter((t) => !add.includes(t)), ...remove]);
		next.tags = unique([...order.tags, ...add]).filter((t) => !remove.includes(t));
	}
	if (patch.sellerMemo === null) {
		delete nextLocal.sellerMemo;
		delete next.sellerMemo;
	} else if (patch.sellerMemo !== undefined) {
		nextLocal.sellerMemo = patch.sellerMemo;
		next.sellerMemo = patch.sellerMemo;
	}
	if (patch.logistics) {
		nextLocal.logistics = { ...local.logistics, ...patch.logistics };
		next.logistics = { ...order.logistics, ...patch.logistics };
	}
	if (patch.audit) nextLocal.audit = next.audit = patch.audit;
	if (patch.allocation) nextLocal.allocation = next.allocation = patch.allocation;
	return { order: next, local: nextLocal };
}

function storeFields(order: StoredOrder): Pick<StoredOrder, 'customerId' | 'changedAt'> {
	return { ...(order.customerId ? { customerId: order.customerId } : {}), changedAt: order.changedAt };
}
