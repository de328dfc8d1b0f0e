import { z } from 'zod';
import type { ApiDescription, ApiOperation } from '../engine/api-document.js';
import type { Runtime } from '../runtime.js';
import { advanceBody, modeBody } from './clock.js';
import { journalQuery } from './journal.js';
import { scenarioFileQuery } from './scenario.js';
import { sessionQuery } from './sessions.js';

/** The admin plane's one error shape. */
export const adminErrorSchema = z
  .object({ error: z.string().describe('What failed, and what to do about it') })
  .passthrough();

const error = (description: string) => ({ description, schema: adminErrorSchema });

/**
 * `POST /sessions/{id}/actions`: `{action, ...params}`, one alternative per action of every
 * session kind, each the very params schema the action is validated with, plus its name.
 */
function actionBody(runtime: Runtime): z.ZodType {
  const alternatives: z.ZodType[] = [];
  for (const { provider, kind } of runtime.kinds.describe()) {
    const actions = runtime.kinds.get(provider, kind)?.actions ?? {};
    for (const [name, action] of Object.entries(actions)) {
      const tag = z.literal(name).describe(`${provider} ${kind}: ${action.description}`);
      // Params built on first use (engine/lazy-schema.ts) are documented as the schema they build.
      const params = action.params instanceof z.ZodLazy ? action.params.unwrap() : action.params;
      alternatives.push(
        params instanceof z.ZodObject
          ? params.extend({ action: tag })
          : z.intersection(z.object({ action: tag }), params),
      );
    }
  }
  return alternatives.length > 1
    ? z.union(alternatives as [z.ZodType, z.ZodType, ...z.ZodType[]])
    : (alternatives[0] ?? z.object({ action: z.string() }));
}

