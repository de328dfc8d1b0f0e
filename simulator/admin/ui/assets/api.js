// The admin API, from the browser. Answers are never thrown: callers show errors to the QA person.
const ADMIN = '/__admin';

export async function api(method, path, body) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    // A string is scenario text (YAML, or JSON which YAML reads too); never text/plain, which the
    // admin API refuses as a type any web page could send it.
    init.headers['content-type'] = typeof body === 'string' ? 'application/yaml' : 'application/json';
  }
  let res;
  try {
    res = await fetch(ADMIN + path, init);
  } catch (error) {
    return { ok: false, status: 0, data: { error: `the simulator did not answer: ${error.message}` } };
  }
  // The admin token is on and this console's login is gone (a restart): show the login page.
  if (res.status === 401) window.location.reload();
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = { error: text };
  }
  return { ok: res.ok, status: res.status, data };
}

export const errorText = (result) => result.data?.error ?? `${result.status}`;
