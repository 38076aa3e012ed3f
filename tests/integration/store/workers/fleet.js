// Starts one worker process per payload, lets them all begin at the same moment, and reports their
// 'done' messages. Forking from this small process is far cheaper than from a large test runner.
// Args: compiled lib folder, JSON { script, payloads: [...] }.
const { fork } = require('node:child_process');
const path = require('node:path');
const [libDir, payloadText] = process.argv.slice(2);
const { script, payloads } = JSON.parse(payloadText);

const nextOf = (child, type) =>
	new Promise((resolve, reject) => {
		child.on('message', (m) => m.type === type && resolve(m));
		child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before sending ${type}`)));
	});

(async () => {
	const children = payloads.map((payload) =>
		fork(path.join(__dirname, script), [libDir, JSON.stringify(payload)], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
	);
	const ready = children.map((child) => nextOf(child, 'ready'));
	const done = children.map((child) => nextOf(child, 'done'));
	await Promise.all(ready);
	for (const child of children) child.send('go');
	const results = await Promise.all(done);
	process.send({ type: 'done', results }, () => process.exit(0));
})().catch((err) => {
	console.error(err);
	process.exit(1);
});
