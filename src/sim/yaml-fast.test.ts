// The fast manifest reader (yaml-fast.ts) against js-yaml: whatever it accepts it must read as
// js-yaml's loadAll does (same keys in the same order, same types, -0, NaN), and parseManifests
// must answer as the js-yaml-only path does, errors included.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { CH03_FILES } from '../scenarios/ch03';
import { benchManifest } from './testing/bench-manifest';
import {
  appConfigYaml,
  deploymentYaml,
  NGINX_WEB,
  sleepPodYaml,
  WEB_SERVICE_YAML,
  WEB_X3,
} from './testing/manifests';
import { KUBECTL_YAML_SCHEMA, parseManifests, parseManifestsJsYaml } from './yaml';
import { readManifestsFast } from './yaml-fast';

/** The first difference between two values (key order, types, -0 and NaN count), or '' when none. */
function difference(a: unknown, b: unknown, path = '$'): string {
  if (typeof a !== typeof b) return `${path}: ${typeof a} vs ${typeof b}`;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object')
    return Object.is(a, b) ? '' : `${path}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
  const ka = Reflect.ownKeys(a);
  const kb = Reflect.ownKeys(b);
  if (ka.length !== kb.length || ka.some((k, i) => k !== kb[i]))
    return `${path}: keys [${ka.map(String)}] vs [${kb.map(String)}]`;
  for (const k of ka) {
    const da = Object.getOwnPropertyDescriptor(a, k);
    const db = Object.getOwnPropertyDescriptor(b, k);
    if (da?.enumerable !== db?.enumerable || da?.writable !== db?.writable)
      return `${path}.${String(k)}: descriptors`;
    const d = difference(da?.value, db?.value, `${path}.${String(k)}`);
    if (d) return d;
  }
  return '';
}

type JsYamlAnswer = { ok: true; docs: unknown[] } | { ok: false; message: string };

/** js-yaml's loadAll with parseManifests' options, empty documents dropped as parseManifests does. */
function jsYaml(text: string): JsYamlAnswer {
  try {
    const docs = loadAll(text, { maxAliases: 64, maxDepth: 100, schema: KUBECTL_YAML_SCHEMA });
    return { ok: true, docs: docs.filter((d) => d !== null && d !== undefined) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

const fast = (text: string) => readManifestsFast(text, KUBECTL_YAML_SCHEMA);

/** The fast reader declines or agrees with js-yaml; parseManifests agrees with its js-yaml-only path. */
function check(text: string): 'fast' | 'declined' {
  const f = fast(text);
  if (f !== undefined) {
    const j = jsYaml(text);
    if (!j.ok) throw new Error(`fast reader accepted a text js-yaml refuses (${j.message}):\n${text}`);
    const d = difference(f, j.docs);
    if (d) throw new Error(`fast reader differs from js-yaml at ${d}:\n${text}`);
  }
  const d = difference(parseManifests(text, 'f.yaml'), parseManifestsJsYaml(text, 'f.yaml'));
  if (d) throw new Error(`parseManifests differs from the js-yaml path at ${d}:\n${text}`);
  return f === undefined ? 'declined' : 'fast';
}

describe('the difference check itself', () => {
  it('tells apart what JSON.stringify would not', () => {
    expect(difference({ a: 1, b: 2 }, { b: 2, a: 1 })).not.toBe('');
    expect(difference([-0], [0])).not.toBe('');
    expect(difference([Number.NaN], [Number.NaN])).toBe('');
    expect(difference({ a: '1' }, { a: 1 })).not.toBe('');
    expect(difference({ a: null }, { a: undefined })).not.toBe('');
    expect(difference([], {})).not.toBe('');
    expect(difference({ a: [1, { b: true }] }, { a: [1, { b: true }] })).toBe('');
  });
});

// ---- generated manifest-like texts ---------------------------------------------------------------

type Node = { t: 's'; v: string } | { t: 'm'; e: [string, Node][] } | { t: 'q'; i: Node[] };

/** Scalars as they appear after `key: ` or `- `, plain and quoted, all within the fast reader's subset. */
const SCALARS = [
  ...'yes no on off y n Y N ~ null NULL Null true False TRUE 0644 0x1F 0o17 0b101 1_000 1e3 .5 -.inf .NaN .inf 09 +1 -0 0 -1 1.5 2024-01-01 10.0.0.1 190:20:30 1.2.3 nginx app-0 apps/v1 a#b a:b -x :x ?x x- web80 http://a.b/c?d=e --- ...x'.split(
    ' ',
  ),
  'a b',
  'x # y',
  'a  b',
  'a, b]',
  '"quoted"',
  '""',
  "''",
  "'it''s'",
  '"a: b"',
  "'x # y'",
  '"\\x41\\u00e9\\t\\n\\\\\\"\\/\\0\\N\\_\\L\\P\\e\\ "',
  '"\\uD83D\\uDE00"',
  '',
];
/** Scalars (or what follows `: `) the fast reader must decline. */
const ODD_SCALARS = [
  '"\\U0001F600"',
  '"\\q"',
  '"\\x4"',
  "'unterminated",
  '"a" b',
  "'a'b",
  'b: c',
  'b:',
  '&anc x',
  '*anc',
  '!!str 1',
  '[a, b]',
  '{a: 1}',
  '|',
  '>',
  '@x',
  '`x',
  '%x',
  '? x',
  ': x',
  '- x',
  '<<',
];
const KEYS = [
  ...'name kind apiVersion metadata labels app.kubernetes.io/name a.b/c 80 1 0x1F yes on ~ null -0 1e3 .nan a#b a:b -x x- spec a b c d e f g h'.split(
    ' ',
  ),
  'with space',
  '"quoted"',
  "'single'",
  '"1"',
  '""',
  'constructor',
];
const ODD_KEYS = ['<<', '__proto__', '? x', '&a k', '!t k', 'k x', '"k": x', '[k]'];

