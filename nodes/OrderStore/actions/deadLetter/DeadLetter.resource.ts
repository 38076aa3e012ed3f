import type { INodeProperties } from 'n8n-workflow';
import * as discard from './discard.operation';
import * as list from './list.operation';
import * as replay from './replay.operation';

export { discard, list, replay };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deadLetter'] } },
		options: [
			{ name: 'Discard', value: 'discard', description: 'Give up on dead letters that need no replay', action: 'Discard dead letters' },
			{ name: 'List', value: 'list', description: 'Orders that failed validation, with the reasons', action: 'List dead letters' },
			{ name: 'Replay', value: 'replay', description: 'Validate and store kept orders again', action: 'Replay dead letters' },
		],
		default: 'list',
	},
	...list.description,
	...replay.description,
	...discard.description,
];
