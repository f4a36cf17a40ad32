// The query page: runs the editor's selection or statement at the cursor (POST /v1/query) while following
// its progress over Server-Sent Events, shows the rows in a virtual grid, and draws the placed plan, first
// with the planner's estimates (GET /v1/explain) and after the run with what the tasks did
// (/v1/queries/{id}/plan); beside it the catalog and this user's history.
import { SqlEditor } from './editor.bundle.js';
import { ResultGrid } from './grid.js';
import { drawPlan, compact, wholeDrawing } from './plan.js';
import { ClusterView, bytes } from './cluster.js';
import { QueriesView } from './queries.js';
import { drawCatalog } from './catalog.js';
import { drawHistory } from './history.js';
import { heading, hint } from './dom.js';
import { download, toCsv, arrowOf, svgBlob, pngBlob } from './exports.js';
import { api, events, signIn, exactJson } from './api.js';

const $ = id => document.getElementById(id);
const FIRST_SQL = `select l_returnflag, l_linestatus, count(*) as orders, sum(l_extendedprice) as revenue
from lineitem
group by l_returnflag, l_linestatus
order by l_returnflag, l_linestatus`;
const editor = new SqlEditor($('sql'), { doc: FIRST_SQL, onRun: () => run() });
// The editor for scripts driving the page (its tests set the text through it).
$('sql').editor = editor;
const grid = new ResultGrid($('grid'));
const cluster = new ClusterView($('cluster'), $('cluster-updated'));
const queries = new QueriesView($('queries'), $('queries-updated'));

let current = null; // { id, sql, events } while a query runs
let answer = null; // the last successful answer: { sql, columns, rows }
let explanation = null;

