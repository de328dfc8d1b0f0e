import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { scenariosDir } from '../paths.js';
import { schemaText } from './json-schema.js';

it('scenarios/scenario.schema.json is current (run `npm run schema` after changing a scenario schema)', () => {
  const committed = readFileSync(join(scenariosDir, 'scenario.schema.json'), 'utf8');
  expect(JSON.parse(committed)).toEqual(JSON.parse(schemaText()));
});

it('describes the top-level sections and the tagged fault types', () => {
  const schema = JSON.parse(schemaText());
  expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['name', 'seed', 'faults', 'yoti']));
  expect(JSON.stringify(schema.properties.faults)).toContain('ws-close');
});
