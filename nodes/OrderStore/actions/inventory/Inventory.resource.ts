import type { INodeProperties } from 'n8n-workflow';
import * as adjust from './adjust.operation';
import * as availability from './availability.operation';
import * as ledger from './ledger.operation';
import * as release from './release.operation';
import * as reserve from './reserve.operation';
import * as reserveBatch from './reserveBatch.operation';
import * as setOnHand from './setOnHand.operation';
import * as upsertWarehouse from './upsertWarehouse.operation';

export { adjust, availability, ledger, release, reserve, reserveBatch, setOnHand, upsertWarehouse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['inventory'] } },
		options: [
			{ name: 'Adjust', value: 'adjust', description: 'Add or remove units with a reason (received, damaged, ...)', action: 'Adjust stock' },
			{ name: 'Availability', value: 'availability', description: 'What can be sold per SKU, per warehouse and per channel', action: 'Get stock availability' },
			{ name: 'Ledger', value: 'ledger', description: 'List stock movements', action: 'Get the stock ledger' },
			{ name: 'Release', value: 'release', description: 'Give back the stock reserved for a cancelled, refunded or shipped order', action: 'Release reserved stock' },
			{ name: 'Reserve for Order', value: 'reserve', description: "Reserve stock for an order's lines, all or nothing", action: 'Reserve stock for an order' },
			{
				name: 'Reserve for Orders',
				value: 'reserveBatch',
				description: 'Reserve stock for every input order, many orders per transaction, each all or nothing',
				action: 'Reserve stock for many orders',
			},
			{ name: 'Set On Hand', value: 'setOnHand', description: 'Set the counted quantity of a SKU in a warehouse', action: 'Set on hand stock' },
			{ name: 'Upsert Warehouse', value: 'upsertWarehouse', description: 'Create or change a warehouse: name, priority, provinces, channels', action: 'Create or update a warehouse' },
		],
		default: 'availability',
	},
	...upsertWarehouse.description,
	...setOnHand.description,
	...adjust.description,
	...reserve.description,
	...reserveBatch.description,
	...release.description,
	...availability.description,
	...ledger.description,
];
