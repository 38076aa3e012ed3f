// n8n's maintained community-node rules (@n8n/eslint-plugin-community-nodes) for the package, nodes and
// credentials; typescript-eslint for everything else. The pack targets self-hosted n8n (the store opens
// files and PostgreSQL), so it uses the rule set without n8n Cloud restrictions.
import tseslint from 'typescript-eslint';
import { configs as n8nConfigs } from '@n8n/eslint-plugin-community-nodes';

const n8n = n8nConfigs.recommendedWithoutN8nCloudSupport;

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', '**/*.js', '**/*.mjs', 'package-lock.json'] },
	...tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })),
	{
		files: ['**/*.ts'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: n8n.plugins,
		rules: {
			...Object.fromEntries(Object.entries(n8n.rules)),
			// The order store needs a PostgreSQL driver and luxon at run time; self-hosted n8n installs them
			// with the package (neither compiles native code).
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		plugins: n8n.plugins,
		rules: {
			...n8n.rules,
			'@n8n/community-nodes/no-runtime-dependencies': 'off',
		},
	},
	{
		// The domain core runs outside n8n too (sandbox, benches): it must not depend on n8n or on the nodes.
		files: ['lib/**/*.ts'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{ group: ['n8n-workflow', 'n8n-core'], message: 'lib/ stays free of n8n imports.' },
						{ group: ['**/nodes/**', '**/credentials/**', '**/sandbox/**'], message: 'lib/ never imports outward.' },
					],
				},
			],
		},
	},
);
