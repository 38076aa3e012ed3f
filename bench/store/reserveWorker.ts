// One reserver process for reserve.ts: opens the store, waits for 'go', reserves one unit per order.
import { openStore, type StoreConfig } from '../../lib/store';

interface Task {
	config: StoreConfig;
	orders: Array<{ id: string; sku: string }>;
}

async function main(): Promise<void> {
	const task = JSON.parse(process.argv[2]) as Task;
	const store = await openStore({ ...task.config, migrate: false });
	process.send!({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	let reserved = 0;
	for (const order of task.orders) {
		const result = await store.reserveForOrder(order.id, [{ lineId: '1', masterSku: order.sku, quantity: 1 }], { actor: 'bench' });
		if (result.ok) reserved++;
	}
	await store.close();
	process.send!({ type: 'done', reserved }, () => process.exit(0));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
