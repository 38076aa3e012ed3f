// The Environment choice every channel, carrier and robot credential starts with: the platform's hosted
// environments (production first), or a custom URL such as the local sandbox's, asked for only when chosen.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

export interface EnvironmentChoice {
	/** The hosted environments, production first, e.g. `{ name: 'Production (api.jd.com)', value: 'production' }`. */
	hosted: INodePropertyOptions[];
	/** Shown under the Environment choice. */
	description?: string;
	/** The custom URL: a whole endpoint ('Gateway URL') or a root the API paths are added to ('Base URL'). */
	url: {
		kind: 'Gateway URL' | 'Base URL';
		name: 'customUrl' | 'customBaseUrl';
		default: string;
		description: string;
	};
}

/** The `environment` options field and the custom URL field shown when it is `custom`. */
export function environmentProperties(choice: EnvironmentChoice): INodeProperties[] {
	return [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [...choice.hosted, { name: `Custom ${choice.url.kind} (e.g. the Local Sandbox)`, value: 'custom' }],
			default: 'production',
			...(choice.description === undefined ? {} : { description: choice.description }),
		},
		{
			displayName: choice.url.kind,
			name: choice.url.name,
			type: 'string',
			default: choice.url.default,
			description: choice.url.description,
			displayOptions: { show: { environment: ['custom'] } },
		},
	];
}

/** The credential test's URL expression for a gateway credential: the custom URL, else the hosted gateway. */
export function gatewayUrlExpression(production: string, sandbox?: string): string {
	const hosted = sandbox === undefined ? `"${production}"` : `($credentials.environment === "sandbox" ? "${sandbox}" : "${production}")`;
	return `={{ $credentials.environment === "custom" ? $credentials.customUrl : ${hosted} }}`;
}

/** An expression for the custom URL without a trailing slash, so the paths added to it never start with "//". */
export const trimmedCustomUrl = '($credentials.customUrl.endsWith("/") ? $credentials.customUrl.slice(0, -1) : $credentials.customUrl)';
