// Multi-document YAML → plain objects, with kubectl's error text on a syntax error
// (`error: error parsing x.yaml: error converting YAML to JSON: yaml: line N: …`). kubectl reads
// one document at a time, so N counts from the document's first line; `line`/`column` are also
// given absolutely (1-based) for editor markers. Empty documents are skipped. Alias bombs and
// runaway nesting are refused instead of hanging.
import { loadAll, YAMLException } from 'js-yaml';

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

export function parseManifests(text: string, filename: string): ParseResult {
  let docs: unknown[];
  try {
    docs = loadAll(text, { filename, maxAliases: 64, maxDepth: 100 });
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
