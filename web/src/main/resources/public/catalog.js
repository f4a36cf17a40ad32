// The catalog side panel: every table SQL can name (GET /v1/tables), by schema, with its format and its
// columns and types, and once a table is opened where its files are cached (GET /v1/table-cache);
// a click on a name puts it into the editor.
import { api } from './api.js';
import { bytes } from './cluster.js';

/** Draws the listing ({ defaultSchema, tables }) into `container`; onName(text) inserts a name where the cursor is. */
export function drawCatalog(container, catalog, onName) {
  const bySchema = new Map();
  for (const table of catalog.tables) {
    const schema = table.catalog ? `${table.catalog}.${table.schema}` : table.schema;
    if (!bySchema.has(schema)) bySchema.set(schema, []);
    bySchema.get(schema).push(table);
  }
  const defaultSchema = catalog.defaultSchema.join('.');
  const schemas = [...bySchema.keys()].sort((a, b) => (b === defaultSchema) - (a === defaultSchema) || a.localeCompare(b));
  container.replaceChildren(...schemas.map(schema => {
    const element = folding('catalog-schema', schema === defaultSchema);
    element.dataset.schema = schema;
    element.firstChild.append(named(schema, 'schema-name'), note(`${bySchema.get(schema).length} tables${schema === defaultSchema ? ', default' : ''}`));
    for (const table of bySchema.get(schema)) element.append(tableEntry(table, `${schema}.${table.name}`, schema === defaultSchema, onName));
    return element;
  }));
}

const FORMAT_NAMES = { PARQUET: 'Parquet', CSV: 'CSV', ICEBERG: 'Iceberg', DELTA: 'Delta', HUDI: 'Hudi', JDBC: 'JDBC' };

// A table as SQL names it: bare in the default schema, qualified elsewhere.
function tableEntry(table, qualified, inDefaultSchema, onName) {
  const sqlName = inDefaultSchema ? table.name : qualified;
  const element = folding('catalog-table', false);
  element.dataset.table = qualified;
  element.dataset.columns = table.columns.length;
  const format = document.createElement('span');
  format.className = `format format-${table.format}`;
  format.textContent = FORMAT_NAMES[table.format] || table.format;
  const name = named(table.name, 'table-name');
  name.addEventListener('click', event => { event.preventDefault(); onName(sqlName); });
  element.firstChild.append(name, format, note(`${table.columns.length} columns`));
  const columns = document.createElement('ul');
  columns.className = 'catalog-columns';
  for (const column of table.columns) {
    const item = document.createElement('li');
    const columnName = named(column.name, 'column-name');
    columnName.addEventListener('click', () => onName(column.name));
    item.append(columnName, note(column.type));
    columns.append(item);
  }
  element.append(columns);
  if (table.format !== 'JDBC') {
    const cache = document.createElement('p');
    cache.className = 'catalog-cache';
    element.append(cache);
    element.addEventListener('toggle', () => { if (element.open) showCache(cache, table); });
  }
  return element;
}

const LAYER_NAMES = { WORKER_SSD: 'SSD', MONOSTORE_SSD: 'SSD', MONOSTORE_RAM: 'RAM' };

// Asked afresh on each opening: caches fill and empty as queries run.
async function showCache(element, table) {
  const where = new URLSearchParams({ catalog: table.catalog || '', schema: table.schema, name: table.name });
  const response = await api(`/v1/table-cache?${where}`);
  if (!response.ok) {
    element.textContent = 'cache: unknown';
    return;
  }
  const cache = await response.json();
  const copies = cache.cached.map(copy => `${copy.holder} ${LAYER_NAMES[copy.layer] || copy.layer} ${copy.files}/${cache.files} files, ${bytes(copy.bytes)}`);
  element.textContent = `${cache.files} files, ${bytes(cache.bytes)} · ${copies.length ? `cached: ${copies.join('; ')}` : 'not cached yet'}`;
}

function folding(className, open) {
  const element = document.createElement('details');
  element.className = className;
  element.open = open;
  element.append(document.createElement('summary'));
  return element;
}

function named(text, className) {
  const element = document.createElement('span');
  element.className = className;
  element.textContent = text;
  element.title = 'Click to put the name into the editor';
  return element;
}

function note(text) {
  const element = document.createElement('small');
  element.textContent = text;
  return element;
}