/** The property name js-yaml makes of a key. */
function keyName(k: string): string {
  return Object.keys(loadAll(`${k}: 1`, { schema: KUBECTL_YAML_SCHEMA })[0] as object)[0] ?? '';
}

/** Trees of mappings, sequences and scalars; `odd` mixes in scalars and keys the reader declines. */
function trees(odd: boolean) {
  const scalar = odd
    ? fc.oneof({ arbitrary: fc.constantFrom(...SCALARS), weight: 6 }, fc.constantFrom(...ODD_SCALARS))
    : fc.constantFrom(...SCALARS);
  const key = odd
    ? fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 10 }, fc.constantFrom(...ODD_KEYS))
    : fc.constantFrom(...KEYS);
  return fc.letrec<{ node: Node; map: Node; seq: Node }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { arbitrary: scalar.map((v): Node => ({ t: 's', v })), weight: 6 },
      { arbitrary: tie('map'), weight: 2 },
      { arbitrary: tie('seq'), weight: 2 },
    ),
    // Clean trees hold no duplicate keys (as js-yaml resolves them: `yes` and `on` are both "true").
    map: (odd
      ? fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 })
      : fc.uniqueArray(fc.tuple(key, tie('node')), {
          minLength: 1,
          maxLength: 4,
          selector: ([k]) => keyName(k),
        })
    ).map((e): Node => ({ t: 'm', e })),
    seq: fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((i): Node => ({ t: 'q', i })),
  }));
}

