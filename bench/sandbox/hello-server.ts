// Baseline for the sandbox benches: the smallest node:http server, answering a fixed JSON body
// (plus its CPU time at /_admin/stats, like the sandbox).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Optional second argument: answer this many bytes instead (a baseline that moves as many bytes as a page).
const size = Number(process.argv[3] ?? 0);
const body = size > 0 ? Buffer.alloc(size, 'x') : Buffer.from(JSON.stringify({ hello: 'world' }));
const server = createServer((req, res) => {
	if (req.url === '/_admin/stats') {
		const cpu = process.cpuUsage();
		res.end(JSON.stringify({ cpuMs: Math.round((cpu.user + cpu.system) / 1000) }));
		return;
	}
	res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
	res.end(body);
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
	process.stdout.write(`hello server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
