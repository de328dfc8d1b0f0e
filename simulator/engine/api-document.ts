import { z } from 'zod';

/**
 * API documents (OpenAPI 3.1) built from the zod schemas the routes validate with, so a document
 * cannot say something the route does not check. A provider (or the admin plane) lists its
 * operations as data; this module turns them into a document. Provider-neutral.
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiBody {
  /** The schema the route parses the body with; absent for bodies that are not JSON (images). */
  schema?: z.ZodType;
  /** application/json when absent. */
  contentType?: string;
  description?: string;
  required?: boolean;
}

export interface ApiResponse {
  description: string;
  schema?: z.ZodType;
  /** application/json when a schema is given and this is absent. */
  contentType?: string;
}

export interface ApiOperation {
  method: HttpMethod;
  /** Below the mount prefix, in Hono's syntax: `/api/v1/sessions/:sessionId`. */
  path: string;
  summary: string;
  description?: string;
  tag?: string;
  /** Descriptions of the path's `:params`; every one is a required string. */
  params?: Record<string, string>;
  /** The schema the route reads its query with (an object of optional strings, mostly). */
  query?: z.ZodObject | z.ZodLazy<z.ZodObject>;
  /** Request headers the route reads, by name. */
  headers?: Record<string, { description: string; required?: boolean }>;
  body?: ApiBody;
  responses: Record<number, ApiResponse>;
  /** Names of `securitySchemes` any one of which the route takes; none means open. */
  security?: string[];
}

export interface ApiDescription {
  title: string;
  description: string;
  tags?: { name: string; description: string }[];
  securitySchemes?: Record<string, Record<string, unknown>>;
  /** What every operation takes unless it says otherwise (OpenAPI security requirements). */
  security?: Record<string, string[]>[];
  operations: ApiOperation[];
}

type JsonSchema = Record<string, unknown>;

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1) of what a client sends or may send. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

/** Hono's `/a/:id/b` as OpenAPI's `/a/{id}/b`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const pathParams = (path: string) => [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]);

/**
 * Moves each schema's own `$defs` (zod emits them for recursive schemas) into
 * `components.schemas`, since a `#/...` reference inside a document resolves against the document.
 */
class SchemaComponents {
  readonly schemas: Record<string, JsonSchema> = {};

  place(schema: z.ZodType, name: string): JsonSchema {
    const converted = jsonSchemaOf(schema);
    const defs = (converted.$defs ?? {}) as Record<string, JsonSchema>;
    delete converted.$defs;
    const refs = new Map<string, string>();
    const hasSelfRef = JSON.stringify(converted).includes('"$ref":"#"');
    if (hasSelfRef) refs.set('#', this.#unique(name));
    for (const key of Object.keys(defs)) refs.set(`#/$defs/${key}`, this.#unique(`${name}_${key}`));
    if (refs.size === 0) return converted;
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value === null || typeof value !== 'object') return value;
      const out: JsonSchema = {};
      for (const [k, v] of Object.entries(value)) {
        out[k] =
          k === '$ref' && typeof v === 'string' && refs.has(v)
            ? `#/components/schemas/${refs.get(v)}`
            : rewrite(v);
      }
      return out;
    };
    for (const [key, def] of Object.entries(defs))
      this.schemas[refs.get(`#/$defs/${key}`) as string] = rewrite(def) as JsonSchema;
    const root = rewrite(converted) as JsonSchema;
    if (!hasSelfRef) return root;
    const rootName = refs.get('#') as string;
    this.schemas[rootName] = root;
    return { $ref: `#/components/schemas/${rootName}` };
  }

  #unique(name: string): string {
    const base = name.replace(/[^A-Za-z0-9._-]/g, '_');
    let candidate = base;
    for (let i = 2; candidate in this.schemas; i++) candidate = `${base}${i}`;
    this.schemas[candidate] = {};
    return candidate;
  }
}

/** `operationId`s are unique and readable: the method and the path's words. */
function operationId(op: ApiOperation): string {
  const words = op.path
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-');
  // `/x/` and `/x` are two paths (Biometric.kz's legacy SDK asks for both).
  const slash = op.path.length > 1 && op.path.endsWith('/') ? '-slash' : '';
  return `${op.method}-${words}${slash}`.replace(/[^A-Za-z0-9-]/g, '_');
}

/** An OpenAPI 3.1 document of `api`, served below `serverUrl` (the mount prefix included). */
export function openApiDocument(api: ApiDescription, serverUrl: string, version: string): JsonSchema {
  const components = new SchemaComponents();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of api.operations) {
    const id = operationId(op);
    const parameters: JsonSchema[] = pathParams(op.path).map((name) => ({
      name,
      in: 'path',
      required: true,
      schema: { type: 'string' },
      ...(op.params?.[name] ? { description: op.params[name] } : {}),
    }));
    if (op.query) {
      const query = jsonSchemaOf(op.query);
      const required = new Set((query.required as string[] | undefined) ?? []);
      for (const [name, schema] of Object.entries((query.properties ?? {}) as Record<string, JsonSchema>)) {
        const { description, ...rest } = schema;
        parameters.push({
          name,
          in: 'query',
          required: required.has(name),
          schema: rest,
          ...(description ? { description } : {}),
        });
      }
    }
    for (const [name, header] of Object.entries(op.headers ?? {})) {
      parameters.push({
        name,
        in: 'header',
        required: header.required ?? false,
        description: header.description,
        schema: { type: 'string' },
      });
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(op.responses)) {
      const contentType = response.contentType ?? (response.schema ? 'application/json' : undefined);
      responses[status] = {
        description: response.description,
        ...(contentType
          ? {
              content: {
                [contentType]: response.schema
                  ? { schema: components.place(response.schema, `${id}-${status}`) }
                  : {},
              },
            }
          : {}),
      };
    }
    const operation: JsonSchema = {
      operationId: id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.tag ? { tags: [op.tag] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(op.body
        ? {
            requestBody: {
              required: op.body.required ?? true,
              ...(op.body.description ? { description: op.body.description } : {}),
              content: {
                [op.body.contentType ?? 'application/json']: op.body.schema
                  ? { schema: components.place(op.body.schema, `${id}-body`) }
                  : {},
              },
            },
          }
        : {}),
      responses,
      ...(op.security ? { security: op.security.map((name) => ({ [name]: [] })) } : {}),
    };
    const path = openApiPath(op.path);
    paths[path] ??= {};
    if (paths[path][op.method])
      throw new Error(`${api.title}: ${op.method.toUpperCase()} ${op.path} is listed twice`);
    paths[path][op.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: api.title, version, description: api.description },
    servers: [{ url: serverUrl, description: 'this kyc-sim' }],
    ...(api.tags ? { tags: api.tags } : {}),
    ...(api.security ? { security: api.security } : {}),
    paths,
    components: {
      schemas: components.schemas,
      ...(api.securitySchemes ? { securitySchemes: api.securitySchemes } : {}),
    },
  };
}
