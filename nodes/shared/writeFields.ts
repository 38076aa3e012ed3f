// Fields the channel nodes' write operations ask for the same way: a seller memo (added to the current one
// or replacing it) with the TOP/JOS flag colours, and a stock quantity set or added.
import type { INodeProperties } from 'n8n-workflow';

/** The memo text and whether it is added to the current memo; the channel names its memo. */
export const memoFields = (memoDescription: string, appendDescription: string): INodeProperties[] => [
	{
		displayName: 'Memo',
		name: 'memo',
		type: 'string',
		typeOptions: { rows: 2 },
		required: true,
		default: '',
		description: memoDescription,
	},
	{
		displayName: 'Add To Existing Memo',
		name: 'append',
		type: 'boolean',
		default: true,
		description: appendDescription,
	},
];

/** The memo flag colours Taobao and JD share (旗帜); -1 keeps the current flag. */
export const memoFlagField: INodeProperties = {
	displayName: 'Flag Color (旗帜)',
	name: 'flag',
	type: 'options',
	options: [
		{ name: 'Blue', value: 4 },
		{ name: 'Green', value: 3 },
		{ name: 'Grey (No Flag)', value: 0 },
		{ name: 'Keep Current Flag', value: -1 },
		{ name: 'Purple', value: 5 },
		{ name: 'Red', value: 1 },
		{ name: 'Yellow', value: 2 },
	],
	default: -1,
};

/** The memo written when `text` is added to `current` (on a new line) or replaces it (`current` empty). */
export const appendedMemo = (current: string, text: string): string => (current ? `${current}\n${text}` : text);

const STOCK_NOTES = {
	full: 'The SKU will have exactly this stock',
	delta: 'Add to the stock; a negative quantity subtracts',
};

/** The quantity and whether it sets the stock (the default) or is added to it. */
export const stockUpdateFields = (notes = STOCK_NOTES): INodeProperties[] => [
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		required: true,
		default: 0,
	},
	{
		displayName: 'Update Type',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Set To Quantity (全量)', value: 'full', description: notes.full },
			{ name: 'Add Quantity (增量)', value: 'delta', description: notes.delta },
		],
		default: 'full',
	},
];
