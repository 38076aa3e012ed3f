import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { CARRIER_SANDBOX_URLS } from './carrierSettings';
import { signKdniaoRequest } from './carrierSigning';
import { environmentProperties } from './environment';

const failWhen = (code: string, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'ResultCode', value: code, message } }) as const;

export class KdniaoApi implements ICredentialType {
	name = 'kdniaoApi';

	displayName = 'Kdniao API 快递鸟';

	icon: Icon = { light: 'file:../icons/kdniao.svg', dark: 'file:../icons/kdniao.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Kdniao.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (api.kdniao.com)', value: 'production' },
				{ name: 'Kdniao Sandbox (sandboxapi.kdniao.com)', value: 'sandbox' },
			],
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: CARRIER_SANDBOX_URLS.kdniao,
				description: 'The Kdniao paths (Ebusiness/EbusinessOrderHandle.aspx, api/dist, api/EOrderService) are added to it; the local sandbox serves them at this default',
			},
		}),
		{
			displayName: 'EBusinessID (用户ID)',
			name: 'eBusinessId',
			type: 'string',
			required: true,
			default: '',
			description: 'The user ID shown in the Kdniao console',
		},
		{
			displayName: 'AppKey (API Key)',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Signs every request (DataSign) and verifies every push',
		},
	];

	authenticate: IAuthenticate = signKdniaoRequest;

	// An instant query (1002) of a made-up number: only a failed signature or account check fails the test.
	test: ICredentialTestRequest = {
		request: {
			method: 'POST',
			url: '/Ebusiness/EbusinessOrderHandle.aspx',
			body: { RequestType: '1002', RequestData: { OrderCode: '', ShipperCode: 'YTO', LogisticCode: 'YT0000000000000' } },
		},
		rules: [
			failWhen('102', 'Kdniao could not verify the request: check the EBusinessID and the AppKey'),
			failWhen('104', 'Kdniao refused this account: check that the API is activated and has balance'),
		],
	};
}
