// The query page: runs the editor's SQL (POST /v1/query) while following its progress over
// Server-Sent Events, shows the rows in a virtual grid, and draws the placed plan, first with the
// planner's estimates (GET /v1/explain) and after the run with what the tasks did (/v1/queries/{id}/plan).
import { ResultGrid } from './grid.js';
import { drawPlan, compact, wholeDrawing } from './plan.js';
import { ClusterView, bytes } from './cluster.js';
import { download, toCsv, arrowOf, svgBlob, pngBlob } from './exports.js';
import { api, events, signIn, exactJson } from './api.js';

const $ = id => document.getElementById(id);
const editor = $('sql');
const gutter = $('gutter');
const grid = new ResultGrid($('grid'));
const cluster = new ClusterView($('cluster'), $('cluster-updated'));

let current = null; // { id, sql, events } while a query runs
let answer = null; // the last successful answer: { sql, columns, rows }
let explanation = null;

function newQueryId() {
  return globalThis.crypto?.randomUUID ? crypto.randomUUID() : `q-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

async function run() {
  if (current) return;
  const sql = editor.value;
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
      showError(body.error);
      $('stats').textContent = `${body.error.code === 'CANCELLED' ? 'cancelled' : 'failed'} after ${millis} ms`;
    } else {
      answer = { sql, columns: body.columns, rows: body.rows };
      grid.show(body.columns, body.rows);
      setExportsEnabled(true);
      $('stats').textContent = `${body.stats.rows.toLocaleString()} rows in ${millis} ms (planning ${body.stats.planMs} ms)`;
      if (body.error) showError(body.error); // failed after the first rows: what came is shown, marked incomplete
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
}

function followProgress(id) {
  const stream = events(`/v1/queries/${encodeURIComponent(id)}/events`, {
    progress: data => showProgress(JSON.parse(data)),
    done: () => stream.close(),
  });
  return stream;
}

function showProgress(progress) {
  $('progress').hidden = false;
  $('progress-bar').max = Math.max(1, progress.tasksTotal);
  $('progress-bar').value = progress.tasksDone;
  // The tasks counted are the LAMBDA fleet's; once they are all done the MONOSTORE still has its part to finish.
  const monostore = progress.tasksDone >= progress.tasksTotal ? ' · MONOSTORE finishing' : '';
  $('progress-text').textContent = `LAMBDA tasks ${progress.tasksDone}/${progress.tasksTotal}${monostore} · `
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
  const parts = [title, facts, heading('DuckDB SQL of the fragment'), sql];
  if (fragment && fragment.actualTasks.length > 0) {
    parts.push(heading('Tasks'), taskTable(fragment.actualTasks));
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

function heading(text) {
  const element = document.createElement('h4');
  element.textContent = text;
  return element;
}

function hint(text) {
  const element = document.createElement('p');
  element.className = 'hint';
  element.textContent = text;
  return element;
}

// The error's message, its line with a caret under the column, the line marked in the gutter and the caret put there.
function showError(error) {
  $('error').hidden = false;
  const where = error.line ? ` at line ${error.line}, column ${error.column}` : '';
  $('error-message').textContent = `${error.code}${where}: ${error.message}`;
  $('error-context').textContent = '';
  if (error.line) {
    const lines = editor.value.split('\n');
    const line = lines[error.line - 1] ?? '';
    $('error-context').textContent = `${line}\n${' '.repeat(Math.max(0, error.column - 1))}^`;
    drawGutter(error.line);
    const offset = lines.slice(0, error.line - 1).reduce((sum, text) => sum + text.length + 1, 0) + error.column - 1;
    editor.focus();
    editor.setSelectionRange(offset, Math.min(offset + 1, editor.value.length));
  }
}

function clearError() {
  $('error').hidden = true;
  drawGutter(null);
}

function drawGutter(errorLine) {
  const count = editor.value.split('\n').length;
  const lines = [];
  for (let i = 1; i <= count; i++) {
    const span = document.createElement('span');
    span.textContent = `${i}\n`;
    if (i === errorLine) span.className = 'error-line';
    lines.push(span);
  }
  gutter.replaceChildren(...lines);
  gutter.scrollTop = editor.scrollTop;
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
}));

$('run').addEventListener('click', run);
$('cancel').addEventListener('click', cancel);
$('cluster-refresh').addEventListener('click', () => cluster.refresh());
$('export-csv').addEventListener('click', () => download(new Blob([toCsv(answer.columns, answer.rows)], { type: 'text/csv' }), 'result.csv'));
$('export-arrow').addEventListener('click', async () => download(await arrowOf(answer.sql), 'result.arrows'));
// The drawing in the pane (folding a fragment redraws it).
const planSvg = () => $('plan').querySelector('svg');
$('export-svg').addEventListener('click', () => download(svgBlob(wholeDrawing(planSvg())), 'plan.svg'));
$('export-png').addEventListener('click', async () => download(await pngBlob(wholeDrawing(planSvg())), 'plan.png'));
$('plan-zoom-in').addEventListener('click', () => planSvg()?.planView.zoomIn());
$('plan-zoom-out').addEventListener('click', () => planSvg()?.planView.zoomOut());
$('plan-fit').addEventListener('click', () => planSvg()?.planView.fit());
editor.addEventListener('keydown', event => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    run();
  }
});
editor.addEventListener('input', () => drawGutter(null));
editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });
drawGutter(null);
signIn();
