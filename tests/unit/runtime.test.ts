describe('runtime', () => {
	it('runs on the Node version n8n 2.x needs, with node:sqlite available', () => {
		const major = Number(process.versions.node.split('.')[0]);
		expect(major).toBeGreaterThanOrEqual(22);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { DatabaseSync } = require('node:sqlite');
		const db = new DatabaseSync(':memory:');
		expect(db.prepare('select sqlite_version() as v').get().v).toMatch(/^3\./);
		db.close();
	});
});
