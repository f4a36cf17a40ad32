// The cluster page: the MONOSTORE and each worker with its state, running tasks and SSD cache,
// and the queries running now. Refreshed every 2 s while shown.
import { api } from './api.js';
import { heading, dataTable, PolledView } from './dom.js';

export class ClusterView extends PolledView {
  async load() {
    const response = await api('/v1/cluster');
    const cluster = await response.json();
    this.container.replaceChildren(
      heading('h3', 'Workers'),
      dataTable(['id', 'location', 'state', 'tasks running', ...CACHE_HEADERS], cluster.workers.map(worker => [
        worker.id, worker.location, state(worker), worker.activeTasks, ...cacheCells(worker.cache)]), 'cluster-workers'),
      heading('h3', 'MONOSTORE'),
      dataTable(['location', ...CACHE_HEADERS], [[cluster.monostore.location, ...cacheCells(cluster.monostore.cache)]], 'cluster-monostore'),
      heading('h3', 'Running queries'),
      dataTable(['id', 'sql', 'tasks', 'rows', 'elapsed'], cluster.queries.map(query => [
        query.queryId, query.sql, `${query.tasksDone}/${query.tasksTotal}`, query.rows, `${query.elapsedMillis} ms`]), 'cluster-queries'));
  }
}

const CACHE_HEADERS = ['cached files', 'cached', 'budget', 'hits', 'misses', 'fetched', 'evictions', 'promoted in', 'in RAM'];

function state(worker) {
  const where = worker.inProcess ? 'in-process' : 'remote';
  return `live (${where}, heartbeat ${worker.millisSinceHeartbeat} ms ago)`;
}

function cacheCells(cache) {
  if (!cache) return CACHE_HEADERS.map(() => '—');
  return [cache.files, bytes(cache.bytes), bytes(cache.budgetBytes), cache.hits, cache.misses, bytes(cache.bytesFetched), cache.evictions,
    cache.promotedIn, cache.ramBudgetBytes > 0 ? `${cache.ramFiles} files, ${bytes(cache.ramBytes)} of ${bytes(cache.ramBudgetBytes)}` : '—'];
}

export function bytes(count) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

