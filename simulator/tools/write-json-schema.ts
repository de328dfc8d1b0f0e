import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenariosDir } from '../paths.js';
import { schemaText } from './json-schema.js';

/** `npm run schema`: regenerates scenarios/scenario.schema.json from the zod schema. */
const target = join(scenariosDir, 'scenario.schema.json');
writeFileSync(target, schemaText());
process.stdout.write(`wrote ${target}\n`);
