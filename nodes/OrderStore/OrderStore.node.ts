import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { storeCredentialTest } from '../shared/store';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';

export class OrderStore implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:../../icons/orderStore.svg', dark: 'file:../../icons/orderStore.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		// Opening the store is not an HTTP request, so the credential is tested here (see storeCredentialTest).
		credentials: [{ name: 'orderStoreApi', required: true, testedBy: 'orderStoreApiTest' }],
		usableAsTool: true,
	};

	methods = { credentialTest: storeCredentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
