import type { IAuthenticate, Icon, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';
import { CARRIER_SANDBOX_URLS } from './carrierSettings';
import { signKuaidi100Request } from './carrierSigning';
import { environmentProperties } from './environment';

const failWhen = (code: string, message: string) =>
	({ type: 'responseSuccessBody', properties: { key: 'returnCode', value: code, message } }) as const;

export class Kuaidi100Api implements ICredentialType {
	name = 'kuaidi100Api';

	displayName = 'Kuaidi100 API 快递100';

	icon: Icon = { light: 'file:../icons/kuaidi100.svg', dark: 'file:../icons/kuaidi100.dark.svg' };

	documentationUrl = 'https://github.com/unified-orders/n8n-nodes-unified-orders/blob/main/docs/nodes/Kuaidi100.md#credential';

	properties: INodeProperties[] = [
		...environmentProperties({
			hosted: [
				{ name: 'Production (poll.kuaidi100.com, api.kuaidi100.com)', value: 'production' },
			],
			description: 'Kuaidi100 has no public sandbox; use the local sandbox to try workflows without a paid account',
			url: {
				kind: 'Base URL',
				name: 'customBaseUrl',
				default: CARRIER_SANDBOX_URLS.kuaidi100,
				description: 'Serves poll/query.do, poll and label/order; the local sandbox serves them at this default',
			},
		}),
		{
			displayName: 'Customer (公司编号)',
			name: 'customer',
			type: 'string',
			required: true,
			default: '',
			description: 'The customer code shown under 我的信息 in the Kuaidi100 enterprise console',
		},
		{
			displayName: 'Key (授权key)',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
		},
		{
			displayName: 'Secret (e-waybill)',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for creating and cancelling e-waybills (电子面单): the secret of the label API',
		},
		{
			displayName: 'Push Salt',
			name: 'pushSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Any secret text. Subscriptions send it to Kuaidi100, which signs each push with it; the Kuaidi100 Trigger rejects pushes without a valid signature.',
		},
	];

	authenticate: IAuthenticate = signKuaidi100Request;

	// A real-time query of a made-up number: a bad customer/key fails, "no result" (500) means the pair works.
	test: ICredentialTestRequest = {
		request: { method: 'POST', url: '/poll/query.do', body: { param: { com: 'yuantong', num: 'YT0000000000000' } } },
		rules: [
			failWhen('400', 'Kuaidi100 does not know this customer code, or the account has no query quota'),
			failWhen('503', 'Kuaidi100 refused the signature: check the key and the customer code'),
			failWhen('601', 'The key has expired or the account has no balance'),
		],
	};
}
