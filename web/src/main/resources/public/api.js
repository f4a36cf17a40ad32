// Calls to the service. When the service needs a token (it answers 401), the page asks for one once,
// keeps it for this tab (sessionStorage) and sends it as 'Authorization: Bearer <token>' on every call.
// Progress events are read with fetch streaming rather than EventSource, which cannot send that header
// (and a token in the URL would land in logs).
const TOKEN_KEY = 'puffindb.token';

function authorized(options = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = new Headers(options.headers || {});
  if (token) headers.set('Authorization', `Bearer ${token}`);
  return { ...options, headers };
}

export async function api(path, options = {}) {
  const sent = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(path, authorized(options));
  if (response.status !== 401) return response;
  // Several calls may meet the 401 at once; prompt() blocks the page, so only the first asks and the others reuse its answer.
  if (sessionStorage.getItem(TOKEN_KEY) === sent) {
    const token = window.prompt('This PuffinDB service needs a token (PUFFINDB_AUTH_TOKEN or a line of its token file, without the user):');
    if (!token) return response;
    sessionStorage.setItem(TOKEN_KEY, token.trim());
  }
  return fetch(path, authorized(options));
}

// Asks for the token when the page opens, if the service needs one, rather than in the middle of a first run.
export function signIn() {
  return api('/v1/queries').catch(() => {});
}

// Follows a Server-Sent Events stream: calls on[eventName](data) per event; returns { close() }.
export function events(path, on) {
  const aborter = new AbortController();
  (async () => {
    const response = await api(path, { signal: aborter.signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffered += value;
      let end;
      while ((end = buffered.indexOf('\n\n')) >= 0) {
        const block = buffered.slice(0, end);
        buffered = buffered.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (on[name]) on[name](data.join('\n'));
      }
    }
  })().catch(() => {}); // closed, or the service went away: progress simply stops
  return { close: () => aborter.abort() };
}

/**
 * Parses an answer keeping each number inside an array (a row's cells) as the text the service sent:
 * DECIMAL(15,2) 12.50 stays `12.50` and a BIGINT beyond 2^53 keeps its digits, as DuckDB prints them.
 * (A browser without JSON.parse's source text falls back to JavaScript numbers.)
 */
export function exactJson(text) {
  return JSON.parse(text, function (key, value, context) {
    return typeof value === 'number' && Array.isArray(this) && context && context.source !== undefined ? context.source : value;
  });
}
