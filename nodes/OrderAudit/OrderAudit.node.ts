import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { storeCredentialTest } from '../shared/store';
import { executeAudit } from './audit';
import { executeBlacklist } from './blacklist';
import { auditProperties } from './description';
import { executeDryRun } from './dryRun';

export class OrderAudit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Order Audit 审单',
		name: 'orderAudit',
		icon: { light: 'file:../../icons/orderAudit.svg', dark: 'file:../../icons/orderAudit.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["mode"]}}',
		description: 'Judges orders with audit rules (blacklist, address, price, duplicates, stock...) and routes them to Approved, Held or Blocked',
		defaults: { name: 'Order Audit' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Approved', 'Held', 'Blocked'],
		credentials: [{ name: 'orderStoreApi', required: true, testedBy: 'orderStoreApiTest' }],
		usableAsTool: true,
		properties: auditProperties,
	};

	methods = { credentialTest: storeCredentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const mode = this.getNodeParameter('mode', 0) as string;
		if (mode === 'audit') return await executeAudit(this);
		if (mode === 'dryRun') return await executeDryRun(this);
		if (mode === 'blacklist') return await executeBlacklist(this);
		throw new NodeOperationError(this.getNode(), `Unknown mode "${mode}"`);
	}
}
