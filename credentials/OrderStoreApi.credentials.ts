import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

// Tested by the nodes that use it (methods.credentialTest): opening the store is not an HTTP request.
export class OrderStoreApi implements ICredentialType {
	name = 'orderStoreApi';

	displayName = 'Order Store 订单中心';

	icon: Icon = { light: 'file:../icons/orderStore.svg', dark: 'file:../icons/orderStore.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/OrderStore.md#credential';

	properties: INodeProperties[] = [
		{
			displayName: 'Backend',
			name: 'backend',
			type: 'options',
			options: [
				{ name: 'SQLite File', value: 'sqlite', description: 'One file on the n8n machine; for a single n8n process' },
				{ name: 'PostgreSQL', value: 'postgres', description: 'A shared database; needed when several n8n workers run (queue mode)' },
			],
			default: 'sqlite',
		},
		{
			displayName: 'File Path',
			name: 'filePath',
			type: 'string',
			default: '',
			placeholder: '/home/node/.n8n/unified-orders/store.sqlite',
			description:
				'Where the SQLite store file is kept; created with its folder when missing. Empty: unified-orders/store.sqlite inside the n8n user folder (N8N_USER_FOLDER/.n8n, or ~/.n8n).',
			displayOptions: { show: { backend: ['sqlite'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'options',
			options: [
				{ name: 'Disable', value: 'disable', description: 'Plain connection (same machine or private network)' },
				{ name: 'Require', value: 'require', description: 'Encrypted; the server certificate is not checked' },
				{ name: 'Verify Full', value: 'verify-full', description: 'Encrypted; the certificate must be valid for the host' },
			],
			default: 'disable',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'CA Certificate',
			name: 'caCertificate',
			type: 'string',
			typeOptions: { rows: 4, password: true },
			default: '',
			description: "Only for a server certificate signed by your own CA: that CA's certificate (PEM)",
			displayOptions: { show: { backend: ['postgres'], ssl: ['verify-full'] } },
		},
		{
			displayName: 'Schema',
			name: 'schema',
			type: 'string',
			default: '',
			placeholder: 'unified_orders',
			description: "Schema for the store's tables (created when missing). Empty: the server's default search path (usually public).",
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Pool Size',
			name: 'poolSize',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 5,
			description: 'Connections each n8n process keeps open to the database',
			displayOptions: { show: { backend: ['postgres'] } },
		},
		{
			displayName: 'Access Profile',
			name: 'accessProfile',
			type: 'options',
			options: [
				{ name: 'Full', value: 'full', description: 'Everything; contact details still masked unless a node asks for them' },
				{ name: 'Customer Service', value: 'customer_service', description: 'No cost or margin' },
				{ name: 'Warehouse', value: 'warehouse', description: 'No buyer details; receiver always masked (region kept for shipping)' },
				{ name: 'Finance', value: 'finance', description: 'Cost and margin; contact details always masked' },
			],
			default: 'full',
			description: 'What the nodes using this credential may show of each order',
		},
		{
			displayName: 'Match Customers by Phone',
			name: 'matchCustomersByPhone',
			type: 'boolean',
			default: false,
			description:
				'Whether orders from different channels with the same unmasked receiver phone belong to one customer (only a salted hash of the phone is kept)',
		},
		{
			displayName: 'Phone Hash Secret',
			name: 'phoneHashSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Your own secret for the phone hash, so hashes cannot be compared with other installations',
			displayOptions: { show: { matchCustomersByPhone: [true] } },
		},
	];
}
