// No UI text bypasses the catalogue: every literal the UI shows or announces (JSX text; the title,
// aria-*, placeholder, alt and label attributes; Monaco's ariaLabel option; alert/prompt/confirm
// texts; setAttribute of an aria-* or title) in src/ui and the app's entry files is either a message
// key or notation that reads the same in Korean (kind and tool names, kubectl's own words, checked by
// ko-check's `strayEnglish`). Parsed with the TypeScript compiler, so comments and class names do
// not count. Excluded: the catalogues themselves, the editor schema (./schema-ko.test.ts checks its
// Korean), and numbers-web's page (the app's own content, shown as the app writes it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { strayEnglish } from './ko-check';
import { en } from './messages';

const SRC = join(import.meta.dirname, '..', '..');
const EXCLUDED = [
  /\.test\.tsx?$/,
  /\/ui\/i18n\//,
  /\/editor\/k8s-schema\.ts$/,
  /\/browser\/NumbersWebPage\.tsx$/,
];
/** Words that stay as they are: the language menu names English in English; a graph group is a Node. */
const SAME = new Set(['English', 'Node', 'none']);
/** The attributes (and Monaco options) whose value is text a person reads or hears. */
const UI_ATTRS = new Set([
  'title',
  'placeholder',
  'alt',
  'label',
  'ariaLabel',
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'aria-placeholder',
]);
const isUiAttr = (name: string) => UI_ATTRS.has(name);

function files(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) files(p, out);
    else if (/\.tsx?$/.test(f) && !EXCLUDED.some((r) => r.test(p))) out.push(p);
  }
  return out;
}

/** The literal text of a string or template (its fixed parts), or undefined for anything else. */
function literal(n: ts.Node | undefined): string | undefined {
  if (!n) return undefined;
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n))
    return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
  if (ts.isJsxExpression(n)) return literal(n.expression);
  if (ts.isParenthesizedExpression(n)) return literal(n.expression);
  if (ts.isConditionalExpression(n)) {
    const a = literal(n.whenTrue);
    const b = literal(n.whenFalse);
    return a === undefined && b === undefined ? undefined : `${a ?? ''} ${b ?? ''}`;
  }
  return undefined;
}

/** Every UI literal of a file, as `file:line: text`. */
function uiLiterals(path: string, text = readFileSync(path, 'utf8')): { where: string; text: string }[] {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const src = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const out: { where: string; text: string }[] = [];
  const add = (n: ts.Node, s: string | undefined) => {
    if (s === undefined || !/[A-Za-z]/.test(s)) return;
    const line = src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
    out.push({ where: `${path.slice(SRC.length + 1)}:${line}`, text: s.trim() });
  };
  const visit = (n: ts.Node) => {
    if (ts.isJsxText(n)) add(n, n.text.replace(/&lt;|&gt;|&amp;/g, ' '));
    else if (ts.isJsxAttribute(n) && isUiAttr(n.name.getText(src))) add(n, literal(n.initializer));
    else if (ts.isPropertyAssignment(n) && isUiAttr(n.name.getText(src).replace(/['"]/g, '')))
      add(n, literal(n.initializer));
    else if (ts.isCallExpression(n)) {
      const callee = n.expression.getText(src);
      if (/(^|\.)(alert|prompt|confirm)$/.test(callee)) for (const a of n.arguments) add(a, literal(a));
      if (/\.setAttribute$/.test(callee) && isUiAttr(literal(n.arguments[0]) ?? ''))
        add(n, literal(n.arguments[1]));
    } else if (ts.isBinaryExpression(n) && n.left.getText(src) === 'document.title') add(n, literal(n.right));
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

const isKey = (s: string) => s in en;

describe('UI text goes through the catalogue', () => {
  it('no literal English in the UI (src/ui, App.tsx, main.tsx)', () => {
    const all = [...files(join(SRC, 'ui')), join(SRC, 'App.tsx'), join(SRC, 'main.tsx')];
    const bad = all
      .flatMap((f) => uiLiterals(f))
      .filter((l) => !isKey(l.text) && strayEnglish(l.text, SAME).length > 0)
      .map((l) => `${l.where}: ${l.text}`);
    expect(bad).toEqual([]);
  });

  it('the scan finds a literal in each place a UI string can hide', () => {
    const sample = `export const X = () => (
      <div title="Reload page" aria-label={\`Open \${name}\`} placeholder={ok ? 'Type here' : t('x')}>
        Loading files
        <option>English</option><span>Pod</span>
      </div>);
      el.setAttribute('aria-label', 'Terminal input');
      window.confirm('Delete it?');
      const o = { ariaLabel: 'YAML editor' };
      document.title = 'Playground';`;
    const found = uiLiterals(join(SRC, 'ui', 'sample.tsx'), sample).map((l) => l.text);
    expect(found).toEqual([
      'Reload page',
      'Open',
      'Type here',
      'Loading files',
      'English',
      'Pod',
      'Terminal input',
      'Delete it?',
      'YAML editor',
      'Playground',
    ]);
    expect(found.filter((s) => strayEnglish(s, SAME).length > 0)).toEqual([
      'Reload page',
      'Open',
      'Type here',
      'Loading files',
      'Terminal input',
      'Delete it?',
      'YAML editor',
      'Playground',
    ]);
  });
});