/** Renders trees as block YAML, each layout choice drawn from `choices`. */
class Renderer {
  private state: number;
  /** `seed` draws the layout choices; `odd` allows tails and separators the reader declines. */
  constructor(
    seed: number,
    private readonly odd: boolean,
  ) {
    this.state = seed >>> 0;
  }
  /** A choice in [0, k) (mulberry32). */
  pick(k: number): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) % k;
  }
  private step(): number {
    return [2, 2, 2, 4, 1, 3][this.pick(6)] ?? 2;
  }
  /** After a scalar or a bare `key:`/`-`: nothing, trailing spaces, or a comment. */
  private tail(): string {
    return ['', '', '', '  ', ' # c', '   # c: d', '#not-a-comment'][this.pick(this.odd ? 7 : 6)] ?? '';
  }
  private scalar(v: string): string {
    return v === '' ? '' : ` ${v}${this.tail()}`;
  }
  map(node: Extract<Node, { t: 'm' }>, ind: number, first: string | null): string[] {
    const lines: string[] = [];
    for (const [k, v] of node.e) {
      const head = lines.length === 0 && first !== null ? first : ' '.repeat(ind);
      if (v.t === 's') lines.push(`${head}${k}:${this.scalar(v.v)}`);
      else {
        lines.push(`${head}${k}:${this.pick(4) === 0 ? this.tail() : ''}`);
        const same = v.t === 'q' && this.pick(3) === 0;
        lines.push(...this.block(v, same ? ind : ind + this.step(), null));
      }
    }
    return lines;
  }
  seq(node: Extract<Node, { t: 'q' }>, ind: number, first: string | null): string[] {
    const lines: string[] = [];
    for (const v of node.i) {
      const head = lines.length === 0 && first !== null ? first : ' '.repeat(ind);
      if (v.t === 's') lines.push(`${head}-${this.scalar(v.v)}`);
      else if (this.pick(3) > 0) {
        const gap = 1 + this.pick(2);
        lines.push(...this.block(v, ind + 1 + gap, `${head}-${' '.repeat(gap)}`));
      } else {
        lines.push(`${head}-${this.pick(3) === 0 ? this.tail() : ''}`);
        lines.push(...this.block(v, ind + this.step(), null));
      }
    }
    return lines;
  }
  block(node: Node, ind: number, first: string | null): string[] {
    if (node.t === 'm') return this.map(node, ind, first);
    if (node.t === 'q') return this.seq(node, ind, first);
    return [`${first ?? ' '.repeat(ind)}${node.v}`];
  }
  /** Blank lines and comment lines (any indent) between the lines. */
  sprinkle(lines: string[]): string[] {
    const out: string[] = [];
    for (const l of lines) {
      const r = this.pick(12);
      if (r === 0) out.push('');
      else if (r === 1) out.push(`${' '.repeat(this.pick(6))}# comment: x`);
      else if (r === 2) out.push('   ');
      out.push(l);
    }
    return out;
  }
  documents(docs: Node[]): string {
    const parts: string[] = [];
    for (const d of docs) {
      if (this.pick(8) === 0) parts.push(''); // an empty document
      parts.push(this.sprinkle(this.block(d, 0, null)).join('\n'));
    }
    const sep = () =>
      ['---', '---', '--- # next', '---   ', '--- x: 1', '...'][this.pick(this.odd ? 6 : 4)] ?? '---';
    let text = this.pick(3) === 0 ? `${sep()}\n` : '';
    parts.forEach((p, i) => {
      if (i > 0) text += `\n${sep()}\n`;
      text += p;
    });
    return text + ['', '\n', '\n\n', '\n# end\n'][this.pick(4)];
  }
}

/** Line-level damage and oddities (most make js-yaml refuse the text, or read it otherwise). */
const MUTATIONS: ((text: string, r: Renderer) => string)[] = [
  (t, r) => {
    const lines = t.split('\n');
    const i = r.pick(lines.length);
    lines[i] = r.pick(2) === 0 ? ` ${lines[i]}` : (lines[i] ?? '').replace(/^ /, '');
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = r.pick(lines.length);
    lines.splice(i, 0, lines[i] ?? '');
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    lines.splice(r.pick(lines.length), 1);
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const i = r.pick(lines.length);
    lines[i] = (lines[i] ?? '').replace(/^( *)/, '$1\t');
    return lines.join('\n');
  },
  (t) => t.replaceAll('\n', '\r\n'),
  (t) => `\uFEFF${t}`,
  (t) => `%YAML 1.1\n---\n${t}`,
  (t, r) => {
    const lines = t.split('\n');
    const i = r.pick(lines.length);
    lines[i] = `${lines[i]}${['  more', '\n  more: x', ' "x"', '\n    - x'][r.pick(4)]}`;
    return lines.join('\n');
  },
  (t, r) => {
    const i = r.pick(t.length + 1);
    return `${t.slice(0, i)}${['\u00e9', '\u2028', '\x85', '\x7f', '\x01', '\uD83D\uDE00'][r.pick(6)]}${t.slice(i)}`;
  },
];

const texts = fc
  .boolean()
  .chain((odd) => {
    const tree = trees(odd);
    return fc.tuple(
      fc.constant(odd),
      fc.array(fc.oneof(tree.map, tree.map, tree.seq, ...(odd ? [tree.node] : [])), {
        minLength: 1,
        maxLength: 3,
      }),
      fc.integer(),
      fc.nat((odd ? 2 : 4) * MUTATIONS.length - 1),
    );
  })
  .map(([odd, docs, seed, m]) => {
    const r = new Renderer(seed, odd);
    const text = r.documents(docs);
    const mutate = MUTATIONS[m];
    return mutate ? mutate(text, r) : text;
  });

