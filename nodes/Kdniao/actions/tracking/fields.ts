import type { INodeProperties } from 'n8n-workflow';

export const monitoredField: INodeProperties = {
	displayName: 'Monitored (在途监控)',
	name: 'monitored',
	type: 'boolean',
	default: false,
	description: "Whether to use Kdniao's paid 在途监控 API (8001 / 8008), which reports detailed statuses such as out for delivery or locker pickup",
};