function newQueryId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : `q-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

async function run() {
  if (current) return;
  const { sql, from } = editor.runnable();
  if (!sql.trim()) return;
  const id = newQueryId();
  clearError();
  grid.clear();
  answer = null;
  setExportsEnabled(false);
  $('stats').textContent = 'running…';
  $('run').disabled = true;
  $('cancel').disabled = false;
  current = { id, sql, events: followProgress(id) };
  showEstimatedPlan(sql);
  const started = performance.now();
  try {
    const response = await api('/v1/query', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sql, queryId: id }),
    });
    const body = exactJson(await response.text());
    const millis = Math.round(performance.now() - started);
    if (!response.ok) {
      showError(body.error, from);
      $('stats').textContent = `${body.error.code === 'CANCELLED' ? 'cancelled' : 'failed'} after ${millis} ms`;
    } else {
      answer = { sql, columns: body.columns, rows: body.rows };
      grid.show(body.columns, body.rows);
      setExportsEnabled(true);
      $('stats').textContent = `${body.stats.rows.toLocaleString()} rows in ${millis} ms (planning ${body.stats.planMs} ms)`;
      if (body.error) showError(body.error, from); // failed after the first rows: what came is shown, marked incomplete
    }
  } catch (failure) {
    showError({ code: 'NETWORK', message: String(failure) });
    $('stats').textContent = 'failed';
  } finally {
    current.events.close();
    current = null;
    $('progress').hidden = true;
    $('run').disabled = false;
    $('cancel').disabled = true;
  }
  showActualPlan(id);
  refreshHistory();
}

function followProgress(id) {
  const stream = events(`/v1/queries/${encodeURIComponent(id)}/events`, {
    progress: data => showProgress(JSON.parse(data)),
    done: () => stream.close(),
  });
  return stream;
}

// The MONOSTORE's part counts as one unit of work beside the LAMBDA tasks: it is done only once it has delivered
// its last row, the query's end, so the bar never reads full while the MONOSTORE still works.
function showProgress(progress) {
  $('progress').hidden = false;
  $('progress-bar').max = progress.tasksTotal + 1;
  $('progress-bar').value = progress.tasksDone;
  const monostore = progress.tasksDone < progress.tasksTotal ? 'MONOSTORE reading their output' : 'MONOSTORE finishing';
  $('progress-text').textContent = `LAMBDA tasks ${progress.tasksDone}/${progress.tasksTotal} · ${monostore} · `
    + `${progress.rows.toLocaleString()} rows · ${(progress.elapsedMillis / 1000).toFixed(1)} s`;
}

async function cancel() {
  if (!current) return;
  $('cancel').disabled = true;
  await api(`/v1/queries/${encodeURIComponent(current.id)}`, { method: 'DELETE' });
}

async function showEstimatedPlan(sql) {
  const response = await api(`/v1/explain?sql=${encodeURIComponent(sql)}`);
  if (response.ok && current && current.sql === sql) showPlan(await response.json());
}

async function showActualPlan(id) {
  const response = await api(`/v1/queries/${encodeURIComponent(id)}/plan`);
  if (response.ok) showPlan(await response.json());
  return response.ok;
}

// A query of the history back in the editor, with its plan and actuals while the service keeps them, else as planned now.
async function reopen(query) {
  if (current) return;
  editor.setText(query.sql);
  clearError();
  selectTab(resultTabs, document.querySelector("[data-panel='plan-panel']"), 'panel');
  $('stats').textContent = `reopened ${query.queryId}: ${query.state.toLowerCase()}, ${query.rows.toLocaleString()} rows in ${query.durationMillis} ms`;
  if (await showActualPlan(query.queryId)) return;
  const response = await api(`/v1/explain?sql=${encodeURIComponent(query.sql)}`);
  if (response.ok) {
    showPlan(await response.json());
    $('stats').textContent += ' (its run\'s plan is no longer kept: the plan shown is today\'s estimate)';
  }
}

function refreshHistory() {
  return drawHistory($('history'), reopen);
}

async function loadCatalog() {
  const response = await api('/v1/tables');
  if (!response.ok) return;
  const catalog = await response.json();
  editor.setCatalog(catalog);
  drawCatalog($('catalog'), catalog, name => editor.insert(name));
}

function showPlan(plan) {
  explanation = plan;
  drawPlan($('plan'), plan, showNodeDetails);
  $('logical-plan').textContent = `${plan.logicalText}\n-- placed on the tiers --\n${plan.text}`;
  $('export-svg').disabled = false;
  $('export-png').disabled = false;
  $('node-details').replaceChildren(hint('Click an operator to see its details and its fragment\'s DuckDB SQL.'));
}

function showNodeDetails(node, actual) {
  const fragment = explanation.fragments.find(f => f.id === node.fragment);
  const details = $('node-details');
  const title = document.createElement('h3');
  title.textContent = `${node.operator.replace(/^Tier/, "")} — ${node.tier}, fragment ${node.fragment}`;
  const facts = keyValues([
    ['does', node.label || '—'],
    ['in Calcite\'s terms', node.details || '—'],
    ['columns', node.rowType.map(c => `${c.name} ${c.type}`).join(', ')],
    ['estimated rows', compact(node.estimatedRows)],
    ['estimated bytes', compact(node.estimatedBytes)],
    ['estimated cost (s)', node.estimatedCost.toPrecision(3)],
    ...(actual ? [['actual rows', actual.rows.toLocaleString()]] : []),
    ...(actual && actual.millis !== undefined ? [['actual time', `${actual.millis} ms`]] : []),
    ...(fragment ? [['fragment tasks', `${fragment.tasks}`], ['fragment inputs', fragment.inputs.join('; ') || '—']] : []),
    ...(fragment && fragment.engineReads ? [[`${node.tier} read`, dataSource(fragment.engineReads)]] : []),
  ]);
  const sql = document.createElement('pre');
  sql.className = 'fragment-sql';
  sql.textContent = fragment ? fragment.duckDbSql : '';
  const parts = [title, facts, heading('h4', 'DuckDB SQL of the fragment'), sql];
  if (fragment && fragment.actualTasks.length > 0) {
    parts.push(heading('h4', 'Tasks'), taskTable(fragment.actualTasks));
  }
  details.replaceChildren(...parts);
}

function taskTable(tasks) {
  const table = document.createElement('table');
  table.className = 'tasks';
  const head = table.createTHead().insertRow();
  for (const name of ['task', 'worker', 'splits', 'read', 'data from', 'rows out', 'bytes out', 'output via', 'ms', 'attempt']) {
    const cell = document.createElement('th');
    cell.textContent = name;
    head.append(cell);
  }
  const body = table.createTBody();
  for (const task of tasks) {
    const row = body.insertRow();
    for (const value of [task.taskId, task.worker, task.splits, bytes(task.bytesIn), dataSource(task.cache), task.rowsOut.toLocaleString(), bytes(task.bytesOut), OUTPUT_VIA[task.delivery] || task.delivery, task.millis, task.attempts]) {
      row.insertCell().textContent = String(value);
    }
  }
  return table;
}

// How a task's output reached the MONOSTORE.
const OUTPUT_VIA = { STREAM: 'Flight stream', REGISTRY: 'Registry', SPILL: 'object store (spill)' };

// Where lake files came from: the engine's cache (its RAM layer among it), fetched from the lake now, or read in place.
function dataSource(cache) {
  if (!cache) return '?';
  if (cache.cachedFiles + cache.fetchedFiles === 0) return 'lake (in place)';
  const ram = cache.ramFiles > 0 ? ` of which RAM ${bytes(cache.ramBytes)} (${cache.ramFiles})` : '';
  return `cache ${bytes(cache.cachedBytes)} (${cache.cachedFiles})${ram}, lake ${bytes(cache.fetchedBytes)} (${cache.fetchedFiles})`;
}

function keyValues(pairs) {
  const table = document.createElement('table');
  for (const [key, value] of pairs) {
    const row = table.insertRow();
    const name = document.createElement('th');
    name.textContent = key;
    row.append(name);
    row.insertCell().textContent = value;
  }
  return table;
}

// The error's message, its line with a caret under the column, and the line and column marked in the editor
// (the service's line and column are the run statement's; `from` is where that starts in the editor).
function showError(error, from = 0) {
  $('error').hidden = false;
  $('error-context').textContent = '';
  let where = '';
  if (error.line) {
    const at = editor.markError(from, error.line, error.column);
    where = ` at line ${at.line}, column ${at.column}`;
    $('error-context').textContent = `${at.text}\n${' '.repeat(Math.max(0, at.column - 1))}^`;
  }
  $('error-message').textContent = `${error.code}${where}: ${error.message}`;
}

function clearError() {
  $('error').hidden = true;
  editor.clearError();
}

function setExportsEnabled(enabled) {
  $('export-csv').disabled = !enabled;
  $('export-arrow').disabled = !enabled;
}

function selectTab(buttons, button, attribute) {
  for (const other of buttons) {
    other.classList.toggle('active', other === button);
    $(other.dataset[attribute]).hidden = other !== button;
  }
}

const resultTabs = document.querySelectorAll('.result-tab');
resultTabs.forEach(button => button.addEventListener('click', () => selectTab(resultTabs, button, 'panel')));
const viewTabs = document.querySelectorAll('.view-tab');
viewTabs.forEach(button => button.addEventListener('click', () => {
  selectTab(viewTabs, button, 'view');
  if (button.dataset.view === 'cluster-view') cluster.start(); else cluster.stop();
  if (button.dataset.view === 'queries-view') queries.start(); else queries.stop();
}));

$('run').addEventListener('click', run);
$('cancel').addEventListener('click', cancel);
$('cluster-refresh').addEventListener('click', () => cluster.refresh());
$('queries-refresh').addEventListener('click', () => queries.refresh());
$('export-csv').addEventListener('click', () => download(new Blob([toCsv(answer.columns, answer.rows)], { type: 'text/csv' }), 'result.csv'));
$('export-arrow').addEventListener('click', async () => download(await arrowOf(answer.sql), 'result.arrows'));
// The drawing in the pane (folding a fragment redraws it).
const planSvg = () => $('plan').querySelector('svg');
$('export-svg').addEventListener('click', () => download(svgBlob(wholeDrawing(planSvg())), 'plan.svg'));
$('export-png').addEventListener('click', async () => download(await pngBlob(wholeDrawing(planSvg())), 'plan.png'));
$('plan-zoom-in').addEventListener('click', () => planSvg()?.planView.zoomIn());
$('plan-zoom-out').addEventListener('click', () => planSvg()?.planView.zoomOut());
$('plan-fit').addEventListener('click', () => planSvg()?.planView.fit());
const sideTabs = document.querySelectorAll('.side-tab');
sideTabs.forEach(button => button.addEventListener('click', () => selectTab(sideTabs, button, 'panel')));
$('history-refresh').addEventListener('click', refreshHistory);
signIn().then(() => Promise.all([loadCatalog(), refreshHistory()]));
