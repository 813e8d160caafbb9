import * as fs from 'fs';
import * as path from 'path';
import { compileResourceRules, ProviderNotes, ResourceRules } from './resource-rules';
import { ProviderSchemaJson, VersionedSchema } from './values';

const SCHEMA_FOLDER = path.resolve(__dirname, '..', '..', '..', 'data', 'provider-schemas');

/** A provider's schema and compiled notes, as the server loads them, from data/provider-schemas/. */
export interface LoadedProvider {
  readonly resourceSchemas: Record<string, VersionedSchema>;
  readonly rules: Map<string, ResourceRules>;
}

/** Loads `data/provider-schemas/<file>.schema.json` and its notes, e.g. `alicloud-1.289.0`. */
export function loadProvider(file: string): LoadedProvider {
  const read = (suffix: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_FOLDER, `${file}.${suffix}.json`), 'utf8'));
  const [schema] = Object.values(read('schema').provider_schemas as Record<string, ProviderSchemaJson>);
  const resourceSchemas = schema.resource_schemas ?? {};
  return { resourceSchemas, rules: compileResourceRules(read('notes') as ProviderNotes, resourceSchemas) };
}
