// Blacklist upkeep without SQL: add or remove one entry per input item, or list every entry.
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { ChannelId } from '../../lib/model';
import type { BlacklistEntry } from '../../lib/rules';
import { channelNodeError, errorItemJson } from '../shared/channelErrors';
import { pairedItem } from '../shared/items';
import { storeActor, withStore } from '../shared/store';

function entryOf(ctx: IExecuteFunctions, i: number): BlacklistEntry {
	const kind = ctx.getNodeParameter('kind', i) as BlacklistEntry['kind'];
	const channel = (ctx.getNodeParameter('channel', i, '') as string) || undefined;
	const reason = ctx.getNodeParameter('blacklistOperation', i) === 'add' ? (ctx.getNodeParameter('reason', i, '') as string) : undefined;
	const base = { kind, ...(channel ? { channel: channel as ChannelId } : {}), ...(reason !== undefined ? { reason } : {}) };
	if (kind === 'receiver') {
		return { ...base, name: ctx.getNodeParameter('receiverName', i, '') as string, address: ctx.getNodeParameter('receiverAddress', i, '') as string };
	}
	return { ...base, value: ctx.getNodeParameter('value', i, '') as string };
}

export async function executeBlacklist(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const out: INodeExecutionData[] = [];
	await withStore(ctx, async (store) => {
		if (ctx.getNodeParameter('blacklistOperation', 0) === 'list') {
			try {
				for (const entry of await store.listBlacklist()) out.push(pairedItem(entry as unknown as IDataObject, 0));
			} catch (error) {
				if (!ctx.continueOnFail()) throw channelNodeError(ctx.getNode(), error, 0);
				out.push(pairedItem(errorItemJson(error), 0));
			}
			return;
		}
		for (let i = 0; i < items.length; i++) {
			try {
				const entry = entryOf(ctx, i);
				if (ctx.getNodeParameter('blacklistOperation', i) === 'add') {
					const [stored] = await store.addBlacklistEntries([entry], { actor: storeActor(ctx) });
					out.push(pairedItem({ added: true, ...stored } as unknown as IDataObject, i));
				} else {
					const removed = await store.removeBlacklistEntries([entry]);
					out.push(pairedItem({ removed: removed > 0, kind: entry.kind }, i));
				}
			} catch (error) {
				if (!ctx.continueOnFail()) throw channelNodeError(ctx.getNode(), error, i);
				out.push(pairedItem(errorItemJson(error), i));
			}
		}
	});
	return [out, [], []];
}
