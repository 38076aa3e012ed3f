// One reserver process for reserve.ts: opens the store, waits for 'go', reserves one unit per order
// (one call per order, or --batch orders per call).
import { openStore, type StoreConfig } from '../../lib/store';
import { reserveShare } from './common';

interface Task {
	config: StoreConfig;
	orders: Array<{ id: string; sku: string }>;
	/** Orders per call (1: reserveForOrder). */
	batch?: number;
}

async function main(): Promise<void> {
	const task = JSON.parse(process.argv[2]) as Task;
	const store = await openStore({ ...task.config, migrate: false });
	process.send!({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	const reserved = await reserveShare(store, task.orders, task.batch ?? 1);
	await store.close();
	process.send!({ type: 'done', reserved }, () => process.exit(0));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
