// The results grid. Only the rows in view (plus a margin) are in the DOM, so 100k rows scroll as
// smoothly as 10: the body is as tall as all rows, and the visible slice is redrawn on scroll.
// A header click sorts the loaded rows, its right edge resizes the column, and cells selected with
// click and shift-click copy with Ctrl/Cmd+C.
const ROW_HEIGHT = 24;
const MARGIN_ROWS = 20;
const NUMERIC = /INT|DECIMAL|DOUBLE|FLOAT|REAL|NUMERIC/;
const MIN_WIDTH = 40;

export class ResultGrid {
  constructor(element) {
    this.element = element;
    this.columns = [];
    this.rows = [];
    this.drawn = { first: -1, last: -1 };
    element.addEventListener('scroll', () => this.drawVisible());
    element.addEventListener('copy', event => this.copy(event));
  }

  show(columns, rows) {
    this.columns = columns;
    this.rows = rows;
    this.order = rows.map((row, i) => i);
    this.sorting = null;
    this.selection = null;
    const font = getComputedStyle(this.element).font;
    this.widths = columns.map((column, i) => columnWidth(column, rows, i, font));
    this.numeric = columns.map(column => NUMERIC.test(column.type));
    this.element.dataset.rows = String(rows.length);
    this.element.replaceChildren(this.header(), this.body());
    this.element.scrollTop = 0;
    this.redraw();
  }

  clear() {
    this.columns = [];
    this.rows = [];
    delete this.element.dataset.rows;
    this.element.replaceChildren();
  }

  header() {
    this.headerElement = document.createElement('div');
    this.headerElement.className = 'grid-header';
    this.columns.forEach((column, i) => {
      const cell = document.createElement('div');
      cell.className = 'head';
      cell.dataset.col = String(i);
      cell.style.width = `${this.widths[i]}px`;
      cell.title = `${column.name} ${column.type} — click to sort the loaded rows, drag the right edge to resize`;
      cell.append(column.name);
      const type = document.createElement('small');
      type.textContent = column.type;
      cell.append(type);
      const handle = document.createElement('span');
      handle.className = 'resize';
      handle.addEventListener('pointerdown', event => this.resize(event, i));
      handle.addEventListener('click', event => event.stopPropagation());
      cell.append(handle);
      cell.addEventListener('click', () => { if (!this.justResized) this.sortBy(i); });
      this.headerElement.append(cell);
    });
    return this.headerElement;
  }

  body() {
    this.bodyElement = document.createElement('div');
    this.bodyElement.className = 'grid-body';
    this.bodyElement.style.height = `${this.rows.length * ROW_HEIGHT}px`;
    this.bodyElement.style.width = `${this.widths.reduce((a, b) => a + b, 0)}px`;
    this.bodyElement.addEventListener('click', event => this.select(event));
    return this.bodyElement;
  }

