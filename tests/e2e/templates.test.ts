// The shipped templates inside real n8n, against the sandbox on a live clock: pull every channel into a SQLite
// store, run it again (nothing new), then the daily report and the backup; compared with the sandbox's truth.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { executeWorkflow, importCredentials, importWorkflows } from '../../scripts/n8n/cli';
import type { N8nInstance } from '../../scripts/n8n/instance';
import { nodeOutputs } from '../../scripts/n8n/run-data';
import { SANDBOX_ROBOT_TOKEN, SANDBOX_SHOPS, sandboxCredentials, templateId, templatesWithIds } from '../../scripts/templates';
import { openStore, type OrderStore } from '../../lib/store';
import { PROVIDER_FACTORIES } from '../../sandbox/providers';
import { dingtalkProvider } from '../../sandbox/providers/dingtalk';
import { jdOrderState } from '../../sandbox/providers/jd/render';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { bootInstance, SETUP_TIMEOUT_MS, shutdown, STEP_TIMEOUT_MS, timed } from './harness';

const ORDERS_PER_CHANNEL = 40;
const CHANNELS = Object.keys(SANDBOX_SHOPS) as Array<keyof typeof SANDBOX_SHOPS>;
const factories = [...PROVIDER_FACTORIES, dingtalkProvider].filter(
	(factory, index, all) => all.findIndex((other) => other.name === factory.name) === index,
);

interface TruthSummary {
	channelOrderId: string;
	status: string;
}

async function admin<T>(sandbox: Sandbox, urlPath: string): Promise<T> {
	const response = await fetch(`${sandbox.url}/_admin${urlPath}`);
	if (!response.ok) throw new Error(`GET /_admin${urlPath}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

/** The sandbox's orders of the shop that the channel's API lists (JD lists an order only once it is paid). */
async function truthOf(sandbox: Sandbox, channel: string): Promise<TruthSummary[]> {
	const shopId = SANDBOX_SHOPS[channel as keyof typeof SANDBOX_SHOPS];
	const query = `channel=${channel}&shopId=${encodeURIComponent(shopId)}&view=summary`;
	const { orders } = await admin<{ orders: TruthSummary[] }>(sandbox, `/orders?${query}`);
	if (channel !== 'jd') return orders;
	const { truth } = sandbox.world;
	const listed = new Set(
		truth
			.allOrders()
			.filter((order) => order.channel === channel && jdOrderState(truth.snapshot(order)) !== undefined)
			.map((order) => order.channelOrderId),
	);
	return orders.filter((order) => listed.has(order.channelOrderId));
}

async function storedIds(store: OrderStore, channel: string): Promise<string[]> {
	const ids: string[] = [];
	let cursor: string | undefined;
	do {
		const page = await store.searchOrders({ channel, limit: 200, cursor });
		ids.push(...page.orders.map((order) => order.channelOrderId));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return ids;
}

describe('shipped templates inside n8n against the sandbox (live clock)', () => {
	let instance: N8nInstance | undefined;
	let sandbox: Sandbox | undefined;
	let store: OrderStore | undefined;
	let storeFile: string;

	beforeAll(async () => {
		sandbox = await startSandbox({ orders: ORDERS_PER_CHANNEL, seed: 'templates-e2e', clock: 'live', windowDays: 7, factories });
		instance = await bootInstance();
		const booted = instance;
		storeFile = path.join(booted.userFolder, 'store', 'orders.sqlite');
		await timed(booted, 'import credentials', () => importCredentials(booted, sandboxCredentials(sandbox!.url, storeFile)));
		const copies = templatesWithIds(path.join(booted.userFolder, 'templates'));
		await timed(booted, 'import templates', () => importWorkflows(booted, copies));
	}, SETUP_TIMEOUT_MS);

	afterAll(async () => {
		await store?.close();
		await sandbox?.close();
		await shutdown(instance, 'templates');
	}, STEP_TIMEOUT_MS);

	it('imports every template with no unknown node type', () => {
		const log = readFileSync(instance!.logFile, 'utf8');
		expect(log).not.toMatch(/Unrecognized node type|Unknown node type|is not known/i);
	});

	it('pull-orders stores every order of every channel once, and commits each cursor', async () => {
		const { run } = await timed(instance!, 'pull-orders', () => executeWorkflow(instance!, templateId('pull-orders.json')));
		expect(run.data.resultData.error).toBeUndefined();
		store = await openStore({ kind: 'sqlite', path: storeFile });
		for (const channel of CHANNELS) {
			const truth = (await truthOf(sandbox!, channel)).map((order) => order.channelOrderId).sort();
			expect([channel, truth.length > 0]).toEqual([channel, true]);
			const stored = await storedIds(store, channel);
			expect([channel, stored.length]).toEqual([channel, new Set(stored).size]);
			expect([channel, stored.sort()]).toEqual([channel, truth]);
			const cursor = await store.getCursor(channel, SANDBOX_SHOPS[channel], 'orders');
			expect([channel, typeof cursor?.watermark]).toEqual([channel, 'string']);
		}
		const invalid = nodeOutputs(run, 'Dead letters')[0] ?? [];
		expect(invalid).toEqual([]);
	}, STEP_TIMEOUT_MS);

	it('pull-orders run again finds nothing new: every order unchanged, still stored once', async () => {
		const { run } = await timed(instance!, 'pull-orders again', () => executeWorkflow(instance!, templateId('pull-orders.json')));
		expect(run.data.resultData.error).toBeUndefined();
		for (const channel of CHANNELS) {
			const label = { taobao: 'Taobao', jd: 'JD', wechat_shop: 'WeChat Shop' }[channel];
			const outcomes = (nodeOutputs(run, `Store ${label} orders`)[0] ?? []).map((item) => item.json.outcome);
			expect([channel, outcomes.filter((outcome) => outcome !== 'unchanged')]).toEqual([channel, []]);
			const stored = await storedIds(store!, channel);
			expect([channel, stored.length]).toEqual([channel, (await truthOf(sandbox!, channel)).length]);
		}
	}, STEP_TIMEOUT_MS);

	it('daily-report posts one digest of the orders paid in the last 24 hours to the DingTalk robot', async () => {
		const { run } = await timed(instance!, 'daily-report', () => executeWorkflow(instance!, templateId('daily-report.json')));
		expect(run.data.resultData.error).toBeUndefined();
		const paid = nodeOutputs(run, 'Orders paid in the last 24 h')[0] ?? [];
		const { messages } = await admin<{ messages: Array<{ data: { robot: string; body: { markdown?: { text: string } } } }> }>(
			sandbox!,
			`/dingtalk/messages?robot=${SANDBOX_ROBOT_TOKEN}`,
		);
		expect(messages).toHaveLength(1);
		const text = messages[0].data.body.markdown?.text ?? '';
		expect(text).toContain(`过去 24 小时付款 ${paid.length} 单`);
		for (const item of paid) expect(text).toContain(String(item.json.channelOrderId));
	}, STEP_TIMEOUT_MS);

	it('nightly-backup writes a copy of the store beside it', async () => {
		await timed(instance!, 'nightly-backup', () => executeWorkflow(instance!, templateId('nightly-backup.json')));
		const backups = path.join(path.dirname(storeFile), 'backups');
		expect(existsSync(backups)).toBe(true);
		expect(readdirSync(backups).length).toBe(1);
	}, STEP_TIMEOUT_MS);
});
