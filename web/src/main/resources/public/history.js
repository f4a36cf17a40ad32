// The history side panel: this user's last queries as the service keeps them (GET /v1/queries?state=finished,
// so it survives a reload), each with its SQL, time, rows and status; a click reopens one.
import { api } from './api.js';

const SHOWN = 50;

/** Lists the caller's recent queries into `list`; onOpen(query) reopens one (its SQL and plan). */
export async function drawHistory(list, onOpen) {
  const response = await api(`/v1/queries?state=finished&limit=${SHOWN}`);
  if (!response.ok) return;
  const { queries } = await response.json();
  list.replaceChildren(...queries.map(query => {
    const item = document.createElement('li');
    item.className = `history-item ${query.state.toLowerCase()}`;
    item.dataset.queryId = query.queryId;
    item.title = query.sql;
    const sql = document.createElement('code');
    sql.textContent = query.sql;
    const facts = document.createElement('small');
    const status = query.error ? `${query.error.code}` : `${query.rows.toLocaleString()} rows`;
    facts.textContent = `${new Date(query.start).toLocaleTimeString()} · ${status} · ${query.durationMillis} ms`;
    item.append(sql, facts);
    item.addEventListener('click', () => onOpen(query));
    return item;
  }));
}
