// Fields every channel's list operations ask for the same way: a time range, Return All and Limit.
import type { INodeProperties } from 'n8n-workflow';

export const fromField = (description: string): INodeProperties => ({
	displayName: 'From',
	name: 'from',
	type: 'dateTime',
	default: '',
	description: `${description} Empty: 24 hours ago.`,
});

export const toField: INodeProperties = {
	displayName: 'To',
	name: 'to',
	type: 'dateTime',
	default: '',
	description: 'End of the time range. Empty: now.',
};

export const returnAllField: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitField: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};
