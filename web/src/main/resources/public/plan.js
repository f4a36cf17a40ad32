// The plan visualizer: EXPLAIN's JSON tree drawn as SVG. Operators are boxes colored by tier and
// labelled in SQL terms (the service's `label`: column names, not Calcite's $N); exchanges are not
// boxes but the edges between fragments, labelled with their kind and, after a run, the rows and
// bytes that crossed them. Each box shows its estimated rows and, after a run, its actual rows where
// the engine measured them. The drawing is fitted to the pane, zooms (wheel, buttons), pans (drag),
// and a fragment folds into its top operator.
const SVG = 'http://www.w3.org/2000/svg';
export const TIER_COLORS = { LAMBDA: '#f59e0b', MONOSTORE: '#3b82f6', CLIENT: '#8b5cf6', NONE: '#9ca3af' };
const BOX_WIDTH = 280;
const BOX_HEIGHT = 96;
const H_GAP = 28;
const V_GAP = 44;
const PAD = 20;
const LABEL_CHARS = 39;
// Estimates further off than this from the measured rows are marked: the planner was misled there.
const MISESTIMATE = 10;
// Operators whose output has as many rows as their input (a projection, a sort without LIMIT or OFFSET):
// a measured count above them holds below them too.
const keepsRows = node => node.operator === 'TierProject' || (node.operator === 'TierSort' && !/\b(fetch|offset)=/.test(node.details));

// The tree without exchange nodes: each edge remembers the exchange it stands for, if any.
function displayTree(node, exchange = null) {
  if (node.exchangeKind) {
    return displayTree(node.inputs[0], node);
  }
  return { node, exchange, children: node.inputs.map(input => displayTree(input)) };
}

// A folded fragment shows only its top operator, with the fragments below it hanging from it.
function fold(item, folded, fragmentTop = true) {
  if (fragmentTop && folded.has(item.node.fragment)) {
    const below = [];
    const collect = inner => inner.children.forEach(child => (child.exchange ? below.push(child) : collect(child)));
    collect(item);
    return { ...item, folded: hiddenCount(item), children: below.map(child => fold(child, folded)) };
  }
  return { ...item, children: item.children.map(child => fold(child, folded, Boolean(child.exchange))) };
}

function hiddenCount(tree) {
  return tree.children.filter(child => !child.exchange).reduce((sum, child) => sum + 1 + hiddenCount(child), 0);
}

// Leaves take consecutive slots; a parent sits above the middle of its children.
function layout(tree, depth = 0, next = { slot: 0 }) {
  tree.depth = depth;
  if (tree.children.length === 0) {
    tree.x = next.slot++;
  } else {
    tree.children.forEach(child => layout(child, depth + 1, next));
    tree.x = (tree.children[0].x + tree.children[tree.children.length - 1].x) / 2;
  }
  return next.slot;
}

function all(tree, out = []) {
  out.push(tree);
  tree.children.forEach(child => all(child, out));
  return out;
}

