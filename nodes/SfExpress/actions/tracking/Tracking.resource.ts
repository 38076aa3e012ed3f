import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';

export { get };

// SF pushes routes of your own waybills to the push URL configured for your app on the open platform,
// so there is nothing to subscribe per parcel: the SF Express Trigger receives them.
export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tracking'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get the route (tracking timeline) of an SF waybill (路由查询)', action: 'Get the tracking of a parcel' },
		],
		default: 'get',
	},
	...get.description,
];
