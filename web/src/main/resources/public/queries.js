// The operator's page: the queries running now and the last ones that ended (GET /v1/queries and
// ?state=finished: the service keeps the last --query-history; an admin sees everyone's). Refreshed every 2 s while shown.
import { api } from './api.js';
import { bytes } from './cluster.js';
import { heading, dataTable, PolledView } from './dom.js';

const RECENT = 100;

export class QueriesView extends PolledView {
  async load() {
    const [running, recent] = await Promise.all([api('/v1/queries'), api(`/v1/queries?state=finished&limit=${RECENT}`)]
      .map(async call => (await (await call).json()).queries));
    this.container.replaceChildren(
      heading('h3', `Running (${running.length})`),
      dataTable(['id', 'sql', 'LAMBDA tasks', 'rows', 'elapsed'], running.map(query => [
        query.queryId, query.sql, `${query.tasksDone}/${query.tasksTotal}`, query.rows, `${query.elapsedMillis} ms`]), 'queries-running'),
      heading('h3', `Recent (last ${recent.length})`),
      dataTable(['id', 'user', 'state', 'started', 'time', 'rows', 'read', 'exchanged', 'sql', 'error'], recent.map(query => [
        query.queryId, query.user, query.state, new Date(query.start).toLocaleString(), `${query.durationMillis} ms`, query.rows,
        bytes(query.bytesRead), bytes(query.bytesExchanged), query.sql, query.error ? `${query.error.code}: ${query.error.message}` : '']), 'queries-recent'));
  }
}
