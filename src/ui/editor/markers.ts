// Turns what `kubectl apply -f <file>` printed into editor markers at the right line and column.
// The text lines come from kubectl (the one apply code path); positions come from parsing the same
// file with the `yaml` package, whose CST keeps every node's source range:
//   - YAML syntax errors: the parser's own line/column;
//   - API errors name a field path (`spec.ports[0].port`, `Go struct field ServiceSpec.spec.ports`,
//     `unknown field "spec.selecter"`) and the object (`The Service "sleep-2" is invalid`); the path is
//     walked in that object's document and the key/value pair is marked.
import {
  type Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseAllDocuments,
} from 'yaml';

export interface EditorMarker {
  /** 1-based, like Monaco. */
  startLine: number;
  startCol: number;
  endLine: number;
  endCol: number;
  message: string;
}

interface FieldError {
  kind?: string;
  name?: string;
  path: string;
  message: string;
}

type Seg = string | number;

export function parsePath(path: string): Seg[] {
  const out: Seg[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[1] !== undefined) out.push(m[1]);
  }
  return out;
}

/** Field errors named in kubectl's apply output (see k8s-behavior.md §B0, §B1, §C8). */
export function fieldErrors(output: string): FieldError[] {
  const errs: FieldError[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Pretty form: The Service "x" is invalid: spec.ports: Required value   (or causes on `* ` lines)
    // Raw form:    … Deployment.apps "x" is invalid: [spec.a: …, spec.b: …]
    const inv = /(?:The )?(\w+)(?:\.[\w.]+)? "([^"]*)" is invalid: ?(.*)$/.exec(line);
    if (inv) {
      const [, kind, name, rest = ''] = inv;
      const causes: string[] = [];
      if (rest.trim() === '') {
        while ((lines[i + 1] ?? '').startsWith('* ')) causes.push((lines[++i] ?? '').slice(2));
      } else if (rest.startsWith('[') && rest.endsWith(']')) {
        causes.push(...rest.slice(1, -1).split(/, (?=[a-z][\w.[\]]*: )/));
      } else causes.push(rest);
      for (const c of causes) {
        const m = /^([a-zA-Z][\w.[\]]*): (.*)$/.exec(c);
        if (m?.[1] && m[2] !== undefined)
          errs.push({
            ...(kind ? { kind } : {}),
            ...(name !== undefined ? { name } : {}),
            path: m[1],
            message: c,
          });
      }
      continue;
    }
    const goField = /cannot be handled as an? (\w+): .*Go struct field \w+\.([\w.[\]]+) of type/.exec(line);
    if (goField?.[1] && goField[2]) {
      errs.push({
        kind: goField[1],
        path: goField[2],
        message: line.replace(/^Error from server \(\w+\): /, ''),
      });
      continue;
    }
    const unknown = /cannot be handled as an? (\w+): strict decoding error: unknown field "([^"]+)"/.exec(
      line,
    );
    if (unknown?.[1] && unknown[2]) {
      errs.push({
        kind: unknown[1],
        path: unknown[2],
        message: line.replace(/^Error from server \(\w+\): /, ''),
      });
    }
  }
  return errs;
}

function rangeToMarker(
  lc: LineCounter,
  start: number,
  endIn: number,
  message: string,
  text?: string,
): EditorMarker {
  // Block nodes' ranges end after their trailing newline: stop the marker at the last visible character.
  let end = endIn;
  if (text) while (end > start + 1 && /\s/.test(text[end - 1] ?? '')) end--;
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(end, start + 1));
  return { startLine: a.line, startCol: a.col, endLine: b.line, endCol: b.col, message };
}

/**
 * The path of a reported field as the manifest spells it: the API server reports a pod template's
 * own labels and annotations at `…template.labels` (ValidatePodTemplateSpec validates the
 * embedded ObjectMeta at the template's path), which the YAML holds under `…template.metadata`.
 */
function inManifest(path: Seg[]): Seg[] {
  const out: Seg[] = [];
  path.forEach((seg, i) => {
    if ((seg === 'labels' || seg === 'annotations') && path[i - 1] === 'template') out.push('metadata');
    out.push(seg);
  });
  return out;
}

/** The deepest node on the path that exists; marks the key and its value when the last step is a key. */
function locate(doc: Document, path: Seg[]): [number, number] | undefined {
  let node: unknown = doc.contents;
  let range: [number, number] | undefined = doc.contents?.range
    ? [doc.contents.range[0], doc.contents.range[1]]
    : undefined;
  for (const seg of path) {
    if (typeof seg === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      const k = pair.key as Node;
      const v = pair.value as Node | null;
      const start = k.range?.[0];
      const end = v?.range?.[1] ?? k.range?.[1];
      if (start !== undefined && end !== undefined) range = [start, end];
      node = v;
    } else if (typeof seg === 'number' && isSeq(node)) {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      if (item.range) range = [item.range[0], item.range[1]];
      node = item;
    } else break;
  }
  return range;
}

function docMatches(doc: Document, kind?: string, name?: string): boolean {
  const js = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
  if (!js || typeof js !== 'object') return false;
  if (kind && js.kind !== kind) return false;
  if (name !== undefined && js.metadata?.name !== name) return false;
  return true;
}

/** Markers for a file given what kubectl apply printed for it. */
export function applyMarkers(text: string, output: string): EditorMarker[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false });
  const list = Array.isArray(docs) ? docs : [];
  const markers: EditorMarker[] = [];
  for (const d of list)
    for (const e of d.errors) {
      const [s, en] = e.pos;
      markers.push(rangeToMarker(lc, s, en, e.message.split('\n')[0] ?? e.message));
    }
  if (markers.length > 0) return markers;
  // kubectl reported a YAML error the `yaml` package accepted (go-yaml is stricter in places).
  const yamlLine = /yaml: line (\d+): (.*)$/m.exec(output);
  if (yamlLine?.[1]) {
    const line = Number(yamlLine[1]);
    return [{ startLine: line, startCol: 1, endLine: line, endCol: 1000, message: yamlLine[0] }];
  }
  for (const fe of fieldErrors(output)) {
    const doc = list.find((d) => docMatches(d, fe.kind, fe.name)) ?? list.find((d) => docMatches(d, fe.kind));
    if (!doc) continue;
    const r = locate(doc, inManifest(parsePath(fe.path)));
    if (r) markers.push(rangeToMarker(lc, r[0], r[1], fe.message, text));
  }
  return markers;
}
