// Reserves one unit of a SKU for each of its orders (one call per order, or `batch` orders per call), on
// the store the parent names; waits for 'go' so every worker starts competing at the same moment. Args: compiled lib folder, JSON payload.
const path = require('node:path');
const [libDir, payloadText] = process.argv.slice(2);
const { openStore } = require(path.join(libDir, 'lib/store'));
const { config, orderIds, sku, batch } = JSON.parse(payloadText);

(async () => {
	const store = await openStore({ ...config, maxConnections: 1 });
	process.send({ type: 'ready' });
	await new Promise((resolve) => process.once('message', resolve));
	const started = process.hrtime.bigint();
	let reserved = 0;
	let short = 0;
	const size = batch ?? 1;
	for (let i = 0; i < orderIds.length; i += size) {
		const part = orderIds.slice(i, i + size);
		const actor = `worker-${process.pid}`;
		const results = batch
			? await store.reserveForOrders(part.map((orderId) => ({ orderId, lines: [{ lineId: '1', masterSku: sku, quantity: 1 }] })), { actor })
			: [await store.reserveForOrder(part[0], [{ lineId: '1', masterSku: sku, quantity: 1 }], { actor })];
		for (const result of results) {
			if (result.ok) reserved++;
			else short++;
		}
	}
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	await store.close();
	process.send({ type: 'done', reserved, short, ms }, () => process.exit(0));
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
