import type { INodeProperties } from 'n8n-workflow';
import * as addNote from './addNote.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as ship from './ship.operation';

export { addNote, get, getMany, ship };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{ name: 'Add Note', value: 'addNote', description: 'Add a private note or a note to the customer', action: 'Add a note to an order' },
			{ name: 'Get', value: 'get', description: 'Get one order by its ID', action: 'Get an order' },
			{ name: 'Get Many', value: 'getMany', description: 'Get orders created or changed since a time', action: 'Get many orders' },
			{ name: 'Ship', value: 'ship', description: 'Record carrier and tracking number and mark the order completed', action: 'Ship an order' },
		],
		default: 'getMany',
	},
	...get.description,
	...getMany.description,
	...ship.description,
	...addNote.description,
];
