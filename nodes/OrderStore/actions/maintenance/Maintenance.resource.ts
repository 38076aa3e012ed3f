import type { INodeProperties } from 'n8n-workflow';
import * as backup from './backup.operation';
import * as stats from './stats.operation';

export { backup, stats };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['maintenance'] } },
		options: [
			{ name: 'Backup', value: 'backup', description: 'Copy a SQLite store, or get the PostgreSQL backup command', action: 'Back up the store' },
			{ name: 'Stats', value: 'stats', description: 'Rows per table and orders per channel and status', action: 'Get store statistics' },
		],
		default: 'stats',
	},
	...backup.description,
	...stats.description,
];
