// The query page: runs the editor's SQL through POST /v1/query and shows the answer or the error.
const MAX_ROWS_SHOWN = 1000;

const editor = document.getElementById('sql');
const errorBox = document.getElementById('error');
const stats = document.getElementById('stats');
const results = document.getElementById('results');

async function run() {
  errorBox.hidden = true;
  stats.textContent = 'running…';
  results.replaceChildren();
  const started = performance.now();
  const response = await fetch('/v1/query', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ sql: editor.value }),
  });
  const answer = await response.json();
  const millis = Math.round(performance.now() - started);
  if (!response.ok) {
    showError(answer.error);
    stats.textContent = `failed after ${millis} ms`;
    return;
  }
  stats.textContent = `${answer.stats.rows} rows in ${millis} ms (planning ${answer.stats.planMs} ms)`;
  results.append(table(answer));
}

// Puts the caret where the error points and says where that is.
function showError(error) {
  errorBox.hidden = false;
  const where = error.line ? ` (line ${error.line}, column ${error.column})` : '';
  errorBox.textContent = `${error.code}${where}: ${error.message}`;
  if (error.line) {
    const lines = editor.value.split('\n');
    const offset = lines.slice(0, error.line - 1).reduce((sum, line) => sum + line.length + 1, 0) + error.column - 1;
    editor.focus();
    editor.setSelectionRange(offset, offset + 1);
  }
}

function table(answer) {
  const element = document.createElement('table');
  const header = element.createTHead().insertRow();
  for (const column of answer.columns) {
    const cell = document.createElement('th');
    cell.innerHTML = `${escape(column.name)}<small>${escape(column.type)}</small>`;
    header.append(cell);
  }
  const numeric = answer.columns.map(column => /INT|DECIMAL|DOUBLE|FLOAT/.test(column.type));
  const body = element.createTBody();
  for (const row of answer.rows.slice(0, MAX_ROWS_SHOWN)) {
    const line = body.insertRow();
    row.forEach((value, i) => {
      const cell = line.insertCell();
      cell.textContent = value === null ? 'NULL' : String(value);
      if (numeric[i]) cell.className = 'number';
    });
  }
  return element;
}

function escape(text) {
  return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
}

document.getElementById('run').addEventListener('click', run);
editor.addEventListener('keydown', event => {
  if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
    event.preventDefault();
    run();
  }
});
