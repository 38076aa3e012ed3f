// Opens (and so migrates) the store on 'go'; with many of these at once, migrations must run exactly once.
// Args: compiled lib folder, JSON payload { config }.
const path = require('node:path');
const [libDir, payloadText] = process.argv.slice(2);
const { openStore } = require(path.join(libDir, 'lib/store'));
const { config } = JSON.parse(payloadText);

process.send({ type: 'ready' });
process.once('message', async () => {
	try {
		const store = await openStore(config);
		const { schemaVersion } = await store.stats();
		await store.close();
		process.send({ type: 'done', schemaVersion }, () => process.exit(0));
	} catch (err) {
		console.error(err);
		process.exit(1);
	}
});
