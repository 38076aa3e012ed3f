import type { INodeProperties } from 'n8n-workflow';
import * as commit from './commit.operation';
import * as get from './get.operation';

export { commit, get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['cursor'] } },
		options: [
			{
				name: 'Commit',
				value: 'commit',
				description: 'Move the watermark, only once every order it covers is stored',
				action: 'Commit a sync cursor',
			},
			{ name: 'Get', value: 'get', description: 'Read where the last pull of a shop ended', action: 'Get a sync cursor' },
		],
		default: 'get',
	},
	...get.description,
	...commit.description,
];
