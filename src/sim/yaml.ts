// Multi-document YAML → plain objects, with kubectl's error text on a syntax error
// (`error: error parsing x.yaml: error converting YAML to JSON: yaml: line N: …`). kubectl reads
// one document at a time, so N counts from the document's first line; `line`/`column` are also
// given absolutely (1-based) for editor markers. Empty documents are skipped. Alias bombs and
// runaway nesting are refused instead of hanging. The block-YAML subset manifests are written in
// is read first by a specialised reader (yaml-fast.ts, ~10x js-yaml's speed), which returns what
// js-yaml would or declines; every text it declines goes through js-yaml as before.
import {
  boolYaml11Tag,
  defineScalarTag,
  FAILSAFE_SCHEMA,
  loadAll,
  mergeTag,
  NOT_RESOLVED,
  nullYaml11Tag,
  Schema,
  YAMLException,
} from 'js-yaml';
import { readManifestsFast } from './yaml-fast';

/** go-yaml v2's float syntax (yamlStyleFloat), tried after the integer parse fails. */
const GO_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** strconv.ParseInt(s, 0, 64)'s syntax: 0x / 0b / 0o prefixes, a leading 0 for octal, else decimal. */
const GO_INT = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[bB]([01]+)|0[oO]?([0-7]+)|([1-9][0-9]*|0))$/;
const SPECIAL: Record<string, number> = {
  '.inf': Number.POSITIVE_INFINITY,
  '.Inf': Number.POSITIVE_INFINITY,
  '.INF': Number.POSITIVE_INFINITY,
  '+.inf': Number.POSITIVE_INFINITY,
  '+.Inf': Number.POSITIVE_INFINITY,
  '+.INF': Number.POSITIVE_INFINITY,
  '-.inf': Number.NEGATIVE_INFINITY,
  '-.Inf': Number.NEGATIVE_INFINITY,
  '-.INF': Number.NEGATIVE_INFINITY,
  '.nan': Number.NaN,
  '.NaN': Number.NaN,
  '.NAN': Number.NaN,
};

/**
 * A plain scalar as go-yaml v2's resolve() reads a number: underscores dropped, then
 * strconv.ParseInt with base 0 (so `0644` is octal 420 and `0o17`, `0x1F`, `0b101` work), then
 * its float syntax (`1e3`, and `09`, which is no octal, as 9). Timestamps are not resolved: for
 * an interface{} target go-yaml v2 keeps them as strings.
 */
const goNumberTag = defineScalarTag('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: [...'+-.0123456789'],
  resolve: (source) => {
    const special = SPECIAL[source];
    if (special !== undefined) return special;
    const plain = source.includes('_') ? source.replaceAll('_', '') : source;
    const m = GO_INT.exec(plain);
    if (m) {
      const [, sign, hex, bin, oct, dec] = m;
      const n =
        hex !== undefined
          ? Number.parseInt(hex, 16)
          : bin !== undefined
            ? Number.parseInt(bin, 2)
            : oct !== undefined
              ? Number.parseInt(oct, 8)
              : Number(dec);
      return sign === '-' ? -n : n;
    }
    return GO_FLOAT.test(plain) ? Number.parseFloat(plain) : NOT_RESOLVED;
  },
  identify: (v) => typeof v === 'number',
});

/**
 * The YAML kubectl reads: sigs.k8s.io/yaml's YAMLToJSON runs go-yaml v2, a YAML 1.1 reader —
 * `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `0644` is octal, `<<` merges, and a date stays text.
 */
export const KUBECTL_YAML_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  goNumberTag,
  mergeTag,
]);

export type ParseResult =
  | { ok: true; docs: unknown[] }
  | { ok: false; error: { message: string; line: number; column: number; reason: string } };

