// Writes docs/unified-order.schema.json from lib/model/schema.ts. A unit test fails when the committed file
// differs from renderSchemaFile(), so run this after changing the model:
//   npm run build && npx node dist/scripts/emit-schema.js        (from the repository root)
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOrderSchema } from '../lib/model/schema';

/** Repository-relative path of the shipped schema. */
export const SCHEMA_FILE = 'docs/unified-order.schema.json';

/** Exactly the bytes the script writes: tab-indented JSON with a trailing newline. */
export function renderSchemaFile(): string {
	return `${JSON.stringify(buildOrderSchema(), null, '\t')}\n`;
}

if (require.main === module) {
	const target = resolve(process.cwd(), process.argv[2] ?? SCHEMA_FILE);
	writeFileSync(target, renderSchemaFile());
	console.log(`wrote ${target}`);
}
