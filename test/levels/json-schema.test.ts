import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { levelJsonSchema, packJsonSchema } from '../../src/levels/json-schema';

const shipped = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../schema/${name}`, import.meta.url)), 'utf8'));

describe('the JSON Schemas for editors', () => {
  it('are generated from the schema the loader uses (run `npm run schema` after changing it)', () => {
    expect(shipped('level.schema.json')).toEqual(JSON.parse(JSON.stringify(levelJsonSchema())));
    expect(shipped('pack.schema.json')).toEqual(JSON.parse(JSON.stringify(packJsonSchema())));
  });

  it('describe the keys authors write', () => {
    const s = shipped('level.schema.json') as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(s.properties)).toEqual(expect.arrayContaining(['id', 'title', 'topology', 'goals', 'solution', 'reject']));
    expect(s.required).toEqual(expect.arrayContaining(['id', 'title', 'topology', 'par', 'solution']));
  });
});
