import { createRequire } from 'node:module';
import { join } from 'node:path';
import type protobuf from 'protobufjs';
import { protoDir } from '../../paths.js';

/**
 * protobufjs itself, loaded on first use from the installed package (as `yaml` is for the YAML
 * worker), so the CLI bundle neither carries nor compiles it at start.
 */
const loadProtobuf = () => createRequire(import.meta.url)('protobufjs') as typeof protobuf;

/**
 * Protobuf message types from proto/, read and parsed on first use rather than when the module
 * loads: a simulator serving other providers, or started only to answer a health check, never
 * pays for the .proto files.
 */
export function protoTypes<K extends string>(
  files: readonly string[],
  names: Record<K, string>,
): () => Record<K, protobuf.Type> {
  let types: Record<K, protobuf.Type> | undefined;
  return () => {
    if (!types) {
      const root = loadProtobuf().loadSync(files.map((file) => join(protoDir, file)));
      types = Object.fromEntries(
        Object.entries<string>(names).map(([key, name]) => [key, root.lookupType(name)]),
      ) as Record<K, protobuf.Type>;
    }
    return types;
  };
}