/** js-yaml reasons → the go-yaml (sigs.k8s.io/yaml) wording kubectl prints. */
const GO_YAML: [RegExp, string][] = [
  [/^bad indentation of a mapping entry/, 'mapping values are not allowed in this context'],
  [/^bad indentation of a sequence entry/, "did not find expected '-' indicator"],
  [/^tab characters must not be used/, 'found character that cannot start any token'],
  [/within a flow collection/, "did not find expected ',' or ']'"],
  [/^missed comma between flow collection entries/, "did not find expected ',' or '}'"],
  [/within a (double|single) quoted scalar/, 'found unexpected end of stream'],
  [/^end of the stream or a document separator is expected/, 'did not find expected <document start>'],
  [
    /^can not read a block mapping entry; a multiline key may not be an implicit key/,
    "could not find expected ':'",
  ],
  [/^unidentified alias/, 'unknown anchor referenced'],
];

const MAX_NODES = 1_000_000;

function goReason(reason: string): string {
  for (const [re, text] of GO_YAML) if (re.test(reason)) return text;
  return reason;
}

/** Count nodes (following shared references) and stop early: catches alias bombs. */
function tooBig(v: unknown): boolean {
  let n = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (++n > MAX_NODES) return true;
    if (Array.isArray(x)) for (const y of x) stack.push(y);
    else if (x && typeof x === 'object') for (const y of Object.values(x)) stack.push(y);
  }
  return false;
}

/** First line (0-based) of the document containing `line`: the line after the last `---` above it. */
function documentStart(lines: string[], line: number): number {
  for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
    if (/^---(\s|$)/.test(lines[i] ?? '')) return i + 1;
  }
  return 0;
}

/** The documents of `text` from the fast reader (yaml-fast.ts), or undefined when it declines. */
function readFast(text: string): unknown[] | undefined {
  try {
    return readManifestsFast(text, KUBECTL_YAML_SCHEMA);
  } catch {
    return undefined;
  }
}

export function parseManifests(text: string, filename: string): ParseResult {
  return parseWith(text, filename, true);
}

/** parseManifests through js-yaml alone, the fast reader never tried (for the tests that compare them). */
export function parseManifestsJsYaml(text: string, filename: string): ParseResult {
  return parseWith(text, filename, false);
}

function parseWith(text: string, filename: string, fast: boolean): ParseResult {
  let docs: unknown[];
  try {
    docs =
      (fast ? readFast(text) : undefined) ??
      loadAll(text, { filename, maxAliases: 64, maxDepth: 100, schema: KUBECTL_YAML_SCHEMA });
  } catch (e) {
    const ex = e instanceof YAMLException ? e : undefined;
    const reason = ex?.reason ?? (e instanceof Error ? e.message : String(e));
    const line0 = ex?.mark?.line ?? 0;
    const column0 = ex?.mark?.column ?? 0;
    const lines = text.split('\n');
    if (/duplicated mapping key/.test(reason)) {
      const rel = line0 - documentStart(lines, line0) + 1;
      const key = /^\s*["']?([^:"']+)/.exec(lines[line0] ?? '')?.[1] ?? '';
      return {
        ok: false,
        error: {
          message: `error parsing ${filename}: error converting YAML to JSON: yaml: unmarshal errors:\n  line ${rel}: key "${key}" already set in map`,
          line: line0 + 1,
          column: column0 + 1,
          reason,
        },
      };
    }
    const rel = line0 - documentStart(lines, line0) + 1;
    return {
      ok: false,
      error: {
        message: `error parsing ${filename}: error converting YAML to JSON: yaml: line ${rel}: ${goReason(reason)}`,
        line: line0 + 1,
        column: column0 + 1,
        reason,
      },
    };
  }
  // Without an alias (`*name`, also behind `<<: *name`) every node comes from its own place in the
  // text (its own key, `-`, `,` or scalar character), so a text shorter than MAX_NODES cannot hold
  // a document of more than MAX_NODES nodes: skip the walk.
  const mayBeTooBig = text.length >= MAX_NODES || text.includes('*');
  const out: unknown[] = [];
  for (const d of docs) {
    if (d === null || d === undefined) continue;
    if (mayBeTooBig && tooBig(d)) {
      return {
        ok: false,
        error: {
          message: `error parsing ${filename}: error converting YAML to JSON: yaml: document is too large (more than ${MAX_NODES} nodes after expanding aliases)`,
          line: 1,
          column: 1,
          reason: 'document too large',
        },
      };
    }
    out.push(d);
  }
  return { ok: true, docs: out };
}