function operations(runtime: Runtime): ApiOperation[] {
  const session = { id: 'Session id, as listed by GET /sessions' };
  const document = { file: '<name>.json, as listed by GET /api-documents' };
  return [
    {
      method: 'get',
      path: '/health',
      tag: 'simulator',
      summary: 'Is kyc-sim up',
      responses: { 200: { description: '`{"status": "ok"}`' } },
    },
    {
      method: 'get',
      path: '/sessions',
      tag: 'sessions',
      summary: 'Sessions of every provider, newest first, without their data',
      query: sessionQuery,
      responses: {
        200: { description: '`{sessions: [{id, provider, kind, state, createdAt, updatedAt}]}`' },
      },
    },
    {
      method: 'get',
      path: '/sessions/:id',
      params: session,
      tag: 'sessions',
      summary: 'One session: data, timeline, the actions it takes, its pending steps and its traffic',
      responses: {
        200: { description: 'The session record with `actions` and `traffic`' },
        404: error('No such session'),
      },
    },
    {
      method: 'post',
      path: '/sessions/:id/actions',
      params: session,
      tag: 'sessions',
      summary: 'Run an action on a session (complete, fail, decide a check…)',
      body: { schema: actionBody(runtime), description: 'The action by name, and its parameters' },
      responses: {
        200: { description: '`{id, state, action}`: the state after the action' },
        400: error('Unknown action or invalid parameters'),
        404: error('No such session'),
        409: error('The session has ended or the action does not apply now'),
      },
    },
    {
      method: 'get',
      path: '/kinds',
      tag: 'sessions',
      summary:
        'Every session kind: states, ended states with their tone, step types, actions with JSON Schema params',
      responses: { 200: { description: '`{kinds: [...]}`' } },
    },
    {
      method: 'get',
      path: '/clock',
      tag: 'clock',
      summary: 'The clock: mode, now, pending timers',
      responses: { 200: { description: '`{mode, now, iso, pendingTimers: [{id, dueAt, label}]}`' } },
    },
    {
      method: 'put',
      path: '/clock',
      tag: 'clock',
      summary: 'Switch the clock between real and manual time',
      body: { schema: modeBody },
      responses: { 200: { description: 'The clock' }, 400: error('Not a mode') },
    },
    {
      method: 'post',
      path: '/clock/advance',
      tag: 'clock',
      summary: 'Move the manual clock on, firing due timers in order',
      body: { schema: advanceBody },
      responses: {
        200: { description: 'The clock' },
        400: error('Not a whole number of milliseconds'),
        409: error('The clock is real'),
      },
    },
    {
      method: 'get',
      path: '/requests',
      tag: 'journal',
      summary: 'The request journal: HTTP requests, websocket frames and webhooks, newest first',
      query: journalQuery,
      responses: {
        200: { description: '`{total, count, requests: [...]}`' },
        400: error('A filter is malformed'),
      },
    },
    {
      method: 'get',
      path: '/requests/count',
      tag: 'journal',
      summary: 'How many journal entries match the filters (WireMock’s /requests/count)',
      query: journalQuery,
      responses: { 200: { description: '`{count, total}`' }, 400: error('A filter is malformed') },
    },
    {
      method: 'delete',
      path: '/requests',
      tag: 'journal',
      summary: 'Empty the journal',
      responses: { 204: { description: 'Emptied' } },
    },
    {
      method: 'get',
      path: '/events',
      tag: 'journal',
      summary: 'Server-Sent Events: hello, journal, sessions, clock',
      responses: { 200: { description: 'An event stream', contentType: 'text/event-stream' } },
    },
    {
      method: 'get',
      path: '/scenario',
      tag: 'scenario',
      summary: 'The loaded scenario, its source and seed',
      responses: { 200: { description: '`{source, seed, scenario}`' } },
    },
    {
      method: 'put',
      path: '/scenario',
      tag: 'scenario',
      summary: 'Load a scenario: the body (YAML or JSON), or a file by ?file=',
      description: 'Sessions, timers and fault counters start afresh. An invalid scenario changes nothing.',
      query: scenarioFileQuery,
      body: {
        schema: runtime.scenarioSchema,
        required: false,
        description: 'The scenario (JSON; YAML is taken too)',
      },
      responses: {
        200: { description: '`{status: "loaded", name, source}`' },
        400: error('The scenario is invalid: file, path and reason'),
        403: error('The file is outside the allowed folders'),
      },
    },
    {
      method: 'get',
      path: '/scenario/overrides',
      tag: 'scenario',
      summary: 'The partial scenarios merged over the loaded one, and the result',
      responses: { 200: { description: '`{overrides: [...], scenario}`' } },
    },
    {
      method: 'post',
      path: '/scenario/overrides',
      tag: 'scenario',
      summary: 'Merge part of a scenario over the one in force (per-test control, like sim.use())',
      description:
        'Objects merge by key; an object with another `type` replaces the old one; arrays of objects merge by identity (`id`, or a key ending in `Id` or `Key`: `sdkId`, `apiKey`, `clientKey`), new ones added; other values replace. Running sessions and timers keep going. The whole result is validated; an invalid one changes nothing. `POST /reset` or `DELETE` drops the overrides.',
      body: {
        contentType: 'application/json',
        description:
          'Part of a scenario (JSON or YAML), e.g. `{"yoti": {"apps": [{"sdkId": "…", "scenarios": [{"id": "…", "outcome": {"type": "fail"}}]}]}}`',
      },
      responses: {
        200: { description: '`{status: "merged", overrides, scenario}`' },
        400: error('The merged scenario is invalid: file, path and reason'),
      },
    },
    {
      method: 'delete',
      path: '/scenario/overrides',
      tag: 'scenario',
      summary: 'Drop every override; sessions keep going',
      responses: { 200: { description: '`{status: "cleared", overrides: [], scenario}`' } },
    },
    {
      method: 'get',
      path: '/faults',
      tag: 'scenario',
      summary: "The scenario's faults and how often each has fired",
      responses: { 200: { description: '`{faults: [...]}`' } },
    },
    {
      method: 'post',
      path: '/reset',
      tag: 'scenario',
      summary: 'Back to the loaded scenario: no overrides, sessions or timers, an empty journal',
      responses: { 200: { description: '`{status: "reset", scenario}`' } },
    },
    {
      method: 'get',
      path: '/openapi/:file',
      params: document,
      tag: 'documents',
      summary: 'The OpenAPI 3.1 document of a simulated API, or of this admin API (admin.json)',
      responses: { 200: { description: 'An OpenAPI 3.1 document' }, 404: error('No such document') },
    },
    {
      method: 'get',
      path: '/asyncapi/:file',
      params: document,
      tag: 'documents',
      summary: "The AsyncAPI 3 document of a provider's websockets",
      responses: { 200: { description: 'An AsyncAPI 3.0 document' }, 404: error('No such document') },
    },
    {
      method: 'get',
      path: '/api-documents',
      tag: 'documents',
      summary: 'Which API documents there are',
      responses: { 200: { description: '`{openapi: [{name, url}], asyncapi: [{name, url}]}`' } },
    },
  ];
}

/** The admin API at /__admin, its providers' own admin routes included; the console's page is not an API. */
export function adminApiDescription(runtime: Runtime): ApiDescription {
  const providerOperations = runtime.providers.flatMap(({ definition }) =>
    (definition.adminOperations ?? []).map((op) => ({
      ...op,
      path: `/${definition.name}${op.path}`,
      tag: op.tag ?? definition.name,
    })),
  );
  return {
    title: 'kyc-sim admin API',
    description:
      'The control plane of kyc-sim: sessions and their actions, the clock, the request journal, scenarios, and these documents. Errors are `{error, ...detail}`. With an admin token, every call needs `Authorization: Bearer <token>`.',
    securitySchemes: {
      adminToken: {
        type: 'http',
        scheme: 'bearer',
        description: 'Only when kyc-sim was started with an admin token',
      },
    },
    // A token is needed only when kyc-sim was started with one.
    security: [{}, { adminToken: [] }],
    operations: [...operations(runtime), ...providerOperations],
  };
}
