// The plan visualizer: EXPLAIN's JSON tree drawn as SVG. Operators are boxes colored by tier;
// exchanges are not boxes but the edges between fragments, labelled with their kind. After a run,
// the top operator of each fragment shows what its tasks did (rows, bytes, time, workers).
const SVG = 'http://www.w3.org/2000/svg';
export const TIER_COLORS = { LAMBDA: '#f59e0b', MONOSTORE: '#3b82f6', CLIENT: '#8b5cf6', NONE: '#9ca3af' };
const BOX_WIDTH = 270;
const BOX_HEIGHT = 78;
const H_GAP = 24;
const V_GAP = 70;
const PAD = 20;

// The tree without exchange nodes: each edge remembers the exchange it stands for, if any.
function displayTree(node, exchange = null) {
  if (node.exchangeKind) {
    return displayTree(node.inputs[0], node);
  }
  return { node, exchange, children: node.inputs.map(input => displayTree(input)) };
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
  };
}

/** Draws the plan into `container`; `onSelect(node)` is called when an operator is clicked. */
export function drawPlan(container, explanation, onSelect) {
  const tree = displayTree(explanation.plan);
  const slots = layout(tree);
  const nodes = all(tree);
  const depth = Math.max(...nodes.map(n => n.depth)) + 1;
  const width = slots * (BOX_WIDTH + H_GAP) - H_GAP + 2 * PAD;
  const height = depth * (BOX_HEIGHT + V_GAP) - V_GAP + 2 * PAD;
  const svg = el('svg', { xmlns: SVG, width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', 'font-size': '12' });
  svg.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
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
        const label = `${exchange.exchangeKind} · ≈${compact(exchange.estimatedRows)} rows`;
        group.append(el('text', { x: (x1 + x2) / 2 + 6, y: (y1 + y2) / 2 + 4, fill: '#1d2733', 'font-weight': 'bold' }, label));
      }
      edges.append(group);
    }
  }
  svg.append(edges);

  const firstOfFragment = new Set(nodes.filter(n => n === tree || n.exchange).map(n => n.node));
  for (const item of nodes) {
    const node = item.node;
    const group = el('g', { class: 'plan-node', 'data-tier': node.tier, 'data-fragment': node.fragment,
      transform: `translate(${left(item)},${top(item)})` });
    group.append(el('rect', { width: BOX_WIDTH, height: BOX_HEIGHT, rx: 6, fill: TIER_COLORS[node.tier] || TIER_COLORS.NONE,
      'fill-opacity': 0.22, stroke: TIER_COLORS[node.tier] || TIER_COLORS.NONE, 'stroke-width': 2 }));
    group.append(el('rect', { width: 8, height: BOX_HEIGHT, rx: 3, fill: TIER_COLORS[node.tier] || TIER_COLORS.NONE }));
    group.append(el('text', { x: 14, y: 17, 'font-weight': 'bold', fill: '#1d2733' },
      `${node.operator.replace(/^Tier/, '')} · ${node.tier} · f${node.fragment}`));
    group.append(el('text', { x: 14, y: 34, fill: '#374151' }, shorten(node.details, 40)));
    group.append(el('text', { x: 14, y: 51, fill: '#374151' },
      `est ${compact(node.estimatedRows)} rows · ${compact(node.estimatedBytes)}B · cost ${node.estimatedCost.toPrecision(2)}`));
    const actual = firstOfFragment.has(node) ? fragmentActuals(explanation, node.fragment) : null;
    if (actual) {
      const tasks = actual.tasks > 0 ? ` · ${actual.tasks} tasks, ${actual.workers.length} workers` : '';
      group.append(el('text', { x: 14, y: 68, fill: '#065f46', 'font-weight': 'bold', class: 'actual' },
        `actual ${compact(actual.rows)} rows · ${actual.millis} ms${tasks}`));
    }
    group.append(el('title', {}, `${node.operator} [${node.tier}, fragment ${node.fragment}]\n${node.details}`));
    group.addEventListener('click', () => {
      svg.querySelectorAll('.plan-node.selected').forEach(g => g.classList.remove('selected'));
      group.classList.add('selected');
      onSelect(node, actual);
    });
    svg.append(group);
  }
  container.replaceChildren(svg);
  return svg;
}

function shorten(text, max) {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
