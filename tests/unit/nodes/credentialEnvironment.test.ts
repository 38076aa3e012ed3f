import { environmentProperties, gatewayUrlExpression, trimmedCustomUrl } from '../../../credentials/environment';

describe('credential environment fields', () => {
	it('offers the hosted environments, then the custom URL asked for only when chosen', () => {
		const [environment, url] = environmentProperties({
			hosted: [
				{ name: 'Production (api.example.com)', value: 'production' },
				{ name: 'Example Sandbox', value: 'sandbox' },
			],
			url: { kind: 'Gateway URL', name: 'customUrl', default: 'http://127.0.0.1:18080/x', description: 'Where it is served' },
		});
		expect(environment).toEqual({
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production (api.example.com)', value: 'production' },
				{ name: 'Example Sandbox', value: 'sandbox' },
				{ name: 'Custom Gateway URL (e.g. the Local Sandbox)', value: 'custom' },
			],
			default: 'production',
		});
		expect(url).toEqual({
			displayName: 'Gateway URL',
			name: 'customUrl',
			type: 'string',
			default: 'http://127.0.0.1:18080/x',
			description: 'Where it is served',
			displayOptions: { show: { environment: ['custom'] } },
		});
	});

	it('adds a description under the choice only when given', () => {
		const url = { kind: 'Base URL', name: 'customBaseUrl', default: '', description: '' } as const;
		expect(environmentProperties({ hosted: [], url })[0]).not.toHaveProperty('description');
		expect(environmentProperties({ hosted: [], url, description: 'No public test environment' })[0].description).toBe('No public test environment');
	});

	it('builds the test URL expression from the custom URL or the hosted gateway', () => {
		expect(gatewayUrlExpression('https://p')).toBe('={{ $credentials.environment === "custom" ? $credentials.customUrl : "https://p" }}');
		expect(gatewayUrlExpression('https://p', 'https://s')).toBe(
			'={{ $credentials.environment === "custom" ? $credentials.customUrl : ($credentials.environment === "sandbox" ? "https://s" : "https://p") }}',
		);
		expect(trimmedCustomUrl).toContain('$credentials.customUrl.slice(0, -1)');
	});
});
