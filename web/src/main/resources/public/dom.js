// Small builders of page elements shared by the views.

export function heading(tag, text) {
  const element = document.createElement(tag);
  element.textContent = text;
  return element;
}

export function hint(text) {
  const element = heading('p', text);
  element.className = 'hint';
  return element;
}

/** A table with a header row; numbers are right-aligned. */
export function dataTable(headers, rows, id) {
  const element = document.createElement('table');
  if (id) element.id = id;
  const head = element.createTHead().insertRow();
  for (const header of headers) head.append(heading('th', header));
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

const REFRESH_MILLIS = 2000;

/** A view that reloads itself (its load() draws into `container`) every 2 s while shown, and says when it last did. */
export class PolledView {
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
    await this.load();
    this.updated.textContent = `updated ${new Date().toLocaleTimeString()}`;
  }
}
