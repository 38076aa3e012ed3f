import type { JsonSchema } from '../../../lib/model';

/**
 * A deliberately small JSON Schema checker covering the keywords buildOrderSchema() emits
 * ($ref to #/$defs, type, properties, required, additionalProperties: false, enum, pattern, minLength,
 * minimum, maximum, items, minItems). Returns the JSON paths of failures. An unknown keyword is an error,
 * so the schema cannot grow a rule this checker would silently skip.
 */
export function checkAgainstSchema(value: unknown, root: JsonSchema): string[] {
	const failures: string[] = [];
	const known = new Set([
		'$schema', 'title', 'description', '$defs', '$ref', 'type', 'properties', 'required',
		'additionalProperties', 'enum', 'pattern', 'format', 'minLength', 'minimum', 'maximum', 'items', 'minItems',
	]);

	const visit = (node: unknown, schema: JsonSchema, path: string): void => {
		for (const keyword of Object.keys(schema)) {
			if (!known.has(keyword)) throw new Error(`checker does not know keyword ${keyword}`);
		}
		const fail = (why: string): void => {
			failures.push(`${path}: ${why}`);
		};
		if (typeof schema.$ref === 'string') {
			const name = schema.$ref.replace('#/$defs/', '');
			const target = (root.$defs as Record<string, JsonSchema>)[name];
			if (!target) throw new Error(`dangling $ref ${schema.$ref}`);
			visit(node, target, path);
			return;
		}
		switch (schema.type) {
			case undefined:
				break;
			case 'integer':
				if (!Number.isInteger(node)) return fail('not an integer');
				break;
			case 'array':
				if (!Array.isArray(node)) return fail('not an array');
				break;
			case 'object':
				if (typeof node !== 'object' || node === null || Array.isArray(node)) return fail('not an object');
				break;
			default:
				if (typeof node !== schema.type) return fail(`not a ${String(schema.type)}`);
		}
		if (Array.isArray(schema.enum) && !schema.enum.includes(node)) fail('not in enum');
		if (typeof node === 'string') {
			if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(node)) fail('pattern');
			if (typeof schema.minLength === 'number' && node.length < schema.minLength) fail('minLength');
		}
		if (typeof node === 'number') {
			if (typeof schema.minimum === 'number' && node < schema.minimum) fail('minimum');
			if (typeof schema.maximum === 'number' && node > schema.maximum) fail('maximum');
		}
		if (Array.isArray(node)) {
			if (typeof schema.minItems === 'number' && node.length < schema.minItems) fail('minItems');
			if (schema.items) node.forEach((item, i) => visit(item, schema.items as JsonSchema, `${path}[${i}]`));
		}
		if (schema.type === 'object' && typeof node === 'object' && node !== null) {
			const record = node as Record<string, unknown>;
			const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
			for (const key of (schema.required ?? []) as string[]) {
				if (!(key in record)) fail(`missing ${key}`);
			}
			for (const [key, child] of Object.entries(record)) {
				if (properties[key]) visit(child, properties[key], `${path}.${key}`);
				else if (schema.additionalProperties === false) fail(`extra ${key}`);
			}
		}
	};

	visit(value, root, '$');
	return failures;
}
