// The cluster page: the MONOSTORE and each worker with its state, running tasks and SSD cache,
// and the queries running now. Refreshed every 2 s while shown.
import { api } from './api.js';

const REFRESH_MILLIS = 2000;

export class ClusterView {
  constructor(container, updated) {
    this.container = container;
    this.updated = updated;
    this.timer = null;
  }

  start() {
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MILLIS);
  }

  stop() {
    clearInterval(this.timer);
    this.timer = null;
  }

  async refresh() {
    const response = await api('/v1/cluster');
    const cluster = await response.json();
    this.container.replaceChildren(
      heading('Workers'),
      table(['id', 'location', 'state', 'tasks running', ...CACHE_HEADERS], cluster.workers.map(worker => [
        worker.id, worker.location, state(worker), worker.activeTasks, ...cacheCells(worker.cache)]), 'workers'),
      heading('MONOSTORE'),
      table(['location', ...CACHE_HEADERS], [[cluster.monostore.location, ...cacheCells(cluster.monostore.cache)]], 'monostore'),
      heading('Running queries'),
      table(['id', 'sql', 'tasks', 'rows', 'elapsed'], cluster.queries.map(query => [
        query.queryId, query.sql, `${query.tasksDone}/${query.tasksTotal}`, query.rows, `${query.elapsedMillis} ms`]), 'queries'));
    this.updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
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

function heading(text) {
  const element = document.createElement('h3');
  element.textContent = text;
  return element;
}

function table(headers, rows, id) {
  const element = document.createElement('table');
  element.id = `cluster-${id}`;
  const head = element.createTHead().insertRow();
  for (const header of headers) {
    const cell = document.createElement('th');
    cell.textContent = header;
    head.append(cell);
  }
  const body = element.createTBody();
  for (const row of rows) {
    const line = body.insertRow();
    for (const value of row) {
      const cell = line.insertCell();
      cell.textContent = String(value);
      if (typeof value === 'number') cell.className = 'number';
    }
  }
  return element;
}