  redraw() {
    this.drawn = { first: -1, last: -1 };
    this.drawVisible();
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

  // The row at position r of the current order (data-row is that position).
  row(r) {
    const line = document.createElement('div');
    line.className = 'grid-row';
    line.style.top = `${r * ROW_HEIGHT}px`;
    line.dataset.row = String(r);
    this.rows[this.order[r]].forEach((value, c) => {
      const cell = document.createElement('div');
      cell.className = 'cell' + (this.numeric[c] ? ' number' : '') + (value === null ? ' null' : '') + (this.isSelected(r, c) ? ' selected' : '');
      cell.style.width = `${this.widths[c]}px`;
      cell.dataset.col = String(c);
      cell.textContent = cellText(value, this.columns[c].type);
      line.append(cell);
    });
    return line;
  }

  // Ascending, then descending, then the answer's own order again; NULLs last, as DuckDB orders by default.
  sortBy(c) {
    const sorting = this.sorting;
    this.sorting = !sorting || sorting.column !== c ? { column: c, descending: false } : sorting.descending ? null : { column: c, descending: true };
    this.order = this.rows.map((row, i) => i);
    if (this.sorting) {
      const compare = comparator(this.columns[c].type);
      const sign = this.sorting.descending ? -1 : 1;
      this.order.sort((a, b) => {
        const x = this.rows[a][c], y = this.rows[b][c];
        if (x === null || y === null) return (x === null) - (y === null);
        return sign * compare(x, y) || a - b;
      });
    }
    this.headerElement.querySelectorAll('.head').forEach((head, i) => {
      head.dataset.sort = this.sorting && this.sorting.column === i ? (this.sorting.descending ? 'desc' : 'asc') : '';
    });
    this.selection = null;
    this.redraw();
  }

  // Dragging a header's right edge sets its column's width.
  resize(event, c) {
    event.preventDefault();
    const start = event.clientX, width = this.widths[c];
    const move = moved => {
      this.widths[c] = Math.max(MIN_WIDTH, Math.round(width + moved.clientX - start));
      this.headerElement.children[c].style.width = `${this.widths[c]}px`;
      this.bodyElement.style.width = `${this.widths.reduce((a, b) => a + b, 0)}px`;
      this.redraw();
    };
    // The click that ends a drag lands on the header: it must not sort.
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', stop);
      this.justResized = true;
      setTimeout(() => { this.justResized = false; });
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', stop);
  }

  // A click selects a cell; a shift-click extends the selection to a rectangle of cells.
  select(event) {
    const cell = event.target.closest('.cell');
    if (!cell) return;
    const at = { r: Number(cell.parentElement.dataset.row), c: Number(cell.dataset.col) };
    this.selection = event.shiftKey && this.selection ? { anchor: this.selection.anchor, focus: at } : { anchor: at, focus: at };
    this.element.focus({ preventScroll: true });
    this.redraw();
  }

  isSelected(r, c) {
    const s = this.selection;
    return Boolean(s) && r >= Math.min(s.anchor.r, s.focus.r) && r <= Math.max(s.anchor.r, s.focus.r)
      && c >= Math.min(s.anchor.c, s.focus.c) && c <= Math.max(s.anchor.c, s.focus.c);
  }

  // Ctrl/Cmd+C on the grid copies the selected cells as the page shows them: tab between cells, a line per row.
  copy(event) {
    const s = this.selection;
    if (!s) return;
    const lines = [];
    for (let r = Math.min(s.anchor.r, s.focus.r); r <= Math.max(s.anchor.r, s.focus.r); r++) {
      const row = this.rows[this.order[r]];
      const cells = [];
      for (let c = Math.min(s.anchor.c, s.focus.c); c <= Math.max(s.anchor.c, s.focus.c); c++) {
        cells.push(cellText(row[c], this.columns[c].type));
      }
      lines.push(cells.join('\t'));
    }
    event.clipboardData.setData('text/plain', lines.join('\n'));
    event.preventDefault();
  }
}

// Integers compare exactly (BIGINT beyond 2^53 arrives as its digits), other numbers as numbers, the
// rest as text (ISO dates and timestamps sort as text).
function comparator(type) {
  if (/INT/.test(type) && !/INTERVAL/.test(type)) return (x, y) => { const a = BigInt(x), b = BigInt(y); return a < b ? -1 : a > b ? 1 : 0; };
  if (NUMERIC.test(type)) return (x, y) => Number(x) - Number(y);
  return (x, y) => { const a = String(x), b = String(y); return a < b ? -1 : a > b ? 1 : 0; };
}

// Wide enough for the header and the first rows' values as the browser draws them (a guess of pixels
// per character cut DATE cells at some zooms), within bounds.
const CELL_PADDING = 16 + 1 + 4; // .5rem each side, the border, and a little air
const TYPE_GAP = 7; // the header's small type label's left margin
const SORT_MARK = 12; // the ▲ or ▼ of a sorted column
const measure = document.createElement('canvas').getContext('2d');

function textWidth(text, font) {
  measure.font = font;
  return measure.measureText(text).width;
}

function columnWidth(column, rows, i, font) {
  let widest = textWidth(column.name, `bold ${font}`) + TYPE_GAP + textWidth(column.type, font) + SORT_MARK;
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
