// Where a script's statements are: split at semicolons that are not inside a string, a quoted name or a comment.

/** The [start, end) ranges of the statements of `text` (each without its semicolon). */
export function statementRanges(text) {
  const ranges = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\'' || c === '"') {
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close + 1; // a doubled quote inside is two strings side by side: same split
    } else if (c === '-' && text[i + 1] === '-') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end + 1;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
    } else if (c === ';') {
      ranges.push([start, i]);
      start = ++i;
    } else {
      i++;
    }
  }
  ranges.push([start, text.length]);
  return ranges;
}

/**
 * The statement the cursor is in or right after ({ sql, from }: its text without surrounding blanks and
 * where that starts); a cursor in the blank after the last statement takes the one before it.
 */
export function statementAt(text, cursor) {
  const ranges = statementRanges(text).map(([start, end]) => trimmed(text, start, end));
  const filled = ranges.filter(([start, end]) => end > start);
  if (filled.length === 0) return { sql: '', from: 0 };
  let chosen = filled[0];
  for (const range of filled) {
    if (range[0] <= cursor) chosen = range;
  }
  return { sql: text.slice(chosen[0], chosen[1]), from: chosen[0] };
}

function trimmed(text, start, end) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