describe('the fast reader against js-yaml on generated texts', () => {
  it('declines or reads exactly what js-yaml reads; parseManifests answers as the js-yaml path', () => {
    const seen = { fast: 0, declined: 0, refused: 0 };
    fc.assert(
      fc.property(texts, (text) => {
        seen[check(text)]++;
        if (!parseManifestsJsYaml(text, 'f.yaml').ok) seen.refused++;
      }),
      { seed: 20261128, numRuns: 3000 },
    );
    // The generator must exercise the reader, not only its fallback.
    expect(seen.fast).toBeGreaterThan(300);
    expect(seen.declined).toBeGreaterThan(300);
    // …and the error answers (js-yaml refusing the text) through parseManifests.
    expect(seen.refused).toBeGreaterThan(300);
  });

  it('the same on manifests built from the common shapes (mostly read fast)', () => {
    const value = fc.constantFrom(...SCALARS);
    let taken = 0;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.constantFrom('name', 'app', 'k8s.io/x', 'x y', '80', '"q"'), value), {
          minLength: 1,
          maxLength: 5,
          selector: ([k]) => k,
        }),
        fc.constantFrom('  ', '    '),
        fc.boolean(),
        (pairs, ind, sameIndent) => {
          const labels = pairs.map(([k, v]) => `${ind}${ind}${k}: ${v}`).join('\n');
          const seqInd = sameIndent ? `${ind}${ind}` : `${ind}${ind}${ind}`;
          const text = `apiVersion: v1\nkind: Pod\nmetadata:\n${ind}name: p\n${ind}labels:\n${labels}\nspec:\n${ind}containers:\n${ind}- name: c\n${ind}  ports:\n${seqInd}- containerPort: 80\n${seqInd}  protocol: TCP\n---\nkind: Service\n`;
          if (check(text) === 'fast') taken++;
        },
      ),
      { seed: 7, numRuns: 500 },
    );
    expect(taken).toBeGreaterThan(250);
  });
});

// ---- the fast path is taken on real manifests ------------------------------------------------------

const ROOT = resolve(import.meta.dirname, '../..');

function yamlFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

describe('the fast path is taken on the manifests the repository ships and tests with', () => {
  const subset: [string, string][] = [
    ['benchManifest(20)', benchManifest(20)],
    ['WEB_X3', WEB_X3],
    ['NGINX_WEB', NGINX_WEB],
    [
      'deploymentYaml with everything',
      deploymentYaml(
        'w',
        { name: 'c', image: 'nginx:1.27' },
        {
          replicas: 3,
          minReadySeconds: 5,
          labels: { tier: 'web', 'app.kubernetes.io/name': 'w' },
          annotations: { a: 'b' },
        },
      ),
    ],
    ['sleepPodYaml', sleepPodYaml('sleep', '  restartPolicy: Never\n')],
    ['appConfigYaml', appConfigYaml('  extra: "1"\n')],
    ...Object.entries(CH03_FILES).filter(([path]) => path.endsWith('.yaml')),
  ];
  for (const [name, text] of subset) {
    it(name, () => {
      const r = parseManifests(text, name);
      expect(r.ok).toBe(true);
      expect(fast(text)).toBeDefined();
      expect(check(text)).toBe('fast');
    });
  }

  it('a flow-style test manifest falls back and still reads the same', () => {
    expect(fast(WEB_SERVICE_YAML)).toBeUndefined();
    expect(check(WEB_SERVICE_YAML)).toBe('declined');
  });

  it('every YAML file under public/ that parseManifests accepts', () => {
    const files = yamlFilesUnder(join(ROOT, 'public'));
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!parseManifests(text, file).ok) continue;
      expect(check(text), relative(ROOT, file)).toBe('fast');
    }
    // public/ holds no YAML today (the chapter's files ship as CH03_FILES, checked above); this
    // keeps the count visible so a file added there is covered.
    expect(files.length).toBeGreaterThanOrEqual(0);
  });

  const KIAMOL = resolve(ROOT, '../shared/kiamol-ch03');
  const kiamol = yamlFilesUnder(KIAMOL);
  it.skipIf(kiamol.length === 0)(
    `the book's chapter 3 files read as js-yaml reads them${kiamol.length === 0 ? ` (skipped: no YAML under ${KIAMOL})` : ''}`,
    () => {
      let taken = 0;
      for (const file of kiamol) {
        const text = readFileSync(file, 'utf8');
        if (check(text) === 'fast') taken++;
      }
      // The Kubernetes manifests (not the compose files) are in the subset.
      expect(taken).toBeGreaterThanOrEqual(kiamol.filter((f) => f.endsWith('.yaml')).length);
    },
  );
});

