import type { INodeProperties } from 'n8n-workflow';
import * as get from './get.operation';
import * as subscribe from './subscribe.operation';

export { get, subscribe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tracking'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get the tracking timeline of a parcel now (即时查询)', action: 'Get the tracking of a parcel' },
			{ name: 'Subscribe', value: 'subscribe', description: 'Have Kdniao push every tracking change to the push URL of your Kdniao account (轨迹订阅)', action: 'Subscribe a parcel to tracking pushes' },
		],
		default: 'get',
	},
	...get.description,
	...subscribe.description,
];