function el(name, attributes = {}, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

export function compact(number) {
  if (number === null || number === undefined || Number.isNaN(number)) return '?';
  const units = [[1e12, 'T'], [1e9, 'G'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) {
    if (Math.abs(number) >= size) return `${(number / size).toFixed(1)}${unit}`;
  }
  return String(Math.round(number));
}

// What a fragment's tasks did, summed; the root fragment (run on the MONOSTORE over the streams) reports the query's rows.
export function fragmentActuals(explanation, fragmentId) {
  const fragment = explanation.fragments.find(f => f.id === fragmentId);
  if (!fragment) return null;
  const tasks = fragment.actualTasks;
  if (tasks.length === 0) {
    if (explanation.actualRows === null || explanation.actualRows === undefined || fragmentId !== explanation.plan.fragment) return null;
    return { rows: explanation.actualRows, millis: explanation.elapsedMillis, tasks: 0, planned: fragment.tasks, workers: [] };
  }
  return {
    rows: tasks.reduce((sum, t) => sum + t.rowsOut, 0),
    bytesIn: tasks.reduce((sum, t) => sum + t.bytesIn, 0),
    bytesOut: tasks.reduce((sum, t) => sum + t.bytesOut, 0),
    millis: Math.max(...tasks.map(t => t.millis)),
    tasks: tasks.length,
    planned: fragment.tasks,
    workers: [...new Set(tasks.map(t => t.worker))],
    cachedFiles: tasks.reduce((sum, t) => sum + (t.cache ? t.cache.cachedFiles : 0), 0),
    fetchedFiles: tasks.reduce((sum, t) => sum + (t.cache ? t.cache.fetchedFiles : 0), 0),
  };
}

// A LAMBDA fragment's fan-out: its tasks, their workers, and where their files came from.
function fanOut(actual) {
  if (!actual || !actual.tasks) return '';
  const files = actual.cachedFiles + actual.fetchedFiles > 0
    ? `; files: ${actual.cachedFiles} from worker caches, ${actual.fetchedFiles} fetched from the lake` : '';
  return `\n${actual.tasks} of ${actual.planned} planned tasks on ${actual.workers.length} workers${files}`;
}

// Measured rows per operator: a fragment's top operator from its tasks (or the query's answer), and the
// operators below it that keep its row count. Elsewhere the fragment's DuckDB runs the operators as one
// query and counts nothing per operator, so those stay unmeasured rather than guessed.
function measuredRows(tree, explanation) {
  const rows = new Map();
  const walk = (item, fromAbove) => {
    const top = item === tree || item.exchange;
    const actual = top ? fragmentActuals(explanation, item.node.fragment) : null;
    const measured = actual ? { ...actual, source: 'fragment' } : fromAbove;
    if (measured) rows.set(item.node, measured);
    const passes = measured && keepsRows(item.node) ? { rows: measured.rows, source: 'kept' } : null;
    item.children.forEach(child => walk(child, child.exchange ? null : passes));
  };
  walk(tree, null);
  return rows;
}

function misestimate(estimated, actual) {
  const ratio = Math.max(estimated, 1) / Math.max(actual, 1);
  return ratio > MISESTIMATE || ratio < 1 / MISESTIMATE ? ratio : null;
}

// The label over at most two lines of the box, cut at a word where it can be.
function labelLines(label) {
  if (label.length <= LABEL_CHARS) return [label];
  let cut = label.lastIndexOf(' ', LABEL_CHARS);
  if (cut < LABEL_CHARS / 2) cut = LABEL_CHARS;
  return [label.slice(0, cut), shorten(label.slice(cut).trimStart(), LABEL_CHARS)];
}

function exchangeLabel(exchange, explanation, childFragment) {
  const actual = explanation.actualRows === null || explanation.actualRows === undefined ? null : fragmentActuals(explanation, childFragment);
  if (actual && actual.tasks > 0) return `${exchange.exchangeKind} · ${compact(actual.rows)} rows · ${compact(actual.bytesOut)}B`;
  return `${exchange.exchangeKind} · ≈${compact(exchange.estimatedRows)} rows · ≈${compact(exchange.estimatedBytes)}B`;
}

/** Draws the plan into `container`, fitted to it; `onSelect(node, actual)` is called when an operator is clicked. */
export function drawPlan(container, explanation, onSelect, folded = new Set()) {
  const tree = fold(displayTree(explanation.plan), folded);
  const slots = layout(tree);
  const nodes = all(tree);
  const measured = measuredRows(tree, explanation);
  const ran = explanation.actualRows !== null && explanation.actualRows !== undefined;
  const depth = Math.max(...nodes.map(n => n.depth)) + 1;
  const width = slots * (BOX_WIDTH + H_GAP) - H_GAP + 2 * PAD;
  const height = depth * (BOX_HEIGHT + V_GAP) - V_GAP + 2 * PAD;
  const svg = el('svg', { xmlns: SVG, width: '100%', height: '100%', 'font-family': 'sans-serif', 'font-size': '12',
    'data-width': width, 'data-height': height });
  const view = el('g', { class: 'view' });
  view.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  svg.append(view);
  const left = n => PAD + n.x * (BOX_WIDTH + H_GAP);
  const top = n => PAD + n.depth * (BOX_HEIGHT + V_GAP);

  const edges = el('g', { class: 'edges' });
  for (const parent of nodes) {
    for (const child of parent.children) {
      const x1 = left(parent) + BOX_WIDTH / 2, y1 = top(parent) + BOX_HEIGHT;
      const x2 = left(child) + BOX_WIDTH / 2, y2 = top(child);
      const exchange = child.exchange;
      const group = el('g', exchange ? { class: 'edge exchange', 'data-kind': exchange.exchangeKind } : { class: 'edge' });
      group.append(el('line', { x1, y1, x2, y2, stroke: exchange ? '#1d2733' : '#9ca3af', 'stroke-width': exchange ? 2.5 : 1.5,
        'stroke-dasharray': exchange ? '6 4' : 'none' }));
      if (exchange) {
        group.append(el('text', { x: (x1 + x2) / 2 + 6, y: (y1 + y2) / 2 + 4, fill: '#1d2733', 'font-weight': 'bold' },
          exchangeLabel(exchange, explanation, child.node.fragment)));
      }
      edges.append(group);
    }
  }
  view.append(edges);

  for (const item of nodes) {
    const node = item.node;
    const color = TIER_COLORS[node.tier] || TIER_COLORS.NONE;
    const group = el('g', { class: 'plan-node', 'data-tier': node.tier, 'data-fragment': node.fragment,
      transform: `translate(${left(item)},${top(item)})` });
    group.append(el('rect', { width: BOX_WIDTH, height: BOX_HEIGHT, rx: 6, fill: color, 'fill-opacity': 0.22, stroke: color, 'stroke-width': 2 }));
    group.append(el('rect', { width: 8, height: BOX_HEIGHT, rx: 3, fill: color }));
    group.append(el('text', { x: 14, y: 16, 'font-weight': 'bold', fill: '#1d2733', class: 'operator' },
      `${node.operator.replace(/^Tier/, '')} · ${node.tier} · f${node.fragment}`));
    const lines = item.folded ? [shorten(node.label, LABEL_CHARS), `… ${item.folded} more operators folded`] : labelLines(node.label);
    lines.forEach((line, i) =>
      group.append(el('text', { x: 14, y: 33 + 15 * i, fill: '#1d2733', class: 'label', 'font-family': 'ui-monospace, monospace', 'font-size': '11' }, line)));
    const estimate = `est ${compact(node.estimatedRows)} rows · ${compact(node.estimatedBytes)}B`;
    group.append(el('text', { x: 14, y: 71, fill: '#374151', class: 'estimate' }, estimate));
    const actual = measured.get(node);
    if (actual) {
      const tasks = actual.tasks > 0 ? ` · ${actual.tasks} tasks, ${actual.workers.length} workers` : '';
      const millis = actual.millis !== undefined ? ` · ${actual.millis} ms` : '';
      group.append(el('text', { x: 14, y: 87, fill: '#065f46', 'font-weight': 'bold', 'font-size': '11', class: 'actual', 'data-rows': actual.rows },
        `actual ${compact(actual.rows)} rows${millis}${tasks}`));
      const off = misestimate(node.estimatedRows, actual.rows);
      if (off) {
        const text = off > 1 ? `×${compact(off)} over` : `×${compact(1 / off)} under`;
        group.append(el('rect', { x: BOX_WIDTH - 82, y: 60, width: 76, height: 16, rx: 3, fill: '#dc2626', class: 'misestimate' }));
        group.append(el('text', { x: BOX_WIDTH - 44, y: 72, fill: '#ffffff', 'font-weight': 'bold', 'text-anchor': 'middle', 'font-size': '11' }, text));
      }
    } else if (ran) {
      group.append(el('text', { x: 14, y: 87, fill: '#6b7280', class: 'actual unmeasured' }, 'actual: not counted inside the fragment'));
    }
    if (item === tree || item.exchange) {
      group.append(foldToggle(item, folded, () => drawPlan(container, explanation, onSelect, folded)));
    }
    group.append(el('title', {}, `${node.label}\n${node.operator} [${node.tier}, fragment ${node.fragment}]${fanOut(actual)}`));
    group.addEventListener('click', () => {
      svg.querySelectorAll('.plan-node.selected').forEach(g => g.classList.remove('selected'));
      group.classList.add('selected');
      onSelect(node, actual || null);
    });
    view.append(group);
  }
  container.replaceChildren(svg);
  panZoom(svg, view, width, height);
  return svg;
}

// The button at a fragment's top operator that folds the fragment's other operators into it, or unfolds them.
function foldToggle(item, folded, redraw) {
  const fragment = item.node.fragment;
  const isFolded = folded.has(fragment);
  const hidden = item.folded || hiddenCount(item);
  const toggle = el('g', { class: 'fold', 'data-fragment': fragment, transform: `translate(${BOX_WIDTH - 22},4)`, cursor: 'pointer' });
  if (!isFolded && hidden === 0) return toggle;
  toggle.append(el('rect', { width: 18, height: 16, rx: 3, fill: '#ffffff', stroke: '#1d2733' }));
  toggle.append(el('text', { x: 9, y: 12, 'text-anchor': 'middle', 'font-weight': 'bold', fill: '#1d2733' }, isFolded ? '+' : '−'));
  toggle.append(el('title', {}, isFolded ? `Unfold fragment ${fragment} (${hidden} operators)` : `Fold fragment ${fragment} into this operator`));
  toggle.addEventListener('click', event => {
    event.stopPropagation();
    if (isFolded) folded.delete(fragment); else folded.add(fragment);
    redraw();
  });
  return toggle;
}

// Fits the drawing into the pane (never enlarging it), then zooms on the wheel and the pane's buttons and pans on drag.
function panZoom(svg, view, width, height) {
  const pane = svg.parentElement;
  const state = { scale: 1, x: 0, y: 0 };
  const apply = () => view.setAttribute('transform', `translate(${state.x},${state.y}) scale(${state.scale})`);
  const fit = () => {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    state.scale = Math.min(1, box.width / width, box.height / height);
    state.x = (box.width - width * state.scale) / 2;
    state.y = Math.max(0, (box.height - height * state.scale) / 2);
    apply();
  };
  const zoom = (factor, cx, cy) => {
    state.touched = true;
    const scale = Math.min(4, Math.max(0.05, state.scale * factor));
    state.x = cx - (cx - state.x) * (scale / state.scale);
    state.y = cy - (cy - state.y) * (scale / state.scale);
    state.scale = scale;
    apply();
  };
  svg.addEventListener('wheel', event => {
    event.preventDefault();
    const box = svg.getBoundingClientRect();
    zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX - box.left, event.clientY - box.top);
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', event => {
    if (event.target.closest('.plan-node')) return; // a click on an operator selects it
    drag = { x: event.clientX - state.x, y: event.clientY - state.y };
    state.touched = true;
    svg.setPointerCapture(event.pointerId);
    svg.classList.add('panning');
  });
  svg.addEventListener('pointermove', event => {
    if (!drag) return;
    state.x = event.clientX - drag.x;
    state.y = event.clientY - drag.y;
    apply();
  });
  svg.addEventListener('pointerup', () => { drag = null; svg.classList.remove('panning'); });
  // The pane may still be hidden (another tab open) or resized: fit again until the user zooms or pans.
  const refit = new ResizeObserver(() => { if (!state.touched && svg.isConnected) fit(); });
  refit.observe(pane);
  pane.planFit?.disconnect();
  pane.planFit = refit;
  svg.planView = {
    fit: () => { state.touched = false; fit(); },
    zoomIn: () => zoom(1.25, svg.getBoundingClientRect().width / 2, svg.getBoundingClientRect().height / 2),
    zoomOut: () => zoom(1 / 1.25, svg.getBoundingClientRect().width / 2, svg.getBoundingClientRect().height / 2),
  };
  fit();
}

/** The whole drawing at its own size, whatever the pane's zoom, for export. */
export function wholeDrawing(svg) {
  const copy = svg.cloneNode(true);
  const width = svg.getAttribute('data-width'), height = svg.getAttribute('data-height');
  copy.setAttribute('width', width);
  copy.setAttribute('height', height);
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.querySelector('g.view').removeAttribute('transform');
  copy.querySelectorAll('.fold').forEach(button => button.remove());
  return copy;
}

function shorten(text, max) {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
