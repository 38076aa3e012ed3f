import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import type { DeadLetter, DeadLetterQuery, DeadLetterStatus, OrderStore } from '../../../../lib/store';
import type { StoreAccess } from '../../../shared/store';
import { eachItem, outputOrder, readOptions, showFullContactOption, stringParameter } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Any', value: '' },
			{ name: 'Discarded', value: 'discarded' },
			{ name: 'Open', value: 'open' },
			{ name: 'Replayed', value: 'replayed' },
		],
		default: 'open',
	},
	{ displayName: 'Source', name: 'source', type: 'string', default: '', description: 'Only dead letters from this source (e.g. the Upsert node name). Empty: all.' },
	{ displayName: 'Limit', name: 'limit', type: 'number', typeOptions: { minValue: 1 }, default: 50, description: 'Max number of results to return' },
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [showFullContactOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['deadLetter'], operation: ['list'] } }, properties);

/** The kept payload is shown like an order: contact details masked per the access profile. */
export function deadLetterJson(letter: DeadLetter, access: StoreAccess, showFullContact: unknown): IDataObject {
	const payload = letter.payload && typeof letter.payload === 'object' && !Array.isArray(letter.payload)
		? outputOrder(letter.payload as IDataObject, access, showFullContact)
		: letter.payload;
	return { ...letter, payload } as unknown as IDataObject;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[], store: OrderStore, access: StoreAccess): Promise<INodeExecutionData[][]> {
	return await eachItem(this, items, { resource: 'deadLetter', operation: 'list' }, async (i) => {
		const query: DeadLetterQuery = { limit: Number(this.getNodeParameter('limit', i, 50)) };
		const status = stringParameter(this, 'status', i);
		if (status) query.status = status as DeadLetterStatus;
		const source = stringParameter(this, 'source', i);
		if (source) query.source = source;
		const showFullContact = readOptions(this, i).showFullContact;
		return (await store.listDeadLetters(query)).map((letter) => deadLetterJson(letter, access, showFullContact));
	});
}
