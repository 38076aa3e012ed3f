// `npm run demo`: the sandbox (seeded, live clock) and a real n8n with this package, the templates imported with
// sandbox credentials, the order pull (with its audit) run once, a small catalog mapped and the stock sync run once,
// a summary of each, and the editor left open on localhost until Ctrl-C.
import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type OrderStore } from '../lib/store';
import type { RecordedWrite } from '../sandbox/core/recorder';
import { PROVIDER_FACTORIES } from '../sandbox/providers';
import { dingtalkProvider } from '../sandbox/providers/dingtalk';
import { feishuProvider } from '../sandbox/providers/feishu';
import { SHOPIFY_SHOPS } from '../sandbox/providers/shopify/models';
import { wecomProvider } from '../sandbox/providers/wecom';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { importCredentials, importWorkflows, n8nCommand } from './n8n/cli';
import { createInstance, removeInstance, type N8nInstance } from './n8n/instance';
import { startN8n, stopN8n } from './n8n/server';
import { DEMO_CHANNELS, demoListings, formatTable, stockWritesByChannel, type DemoListing } from './demoCatalog';
import { SANDBOX_ROBOT_TOKEN, SANDBOX_SHOPS, sandboxCredentials, templateId, templatesWithIds } from './templates';

const EDITOR_PORT = Number(process.env.DEMO_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.DEMO_SANDBOX_PORT ?? 18080);
const ORDERS_PER_CHANNEL = 200;
const LISTINGS_PER_CHANNEL = 2;
const DEMO_WAREHOUSE = 'hz';

const say = (line: string) => process.stdout.write(`${line}\n`);

async function adminGet<T>(sandbox: Sandbox, urlPath: string): Promise<T> {
	const response = await fetch(`${sandbox.url}/_admin${urlPath}`);
	if (!response.ok) throw new Error(`GET /_admin${urlPath}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** Orders per sandbox shop with the Order Audit decisions written back, and dead letters. */
async function orderSummary(store: OrderStore): Promise<string[]> {
	const rows: string[][] = [['channel', 'shop', 'orders stored', 'audited', 'held', 'blocked', 'dead letters']];
	const count = async (search: Parameters<OrderStore['searchOrders']>[0]) => String((await store.searchOrders({ ...search, limit: 1, withTotal: true })).total ?? 0);
	for (const [channel, shopId] of Object.entries(SANDBOX_SHOPS)) {
		const dead = await store.listDeadLetters({ source: `${channel}/${shopId}`, limit: 1000 });
		rows.push([
			channel,
			shopId,
			await count({ channel, shopId }),
			await count({ channel, shopId, auditDecision: ['approved', 'held', 'blocked'] }),
			await count({ channel, shopId, auditDecision: 'held' }),
			await count({ channel, shopId, auditDecision: 'blocked' }),
			String(dead.length),
		]);
	}
	return formatTable(rows);
}

/** Why the audit held orders: each rule's hits among the held and blocked orders, most frequent first. */
async function holdReasons(store: OrderStore): Promise<string[]> {
	const hits = new Map<string, number>();
	let cursor: string | undefined;
	do {
		const page = await store.searchOrders({ auditDecision: ['held', 'blocked'], limit: 500, cursor });
		for (const order of page.orders) for (const hit of order.audit?.hits ?? []) hits.set(hit.rule, (hits.get(hit.rule) ?? 0) + 1);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return [...hits].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`);
}

/** Texts the sandbox DingTalk robot the templates post to received, oldest first. */
async function robotTexts(sandbox: Sandbox): Promise<string[]> {
	const { messages } = await adminGet<{ messages: Array<{ data: { body: { text?: { content: string }; markdown?: { text: string } } } }> }>(
		sandbox,
		`/dingtalk/messages?robot=${SANDBOX_ROBOT_TOKEN}`,
	);
	return messages.map((m) => m.data.body.markdown?.text ?? m.data.body.text?.content ?? '');
}

/** A few listings per channel mapped to master SKUs with stock in one warehouse, as a seller sets up before syncing. */
async function setUpCatalog(store: OrderStore, sandbox: Sandbox): Promise<DemoListing[]> {
	const location = SHOPIFY_SHOPS.find((shop) => shop.domain === SANDBOX_SHOPS.shopify)!.locationId;
	const listings = demoListings((channel, shopId) => sandbox.world.truth.catalog(channel, shopId), location, LISTINGS_PER_CHANNEL);
	await store.upsertWarehouses([{ id: DEMO_WAREHOUSE, name: '杭州仓 Hangzhou' }]);
	await store.upsertMasterSkus(listings.map((l) => ({ sku: l.masterSku, title: l.title })));
	await store.setOnHand(listings.map((l) => ({ warehouseId: DEMO_WAREHOUSE, masterSku: l.masterSku, onHand: l.onHand })));
	await store.upsertMappings(listings.map((l) => ({ channel: l.channel, shopId: l.shopId, channelSkuId: l.channelSkuId, masterSku: l.masterSku })));
	return listings;
}

