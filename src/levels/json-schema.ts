/** JSON Schema for editors, generated from the loader's own zod schemas. */
import { z } from 'zod';
import { levelSchema, packSchema } from './schema';

const BASE = 'https://netquest.invalid/schema';

export function levelJsonSchema(): object {
  return { ...z.toJSONSchema(levelSchema, { io: 'input', unrepresentable: 'any' }), $id: `${BASE}/level.schema.json`, title: 'netquest level' };
}

export function packJsonSchema(): object {
  return { ...z.toJSONSchema(packSchema, { io: 'input', unrepresentable: 'any' }), $id: `${BASE}/pack.schema.json`, title: 'netquest level pack' };
}
