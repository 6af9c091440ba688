// `-f FILE|DIR|-` as kubectl's resource builder reads it [CLI-RT resource/visitor.go]:
// explicit files are read whatever their extension; directories are walked in lexical order
// reading only .json/.yaml/.yml (sub-directories only with -R); `-` is stdin ("STDIN").
import { parseManifests } from '../../sim/yaml';
import type { KubectlContext } from './registry';

export interface ManifestFile {
  /** The source name kubectl reports (`sleep/sleep1.yaml`, `numbers/api.yaml`, `STDIN`). */
  source: string;
  text: string;
}

const EXTENSIONS = /\.(json|yaml|yml)$/;

function join(dir: string, name: string): string {
  const d = dir.replace(/\/+$/, '');
  return d === '' ? `/${name}` : `${d}/${name}`;
}

/** Expand the -f arguments into files, or kubectl's error line (`error: the path "x" does not exist`). */
export function collectFiles(
  ctx: KubectlContext,
  paths: string[],
  recursive: boolean,
): { ok: true; files: ManifestFile[] } | { ok: false; message: string } {
  const host = ctx.host;
  const files: ManifestFile[] = [];
  const walk = (dir: string, top: boolean) => {
    for (const name of host?.readDir(dir) ?? []) {
      const p = join(dir, name);
      const st = host?.stat(p);
      if (st === 'dir') {
        if (recursive) walk(p, false);
      } else if (EXTENSIONS.test(name)) files.push({ source: p, text: host?.readFile(p) ?? '' });
    }
    return top;
  };
  for (const p of paths) {
    if (p === '-') {
      files.push({ source: 'STDIN', text: ctx.proc.stdin });
      continue;
    }
    if (/^https?:\/\//.test(p)) {
      return {
        ok: false,
        message: `error: unable to read URL "${p}", server reported 404 Not Found, status code=404`,
      };
    }
    const st = host?.stat(p);
    if (!st) return { ok: false, message: `error: the path "${p}" does not exist` };
    if (st === 'dir') walk(p.replace(/\/+$/, '') || '/', true);
    else files.push({ source: p, text: host?.readFile(p) ?? '' });
  }
  return { ok: true, files };
}

export type ParsedDocs = { ok: true; docs: unknown[] } | { ok: false; message: string };

/** Split one file into documents with the control plane's YAML reader (kubectl's error text). */
export function parseDocs(text: string, source: string): ParsedDocs {
  const r = parseManifests(text, source);
  return r.ok ? { ok: true, docs: r.docs } : { ok: false, message: `error: ${r.error.message}` };
}
