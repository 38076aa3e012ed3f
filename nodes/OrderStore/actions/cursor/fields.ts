import type { INodeProperties } from 'n8n-workflow';
import { channelOptions } from '../common';

export const cursorFields: INodeProperties[] = [
	{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'taobao' },
	{ displayName: 'Shop ID', name: 'shopId', type: 'string', required: true, default: '' },
	{
		displayName: 'Stream',
		name: 'stream',
		type: 'string',
		default: 'orders',
		description: 'Which pull this cursor tracks, e.g. orders or refunds',
	},
];
