import type { INodeProperties } from 'n8n-workflow';
import * as refresh from './refresh.operation';

export { refresh };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accessToken'] } },
		options: [
			{
				name: 'Refresh Access Token',
				value: 'refresh',
				description: 'Buy a new access token (and refresh token) with the refresh token of the credential (token.refresh)',
				action: 'Refresh the access token',
			},
		],
		default: 'refresh',
	},
	...refresh.description,
];
