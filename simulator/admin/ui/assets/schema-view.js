// A JSON Schema (2020-12, as in OpenAPI 3.1 and AsyncAPI 3 documents) drawn as a nested list.
import { h } from './dom.js';

/** The schema a local `$ref` points at in `doc`, or undefined. */
function resolve(ref, doc) {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

/** "string", "array of object", "integer ≥ 0", "enum"… */
function typeLabel(schema) {
  if (schema.const !== undefined) return `= ${JSON.stringify(schema.const)}`;
  if (schema.enum) return 'enum';
  let type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (!type && schema.properties) type = 'object';
  if (!type && (schema.anyOf || schema.oneOf)) type = 'one of';
  if (!type && schema.allOf) type = 'all of';
  if (type === 'array' && schema.items)
    type = `array of ${typeLabel(schema.items.$ref ? { type: 'object' } : schema.items)}`;
  return type ?? 'any';
}

function constraints(schema) {
  const out = [];
  if (schema.format) out.push(schema.format);
  if (schema.minLength !== undefined) out.push(`≥ ${schema.minLength} chars`);
  if (schema.maxLength !== undefined) out.push(`≤ ${schema.maxLength} chars`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.exclusiveMinimum !== undefined) out.push(`> ${schema.exclusiveMinimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.pattern) out.push(`matches ${schema.pattern}`);
  if (schema.minItems !== undefined) out.push(`≥ ${schema.minItems} items`);
  if (schema.maxItems !== undefined) out.push(`≤ ${schema.maxItems} items`);
  if (schema.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  if (schema.additionalProperties === false) out.push('no other fields');
  if (schema.enum) out.push(schema.enum.map((v) => JSON.stringify(v)).join(' | '));
  return out.length ? h('span', { class: 'constraints' }, out.join(' · ')) : null;
}

/** The children of a schema: properties, alternatives, array items. */
function children(schema, doc, seen) {
  const items = schema.type === 'array' && schema.items ? schema.items : undefined;
  if (items) return children(items.$ref ? (resolve(items.$ref, doc) ?? {}) : items, doc, seen);
  const parts = [];
  if (schema.properties) {
    const required = new Set(schema.required ?? []);
    parts.push(
      Object.entries(schema.properties).map(([name, sub]) => node(name, sub, required.has(name), doc, seen)),
    );
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    if (schema[key])
      parts.push(
        schema[key].map((sub, i) =>
          node(`${key === 'allOf' ? 'and' : 'or'} #${i + 1}`, sub, false, doc, seen),
        ),
      );
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object' && !schema.properties)
    parts.push(node('[any key]', schema.additionalProperties, false, doc, seen));
  return parts.length ? h('ul', { class: 'schema' }, parts) : null;
}

function node(name, schema, required, doc, seen) {
  let own = schema;
  let refName;
  if (schema.$ref) {
    refName = schema.$ref.split('/').at(-1);
    if (seen.has(schema.$ref))
      return h('li', {}, h('code', {}, name), ' ', h('span', { class: 'type' }, `${refName} (see above)`));
    own = resolve(schema.$ref, doc) ?? {};
    seen = new Set([...seen, schema.$ref]);
  }
  return h(
    'li',
    {},
    h('code', {}, name),
    required ? h('span', { class: 'required', title: 'required' }, '*') : '',
    ' ',
    h('span', { class: 'type' }, refName ? `${refName}: ${typeLabel(own)}` : typeLabel(own)),
    ' ',
    constraints(own),
    own.description ? h('div', { class: 'muted' }, own.description) : null,
    children(own, doc, seen),
  );
}

/** The schema as a tree; `{}` (anything) says so. */
export function schemaView(schema, doc) {
  const own = schema.$ref ? (resolve(schema.$ref, doc) ?? {}) : schema;
  const seen = new Set(schema.$ref ? [schema.$ref] : []);
  const tree = children(own, doc, seen);
  return h(
    'div',
    { class: 'schema-root' },
    h('span', { class: 'type' }, typeLabel(own)),
    ' ',
    constraints(own),
    own.description ? h('div', { class: 'muted' }, own.description) : null,
    tree,
  );
}
