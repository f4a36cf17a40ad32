// The results grid. Only the rows in view (plus a margin) are in the DOM, so 100k rows scroll as
// smoothly as 10: the body is as tall as all rows, and the visible slice is redrawn on scroll.
const ROW_HEIGHT = 24;
const MARGIN_ROWS = 20;
const NUMERIC = /INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC/;

export class ResultGrid {
  constructor(element) {
    this.element = element;
    this.columns = [];
    this.rows = [];
    this.drawn = { first: -1, last: -1 };
    element.addEventListener('scroll', () => this.drawVisible());
  }

  show(columns, rows) {
    this.columns = columns;
    this.rows = rows;
    const font = getComputedStyle(this.element).font;
    this.widths = columns.map((column, i) => columnWidth(column, rows, i, font));
    this.numeric = columns.map(column => NUMERIC.test(column.type));
    this.element.dataset.rows = String(rows.length);
    this.element.replaceChildren(this.header(), this.body());
    this.element.scrollTop = 0;
    this.drawn = { first: -1, last: -1 };
    this.drawVisible();
  }

  clear() {
    this.columns = [];
    this.rows = [];
    delete this.element.dataset.rows;
    this.element.replaceChildren();
  }

  header() {
    const header = document.createElement('div');
    header.className = 'grid-header';
    this.columns.forEach((column, i) => {
      const cell = document.createElement('div');
      cell.className = 'head';
      cell.style.width = `${this.widths[i]}px`;
      cell.title = `${column.name} ${column.type}`;
      cell.append(column.name);
      const type = document.createElement('small');
      type.textContent = column.type;
      cell.append(type);
      header.append(cell);
    });
    return header;
  }

  body() {
    this.bodyElement = document.createElement('div');
    this.bodyElement.className = 'grid-body';
    this.bodyElement.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.bodyElement.style.width = `${this.widths.reduce((a, b) => a + b, 0)}px`;
    return this.bodyElement;
  }

  drawVisible() {
    if (!this.bodyElement) return;
    const first = Math.max(0, Math.floor(this.element.scrollTop / ROW_HEIGHT) - MARGIN_ROWS);
    const visible = Math.ceil(this.element.clientHeight / ROW_HEIGHT);
    const last = Math.min(this.rows.length, first + visible + 2 * MARGIN_ROWS);
    if (first === this.drawn.first && last === this.drawn.last) return;
    const fragment = document.createDocumentFragment();
    for (let r = first; r < last; r++) {
      fragment.append(this.row(r));
    }
    this.bodyElement.replaceChildren(fragment);
    this.drawn = { first, last };
  }

  row(r) {
    const line = document.createElement('div');
    line.className = 'grid-row';
    line.style.top = `${r * ROW_HEIGHT}px`;
    line.dataset.row = String(r);
    this.rows[r].forEach((value, c) => {
      const cell = document.createElement('div');
      cell.className = 'cell' + (this.numeric[c] ? ' number' : '') + (value === null ? ' null' : '');
      cell.style.width = `${this.widths[c]}px`;
      cell.dataset.col = String(c);
      cell.textContent = cellText(value, this.columns[c].type);
      line.append(cell);
    });
    return line;
  }
}

// Wide enough for the header and the first rows' values as the browser draws them (a guess of pixels
// per character cut DATE cells at some zooms), within bounds.
const CELL_PADDING = 16 + 1 + 4; // .5rem each side, the border, and a little air
const TYPE_GAP = 7; // the header's small type label's left margin
const measure = document.createElement('canvas').getContext('2d');

function textWidth(text, font) {
  measure.font = font;
  return measure.measureText(text).width;
}

function columnWidth(column, rows, i, font) {
  let widest = textWidth(column.name, `bold ${font}`) + TYPE_GAP + textWidth(column.type, font);
  for (const row of rows.slice(0, 200)) {
    const value = row[i];
    widest = Math.max(widest, textWidth(cellText(value, column.type), font));
  }
  return Math.ceil(Math.min(420, Math.max(60, widest + CELL_PADDING)));
}

// A value as DuckDB prints it: the answer carries TIMESTAMP as ISO text (`1995-01-01T10:00`), DuckDB writes `1995-01-01 10:00:00`.
const ISO_TIMESTAMP = /^(\d{4,}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?(\.\d+)?$/;

function cellText(value, type) {
  if (value === null) return 'NULL';
  const text = String(value);
  const timestamp = type.startsWith('TIMESTAMP') ? ISO_TIMESTAMP.exec(text) : null;
  if (!timestamp) return text;
  const fraction = (timestamp[4] || '').replace(/0+$/, '');
  return `${timestamp[1]} ${timestamp[2]}${timestamp[3] || ':00'}${fraction === '.' ? '' : fraction}`;
}
