// The shipped templates wired to the local sandbox: credentials with the names the templates use, and copies of
// the templates with fixed workflow ids so `n8n execute --id` can run them. Used by the template e2e and the demo.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// scripts/ in the repo, or dist/scripts/ once built.
const REPO_ROOT = path.resolve(__dirname, path.basename(path.dirname(__dirname)) === 'dist' ? '../..' : '..');
export const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

/** Workflow id per template (n8n ids are at most 21 characters). */
export function templateId(file: string): string {
	return `uo${path.basename(file, '.json').replace(/[^a-z0-9]/gi, '')}`.slice(0, 21);
}

export function templateFiles(dir = WORKFLOWS_DIR): string[] {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => path.join(dir, file));
}

/** Writes each template unchanged except for its id into `destination`; returns the copies. */
export function templatesWithIds(destination: string, files = templateFiles()): string[] {
	mkdirSync(destination, { recursive: true });
	return files.map((file) => {
		const workflow = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
		const copy = path.join(destination, path.basename(file));
		writeFileSync(copy, JSON.stringify({ ...workflow, id: templateId(file), active: false }, null, '\t'));
		return copy;
	});
}

// Sandbox accounts (docs/sandbox.md): the shops the pull template reads.
export const SANDBOX_SHOPS = {
	taobao: 'tb-flagship',
	jd: '10139288',
	wechat_shop: 'wx-shop',
	xiaohongshu: '5f8a1c2b3d4e5f6a7b8c9d01',
	douyin: '4463798',
	pinduoduo: '880001',
	shopify: 'sandbox-tea.myshopify.com',
	woocommerce: 'sandbox-shop.example.com',
} as const;
export const SANDBOX_ROBOT_TOKEN = 'sandbox-dingtalk-open';
export const SANDBOX_WECHAT_PUSH_TOKEN = 'sandbox-push-token';

export interface CredentialImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** Credentials named as in the templates, pointing at a sandbox on `sandboxUrl` and a SQLite store file. */
export function sandboxCredentials(sandboxUrl: string, storeFile: string): CredentialImport[] {
	return [
		{ id: 'uoCredStore00001', name: 'Order Store', type: 'orderStoreApi', data: { backend: 'sqlite', filePath: storeFile, accessProfile: 'full' } },
		{
			id: 'uoCredTaobao0001',
			name: 'Taobao shop',
			type: 'taobaoApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/taobao/router/rest`,
				appKey: '21000001',
				appSecret: 'sandbox-taobao-secret-0001',
				accessToken: 'tbsess-flagship-0001',
				refreshToken: 'tbsess-flagship-0001-refresh',
				shopId: SANDBOX_SHOPS.taobao,
				signMethod: 'md5',
			},
		},
		{
			id: 'uoCredJd00000001',
			name: 'JD shop',
			type: 'jdApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/jd/routerjson`,
				appKey: 'JDSANDBOXAPPKEY0001',
				appSecret: 'sandbox-jd-secret-0001',
				accessToken: 'jdtoken-flagship-0001',
				shopId: SANDBOX_SHOPS.jd,
			},
		},
		{
			id: 'uoCredWechat0001',
			name: 'WeChat shop',
			type: 'wechatShopApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/wechat`,
				appId: 'wx5a1d0b2c3e4f5a6b',
				appSecret: 'sandbox-wechat-secret-0001',
				shopId: SANDBOX_SHOPS.wechat_shop,
				grantMode: 'stable',
				pushToken: SANDBOX_WECHAT_PUSH_TOKEN,
			},
		},
		{
			id: 'uoCredXhs0000001',
			name: 'Xiaohongshu shop',
			type: 'xiaohongshuApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/xhs/ark/open_api/v3/common_controller`,
				appId: 'xhs-sandbox-app-0001',
				appSecret: 'sandbox-xhs-secret-0001',
				accessToken: 'token-xhs-sandbox-seller-0001',
				refreshToken: 'refresh-xhs-sandbox-seller-0001',
				sellerId: SANDBOX_SHOPS.xiaohongshu,
			},
		},
		{
			id: 'uoCredDouyin0001',
			name: 'Douyin shop',
			type: 'douyinApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/douyin`,
				appKey: '7000000000000000001',
				appSecret: 'sandbox-douyin-secret-0001',
				shopId: SANDBOX_SHOPS.douyin,
				accessToken: 'token-douyin-sandbox-shop-0001',
				refreshToken: 'refresh-douyin-sandbox-shop-0001',
				signMethod: 'hmac-sha256',
			},
		},
		{
			id: 'uoCredPdd0000001',
			name: 'Pinduoduo shop',
			type: 'pinduoduoApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/pinduoduo/api/router`,
				clientId: 'pdd-sandbox-client-0001',
				clientSecret: 'sandbox-pdd-secret-0001',
				accessToken: 'pddtoken-flagship-0001',
				shopId: SANDBOX_SHOPS.pinduoduo,
			},
		},
		{
			id: 'uoCredShopify001',
			name: 'Shopify store',
			type: 'shopifyUnifiedApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/shopify`,
				shopDomain: SANDBOX_SHOPS.shopify,
				accessToken: 'shpat_sandbox_cny_0001',
				apiSecret: 'sandbox-shopify-secret-cny',
			},
		},
		{
			id: 'uoCredWooComm001',
			name: 'WooCommerce site',
			type: 'wooCommerceUnifiedApi',
			data: {
				environment: 'custom',
				customUrl: `${sandboxUrl}/woocommerce`,
				siteUrl: `https://${SANDBOX_SHOPS.woocommerce}`,
				consumerKey: 'ck_sandbox_cny_0000000000000000000000000001',
				consumerSecret: 'cs_sandbox_cny_0000000000000000000000000001',
				authMode: 'basic',
			},
		},
		{
			id: 'uoCredSfExpress1',
			name: 'SF Express',
			type: 'sfExpressApi',
			data: {
				environment: 'custom',
				customBaseUrl: `${sandboxUrl}/sf`,
				partnerId: 'SANDBOX_SF_PARTNER',
				checkWordSecret: 'sandbox-sf-check-word',
				auth: 'digest',
				pushToken: 'sandbox-sf-push-token',
			},
		},
		{
			id: 'uoCredKdniao0001',
			name: 'Kdniao',
			type: 'kdniaoApi',
			data: { environment: 'custom', customBaseUrl: `${sandboxUrl}/kdniao`, eBusinessId: '1900001', apiKey: 'sandbox-kdniao-app-key' },
		},
		{
			id: 'uoCredDingTalk01',
			name: 'DingTalk ops group',
			type: 'dingTalkRobotApi',
			data: { environment: 'custom', customBaseUrl: `${sandboxUrl}/dingtalk`, token: SANDBOX_ROBOT_TOKEN },
		},
		{
			id: 'uoCredKuaidi1001',
			name: 'Kuaidi100',
			type: 'kuaidi100Api',
			data: {
				environment: 'custom',
				customBaseUrl: `${sandboxUrl}/kuaidi100`,
				customer: 'SANDBOXCUSTOMER0001',
				authKey: 'sandbox-kuaidi100-key',
				secret: 'sandbox-kuaidi100-secret',
				pushSecret: 'sandbox-push-salt',
			},
		},
	];
}
