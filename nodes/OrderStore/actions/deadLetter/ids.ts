import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { listOf } from '../common';

export const deadLetterIdsField: INodeProperties = {
	displayName: 'Dead Letter IDs',
	name: 'deadLetterIds',
	type: 'string',
	required: true,
	default: '={{ $json.deadLetterId ?? $json.id }}',
	description: 'One or more dead letter IDs, comma separated (default: the ID on each input item, e.g. from Dead Letter › List)',
};

export function readDeadLetterIds(ctx: IExecuteFunctions, itemIndex: number): number[] {
	const raw = listOf(ctx.getNodeParameter('deadLetterIds', itemIndex, ''));
	const ids = raw.map(Number);
	const bad = raw.filter((_, n) => !Number.isSafeInteger(ids[n]) || ids[n] <= 0);
	if (!ids.length || bad.length) {
		throw new NodeOperationError(ctx.getNode(), `"Dead Letter IDs" must be whole numbers${bad.length ? `; got ${bad.join(', ')}` : ''}`, { itemIndex });
	}
	return ids;
}
