// One small form per session action, drawn from the JSON Schema of the action's parameters.
import { h } from './dom.js';

/** A field for one parameter: a select for enums, a number, a checkbox, text, or JSON for the rest. */
function field(name, schema, required) {
  const choices =
    schema.enum ?? (schema.anyOf ?? schema.oneOf)?.map((s) => s.const).filter((v) => v !== undefined);
  const hint = schema.description ?? '';
  const placeholder =
    schema.default !== undefined ? String(schema.default) : required ? 'required' : 'optional';
  let input;
  let read;
  if (choices?.length) {
    input = h(
      'select',
      { name },
      required
        ? null
        : h('option', { value: '' }, schema.default === undefined ? '—' : `— (${schema.default})`),
      ...choices.map((c) => h('option', { value: String(c) }, String(c))),
    );
    read = () => (input.value === '' ? undefined : choices.find((c) => String(c) === input.value));
  } else if (schema.type === 'integer' || schema.type === 'number') {
    // zod's int() bounds are ±2^53: only bounds a person would type are worth showing.
    const bound = (v) => (Math.abs(v) < 1e9 ? v : undefined);
    input = h('input', {
      name,
      type: 'number',
      placeholder,
      min: bound(schema.minimum),
      max: bound(schema.maximum),
    });
    read = () => (input.value === '' ? undefined : Number(input.value));
  } else if (schema.type === 'boolean') {
    input = h('input', { name, type: 'checkbox' });
    read = () => input.checked;
  } else if (schema.type === 'string') {
    input = h('input', { name, placeholder, size: 14 });
    read = () => (input.value === '' ? undefined : input.value);
  } else {
    input = h('textarea', { name, rows: 2, cols: 28, placeholder: `${placeholder} JSON`, spellcheck: false });
    read = () => {
      if (input.value.trim() === '') return undefined;
      try {
        return JSON.parse(input.value);
      } catch (error) {
        throw new Error(`${name} is not JSON: ${error.message}`);
      }
    };
  }
  const label = h(
    'label',
    { class: 'param', title: hint },
    h('span', {}, `${name}${required ? ' *' : ''}`),
    input,
  );
  return { label, read: () => ({ name, value: read() }) };
}

/**
 * `run(params)` is called with the filled-in parameters; it reports errors itself. A parameter
 * that cannot be read (bad JSON) is reported through `fail(message)`.
 */
export function actionForm(action, run, fail) {
  const schema = action.params ?? {};
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, s]) =>
    field(name, s, required.has(name)),
  );
  const form = h(
    'form',
    { class: 'action', dataset: { action: action.name } },
    h('button', { type: 'submit', class: 'primary', title: action.description }, action.name),
    fields.map((f) => f.label),
    h('small', { class: 'muted' }, action.description),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const params = {};
    try {
      for (const f of fields) {
        const { name, value } = f.read();
        if (value !== undefined) params[name] = value;
      }
    } catch (error) {
      return fail(error.message);
    }
    form.querySelector('button').disabled = true;
    try {
      await run(params);
    } finally {
      form.querySelector('button').disabled = form.dataset.unavailable !== undefined;
    }
  });
  return form;
}

/** Enables or disables the whole form; `why` shows as its tooltip while it is disabled. */
export function setAvailable(form, available, why) {
  if (available) delete form.dataset.unavailable;
  else form.dataset.unavailable = why;
  form.title = available ? '' : why;
  for (const control of form.elements) control.disabled = !available;
}
