import type { INodeProperties } from 'n8n-workflow';
import * as backup from './backup.operation';
import * as report from './report.operation';
import * as stats from './stats.operation';

export { backup, report, stats };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['maintenance'] } },
		options: [
			{ name: 'Backup', value: 'backup', description: 'Copy a SQLite store, or get the PostgreSQL backup command', action: 'Back up the store' },
			{
				name: 'KPI Report',
				value: 'report',
				description: 'Orders per channel and shop, paid-to-shipped hours, audit holds, error rate, unmapped SKUs and stock mismatches for a time range',
				action: 'Get a KPI report',
			},
			{ name: 'Stats', value: 'stats', description: 'Rows per table and orders per channel and status', action: 'Get store statistics' },
		],
		default: 'stats',
	},
	...backup.description,
	...report.description,
	...stats.description,
];
