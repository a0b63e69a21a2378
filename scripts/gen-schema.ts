/**
 * Writes schema/level.schema.json and schema/pack.schema.json from the zod schemas the
 * loader uses, so editor completion can never drift from what `check` accepts.
 * Run: npx tsx is not used here; `npm run schema` bundles this with esbuild and runs it.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { levelJsonSchema, packJsonSchema } from '../src/levels/json-schema';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/level.schema.json', `${JSON.stringify(levelJsonSchema(), null, 2)}\n`);
writeFileSync('schema/pack.schema.json', `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
console.log('wrote schema/level.schema.json and schema/pack.schema.json');
