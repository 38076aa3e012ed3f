// Checks the built package the way n8n will load it: every file the `n8n` section lists exists in dist/,
// every node and credential the build emits is listed, and each loads with the icons it references.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require(path.join(root, 'package.json'));

function walk(dir: string, suffix: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return walk(full, suffix);
		return full.endsWith(suffix) ? [path.relative(root, full)] : [];
	});
}

function iconPaths(icon: unknown): string[] {
	if (!icon) return [];
	if (typeof icon === 'string') return [icon];
	return Object.values(icon as Record<string, string>);
}

function loadClass(file: string) {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(path.join(root, file));
	const classes = Object.values(exported) as Array<new () => { description: Record<string, unknown> }>;
	expect(classes).toHaveLength(1);
	return new classes[0]();
}

describe('package', () => {
	it('is a community node package n8n accepts', () => {
		expect(pkg.name).toBe('n8n-nodes-unified-orders');
		expect(pkg.keywords).toContain('n8n-community-node-package');
		expect(pkg.license).toBe('MIT');
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(pkg.files).toEqual(['dist', 'workflows']);
		expect(pkg.n8n.n8nNodesApiVersion).toBe(1);
	});

	it('lists exactly the nodes the build emits', () => {
		const emitted = walk(path.join(root, 'dist/nodes'), '.node.js').sort();
		expect(emitted.length).toBeGreaterThan(0);
		expect([...pkg.n8n.nodes].sort()).toEqual(emitted);
	});

	it('lists exactly the credentials the build emits', () => {
		const emitted = walk(path.join(root, 'dist/credentials'), '.credentials.js').sort();
		expect([...pkg.n8n.credentials].sort()).toEqual(emitted);
	});

	it.each(pkg.n8n.nodes as string[])('%s loads, is named after its file and has its icons', (file) => {
		const node = loadClass(file);
		const base = path.basename(file, '.node.js');
		expect(node.description.name).toBe(base[0].toLowerCase() + base.slice(1));
		const icons = iconPaths(node.description.icon);
		expect(icons.length).toBeGreaterThan(0);
		for (const icon of icons) {
			expect(existsSync(path.resolve(root, path.dirname(file), icon.replace(/^file:/, '')))).toBe(true);
		}
	});

	it('every listed credential loads, is named after its file and has its icons', () => {
		for (const file of pkg.n8n.credentials as string[]) {
			const credential = loadClass(file) as unknown as { name: string; icon: unknown };
			const base = path.basename(file, '.credentials.js');
			expect(credential.name).toBe(base[0].toLowerCase() + base.slice(1));
			for (const icon of iconPaths(credential.icon)) {
				expect(existsSync(path.resolve(root, path.dirname(file), icon.replace(/^file:/, '')))).toBe(true);
			}
		}
	});
});
