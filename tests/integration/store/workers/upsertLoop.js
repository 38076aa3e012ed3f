// Upserts batches of fresh orders forever, reporting each commit; the parent kills it with SIGKILL at an
// arbitrary moment. Args: compiled lib folder, JSON payload { config, batchSize, firstBatch }.
const path = require('node:path');
const [libDir, payloadText] = process.argv.slice(2);
const { openStore } = require(path.join(libDir, 'lib/store'));
const { fixtureOrders } = require(path.join(libDir, 'bench/store/fixtures'));
const { config, batchSize, firstBatch = 0 } = JSON.parse(payloadText);

(async () => {
	const store = await openStore(config);
	process.send({ type: 'ready' });
	for (let batch = firstBatch; ; batch++) {
		const orders = fixtureOrders(batchSize, {}, batch * batchSize);
		process.send({ type: 'writing', batch });
		await store.upsertOrders(orders, { actor: 'crash-test' });
		process.send({ type: 'committed', batch });
	}
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