/** The stock writes each channel's emulator recorded for the sandbox shop. */
async function stockSummary(sandbox: Sandbox, listings: DemoListing[]): Promise<{ lines: string[]; total: number }> {
	const { writes } = await adminGet<{ writes: RecordedWrite[] }>(sandbox, '/pushed?kind=stock');
	const byChannel = stockWritesByChannel(writes);
	const rows: string[][] = [['channel', 'listings mapped', 'stock updates', 'quantities pushed (SKU=quantity)']];
	for (const channel of DEMO_CHANNELS) {
		rows.push([channel, String(listings.filter((l) => l.channel === channel).length), String(byChannel[channel].length), byChannel[channel].join(', ')]);
	}
	return { lines: formatTable(rows), total: DEMO_CHANNELS.reduce((sum, channel) => sum + byChannel[channel].length, 0) };
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
	const started = Date.now();
	const factories = [...PROVIDER_FACTORIES, dingtalkProvider, wecomProvider, feishuProvider].filter(
		(factory, index, all) => all.findIndex((other) => other.name === factory.name) === index,
	);
	const sandbox = await startSandbox({ port: SANDBOX_PORT, orders: ORDERS_PER_CHANNEL, seed: 'demo', clock: 'live', windowDays: 7, factories });
	say(`sandbox on ${sandbox.url} (live clock, ${ORDERS_PER_CHANNEL} orders per channel)`);

	let instance: N8nInstance | undefined;
	let stopping = false;
	const shutdown = async (code: number) => {
		if (stopping) return;
		stopping = true;
		say('\nstopping n8n and the sandbox ...');
		if (instance) await stopN8n(instance).catch(() => undefined);
		await sandbox.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void shutdown(0));
	process.on('SIGTERM', () => void shutdown(0));

	try {
		say('installing n8n if needed (the first time takes several minutes; progress below) and packing this package ...');
		const base = `http://localhost:${EDITOR_PORT}/`;
		instance = await createInstance({ env: { N8N_PORT: String(EDITOR_PORT), N8N_WEBHOOK_URL: base, N8N_EDITOR_BASE_URL: base } });
		// On Ctrl-C the harness kills n8n's process group and exits at once; the folder goes after it.
		const created = instance;
		process.on('exit', () => removeInstance(created));
		instance.port = EDITOR_PORT;
		instance.baseUrl = `http://127.0.0.1:${EDITOR_PORT}`;
		const storeFile = path.join(instance.userFolder, 'store', 'orders.sqlite');
		mkdirSync(path.dirname(storeFile), { recursive: true });
		await importCredentials(instance, sandboxCredentials(sandbox.url, storeFile));
		await importWorkflows(instance, templatesWithIds(path.join(instance.userFolder, 'templates')));
		say('templates imported; pulling orders once (n8n execute) ...');
		// The store is the summary's source: n8n's printed run data for hundreds of orders can be cut short at exit.
		const pullStarted = Date.now();
		const pull = await n8nCommand(instance, ['execute', `--id=${templateId('pull-orders.json')}`]);
		if (pull.code !== 0) throw new Error(`pull-orders failed (exit ${pull.code ?? pull.signal}); see ${instance.logFile}`);
		say(`pull-orders ran in ${seconds(pullStarted)}: orders stored and audited (Order Audit decisions written back)`);
		const store = await openStore({ kind: 'sqlite', path: storeFile });
		let listings: DemoListing[];
		try {
			for (const line of await orderSummary(store)) say(`  ${line}`);
			const reasons = await holdReasons(store);
			if (reasons.length) say(`  audit hits on held / blocked orders: ${reasons.join(', ')}`);
			const texts = await robotTexts(sandbox);
			say(`  DingTalk messages to the team robot: ${texts.length}`);
			for (const text of texts) say(`    ${text.split('\n')[0]}`);

			listings = await setUpCatalog(store, sandbox);
			say(`catalog: ${listings.length} listings (${LISTINGS_PER_CHANNEL} per channel) mapped to master SKUs with stock in warehouse ${DEMO_WAREHOUSE}; syncing stock once (n8n execute) ...`);
		} finally {
			await store.close();
		}
		const syncStarted = Date.now();
		const sync = await n8nCommand(instance, ['execute', `--id=${templateId('stock-sync.json')}`]);
		if (sync.code !== 0) throw new Error(`stock-sync failed (exit ${sync.code ?? sync.signal}); see ${instance.logFile}`);
		say(`stock-sync ran in ${seconds(syncStarted)}: on hand minus the template's safety stock (2) pushed to each listing`);
		const stock = await stockSummary(sandbox, listings);
		for (const line of stock.lines) say(`  ${line}`);
		say(`  stock updates pushed to channels: ${stock.total}`);
		await startN8n(instance);
		say('');
		say(`n8n editor: http://localhost:${EDITOR_PORT}  (ready ${seconds(started)} after the demo started)`);
		say(`  email    ${instance.owner.email}`);
		say(`  password ${instance.owner.password}`);
		say(`  data     ${instance.userFolder} (deleted on exit; N8N_E2E_KEEP=1 keeps it)`);
		say(`  host     ${os.hostname()}; sandbox admin ${sandbox.url}/_admin/health`);
		say('Press Ctrl-C to stop.');
	} catch (error) {
		process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
		await shutdown(1);
	}
}

void main();
