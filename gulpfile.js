// Copies node and credential icons next to the compiled files, where n8n looks for them.
const path = require('node:path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

function copyIcons() {
	const nodeSource = path.resolve('nodes', '**', '*.{png,svg}');
	const nodeDestination = path.resolve('dist', 'nodes');
	src(nodeSource, { encoding: false }).pipe(dest(nodeDestination));

	const credSource = path.resolve('credentials', '**', '*.{png,svg}');
	const credDestination = path.resolve('dist', 'credentials');
	src(credSource, { encoding: false }).pipe(dest(credDestination));

	const sharedSource = path.resolve('icons', '**', '*.{png,svg}');
	const sharedDestination = path.resolve('dist', 'icons');
	return src(sharedSource, { encoding: false }).pipe(dest(sharedDestination));
}
