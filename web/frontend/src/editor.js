// The page's SQL editor: CodeMirror 6 with SQL highlighting, completion of keywords and of the catalog's
// schemas, tables and columns, Ctrl+Enter to run the selection or the statement at the cursor, and an
// error marked at its line (gutter and line) and column. Bundled by esbuild into editor.bundle.js.
import { EditorView, basicSetup } from 'codemirror';
import { keymap, Decoration, GutterMarker, lineNumberMarkers } from '@codemirror/view';
import { Compartment, EditorSelection, Prec, RangeSet, StateEffect, StateField } from '@codemirror/state';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { statementAt } from './statements.js';

const setError = StateEffect.define();

class ErrorLineMarker extends GutterMarker {
  constructor() {
    super();
    this.elementClass = 'error-line';
  }
}

const errorLineMark = Decoration.line({ class: 'cm-error-line' });
const errorColumnMark = Decoration.mark({ class: 'cm-error-column' });
const errorGutterMarker = new ErrorLineMarker();

// The error's place ({ line, from }: a document line number and position) until the text changes.
const errorField = StateField.define({
  create: () => null,
  update(error, transaction) {
    for (const effect of transaction.effects) {
      if (effect.is(setError)) return effect.value;
    }
    return transaction.docChanged ? null : error;
  },
  provide: field => [
    EditorView.decorations.from(field, error => {
      if (!error) return Decoration.none;
      const decorations = [errorLineMark.range(error.lineStart)];
      if (error.from < error.lineEnd) decorations.push(errorColumnMark.range(error.from, error.from + 1));
      return Decoration.set(decorations, true);
    }),
    lineNumberMarkers.from(field, error => error ? RangeSet.of([errorGutterMarker.range(error.lineStart)]) : RangeSet.empty),
  ],
});

// The lake's listing (GET /v1/tables) as lang-sql's namespace: schema → table → columns with their types;
// a table-format catalog's tables one level deeper (catalog → schema → table).
function namespaceOf(tables) {
  const namespace = {};
  for (const table of tables) {
    const path = table.catalog ? [table.catalog, table.schema] : [table.schema];
    let level = namespace;
    for (const name of path) level = (level[name] ??= {});
    level[table.name] = {
      self: { label: table.name, type: 'type', detail: table.format ? table.format.toLowerCase() : 'table' },
      children: table.columns.map(column => ({ label: column.name, type: 'property', detail: column.type.toLowerCase() })),
    };
  }
  return namespace;
}

function language(catalog) {
  return sql({
    // Standard SQL's words: PostgreSQL's take names such as `line` (a geometric type) for keywords, and would not complete lineitem.
    dialect: StandardSQL,
    schema: catalog ? namespaceOf(catalog.tables) : undefined,
    defaultSchema: catalog && catalog.defaultSchema ? catalog.defaultSchema.join('.') : undefined,
  });
}

export class SqlEditor {
  /** host: the element to draw into; doc: the first text; onRun: called by Ctrl+Enter. */
  constructor(host, { doc, onRun }) {
    this.languageSlot = new Compartment();
    this.view = new EditorView({
      parent: host,
      doc,
      extensions: [
        Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => { onRun(); return true; } }])),
        basicSetup,
        this.languageSlot.of(language(null)),
        errorField,
        EditorView.contentAttributes.of({ 'aria-label': 'SQL' }),
      ],
    });
  }

  text() {
    return this.view.state.doc.toString();
  }

  setText(text) {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text }, selection: EditorSelection.cursor(text.length) });
  }

  focus() {
    this.view.focus();
  }

  /** Puts `text` in place of the selection (a name picked in the catalog). */
  insert(text) {
    this.view.dispatch(this.view.state.replaceSelection(text));
    this.view.focus();
  }

  /** What Ctrl+Enter runs: the selected text if any, else the statement at the cursor; from: where it starts in the text. */
  runnable() {
    const selection = this.view.state.selection.main;
    if (!selection.empty) return { sql: this.view.state.sliceDoc(selection.from, selection.to), from: selection.from };
    return statementAt(this.text(), selection.head);
  }

  /** Marks an error reported at (line, column) of the SQL that started at `from`; returns the document's line and column and that line's text. */
  markError(from, line, column) {
    const doc = this.view.state.doc;
    const sent = doc.sliceString(from).split('\n');
    let position = from;
    for (let i = 0; i < line - 1 && i < sent.length; i++) position += sent[i].length + 1;
    position = Math.min(position + Math.max(0, column - 1), doc.length);
    const docLine = doc.lineAt(position);
    this.view.dispatch({
      effects: setError.of({ lineStart: docLine.from, lineEnd: docLine.to, from: position }),
      selection: EditorSelection.cursor(position),
      scrollIntoView: true,
    });
    this.view.focus();
    return { line: docLine.number, column: position - docLine.from + 1, text: docLine.text };
  }

  clearError() {
    this.view.dispatch({ effects: setError.of(null) });
  }

  /** Completes the names of these tables ({ defaultSchema: [..], tables: [{ catalog, schema, name, format, columns }] }). */
  setCatalog(catalog) {
    this.view.dispatch({ effects: this.languageSlot.reconfigure(language(catalog)) });
  }
}