// ---- each fallback trigger ---------------------------------------------------------------------------

describe('fallback triggers: the fast reader declines and parseManifests answers as js-yaml does', () => {
  const triggers: [string, string][] = [
    ['a tab in indentation', 'a:\n\tb: 1\n'],
    ['a tab inside a value', 'a: b\tc\n'],
    ['CRLF line ends', 'a: 1\r\nb: 2\r\n'],
    ['a BOM', '\uFEFFa: 1\n'],
    ['a flow mapping', 'a: {b: 1}\n'],
    ['a flow sequence', 'a: [1, 2]\n'],
    ['a flow sequence as a document', '[1, 2]\n'],
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['an alias to nothing', 'a: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !foo 1\n'],
    ['a literal block scalar', 'a: |\n  x\n  y\n'],
    ['a folded block scalar', 'a: >-\n  x\n  y\n'],
    ['a directive', '%YAML 1.1\n---\na: 1\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a multi-line double-quoted scalar', 'a: "b\n  c"\n'],
    ['a multi-line single-quoted scalar', "a: 'b\n  c'\n"],
    ['a value on the next, deeper line', 'a:\n  b\n'],
    ['duplicate keys', 'a: 1\nb: 2\na: 3\n'],
    ['duplicate keys once resolved', 'yes: 1\ntrue: 2\n'],
    ['duplicate keys, quoted and plain', '1: a\n"1": b\n'],
    ['the merge key', 'base: &b\n  x: 1\nm:\n  <<: *b\n  y: 2\n'],
    ['the merge key on a scalar', '<<: 1\n'],
    ['__proto__', '__proto__: 1\nb: 2\n'],
    ['a quoted __proto__', '"__proto__":\n  polluted: true\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['a \\U escape', 'a: "\\U0001F600"\n'],
    ['a non-BMP character', 'a: \uD83D\uDE00\n'],
    ['a control character', 'a: b\x01\n'],
    ['a document not at column 0', '  a: 1\n  b: 2\n'],
    ['a scalar document', 'just text\n'],
    ['text after ---', '--- a: 1\n'],
    ['bad indentation', 'a:\n  b: 1\n   c: 2\n'],
    ['a dedent to no level', 'a:\n    b: 1\n  c: 2\n'],
    ['a sequence after a scalar value', 'a: 1\n- b\n'],
    ['a mapping value inline', 'a: b: c\n'],
    ['no space after the colon of a quoted key', '"a":b\n'],
    ['text after a quoted value', 'a: "b" c\n'],
    ['a comment without a space before it', 'a: "b"#c\n'],
    ['an explicit empty key', ': a\n'],
    ['a key with no colon', 'a: 1\nb\n'],
    ['an unterminated quote', 'a: "b\n'],
    ['a null byte', 'a: 1\0\n'],
    [
      'nesting deeper than the reader goes',
      `${Array.from({ length: 45 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
    ],
    [
      'nesting deeper than js-yaml allows',
      `${Array.from({ length: 120 }, (_, i) => `${' '.repeat(i)}k:`).join('\n')} 1\n`,
    ],
  ];
  for (const [name, text] of triggers) {
    it(name, () => {
      expect(fast(text)).toBeUndefined();
      expect(check(text)).toBe('declined');
      expect(parseManifests(text, 'x.yaml')).toEqual(parseManifestsJsYaml(text, 'x.yaml'));
    });
  }

  it('the text around a trigger is read fast once the trigger is gone', () => {
    expect(check('a: 1\nb: 2\n')).toBe('fast');
    expect(check('a: "b"\n')).toBe('fast');
    expect(check('a:\n- b\n')).toBe('fast');
    expect(check('a: "\\x41\\u00e9\\n"\n')).toBe('fast');
    expect(check("a: 'it''s'\n")).toBe('fast');
    expect(check('a: b#c\nd#e: f:g\n')).toBe('fast');
    expect(check('a: b # c\n  # deeper comment\nd: e\n')).toBe('fast');
    expect(check('---\n---\na: 1\n--- # c\n\n---\n')).toBe('fast');
    expect(check('')).toBe('fast');
    expect(check('# only a comment\n')).toBe('fast');
  });
});
