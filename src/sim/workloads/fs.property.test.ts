// Property (fast-check, seed printed on failure and pinned here): any sequence of mkdir -p,
// `echo > file` and rm -rf under /tmp leaves exactly the tree a plain model of directories and
// files predicts, as `ls -R /tmp` prints it, and every file reads back its last text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';

type Op = { op: 'mkdir' | 'write' | 'rm'; path: string; text: string };

const seg = fc.constantFrom('a', 'b', 'c');
const path = fc.array(seg, { minLength: 1, maxLength: 3 }).map((s) => `/tmp/${s.join('/')}`);
const op: fc.Arbitrary<Op> = fc.record({
  op: fc.constantFrom('mkdir', 'write', 'rm'),
  path,
  text: fc.constantFrom('x', 'yy'),
});

/** The model: directories and files by path. */
function apply(dirs: Set<string>, files: Map<string, string>, o: Op): void {
  const parent = o.path.slice(0, o.path.lastIndexOf('/'));
  if (o.op === 'mkdir') {
    const parts = o.path.split('/').filter(Boolean);
    const prefixes = parts.map((_, i) => `/${parts.slice(0, i + 1).join('/')}`);
    if (prefixes.some((p) => files.has(p))) return;
    for (const p of prefixes) dirs.add(p);
  } else if (o.op === 'write') {
    if (dirs.has(parent) && !dirs.has(o.path)) files.set(o.path, `${o.text}\n`);
  } else {
    for (const d of [...dirs]) if (d === o.path || d.startsWith(`${o.path}/`)) dirs.delete(d);
    for (const f of [...files.keys()]) if (f === o.path || f.startsWith(`${o.path}/`)) files.delete(f);
  }
}

function lsR(dirs: Set<string>, files: Map<string, string>, dir: string, first = true): string {
  const kids = [...dirs, ...files.keys()]
    .filter((p) => p.slice(0, p.lastIndexOf('/')) === dir)
    .map((p) => p.slice(dir.length + 1))
    .sort();
  let out = `${first ? '' : '\n'}${dir}:\n${kids.map((k) => `${k}\n`).join('')}`;
  for (const k of kids) if (dirs.has(`${dir}/${k}`)) out += lsR(dirs, files, `${dir}/${k}`, false);
  return out;
}

describe('the container tree under mkdir/echo/rm', () => {
  it('matches a model of directories and files (ls -R, cat)', () => {
    const d = kdrive({ seed: 2 });
    d.kubectl('run bb --image=busybox -- sleep 100000').advance(60_000);
    let run = 0;
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), (ops) => {
        // Each run in its own directory of the same container.
        const root = `/tmp/r${run++}`;
        const dirs = new Set<string>(['/tmp', root]);
        const files = new Map<string, string>();
        d.kubectl(`exec bb -- mkdir ${root}`);
        for (const o of ops) {
          const p = o.path.replace('/tmp', root);
          const line =
            o.op === 'mkdir'
              ? `mkdir -p ${p}`
              : o.op === 'write'
                ? `sh -c "echo ${o.text} > ${p}"`
                : `rm -rf ${p}`;
          d.kubectl(`exec bb -- ${line}`);
          apply(dirs, files, { ...o, path: p });
        }
        d.kubectl(`exec bb -- ls -R ${root}`);
        expect(d.stdout()).toBe(lsR(dirs, files, root));
        for (const [f, text] of files) {
          d.kubectl(`exec bb -- cat ${f}`);
          expect(d.stdout()).toBe(text);
        }
      }),
      { seed: 20261126, numRuns: 40 },
    );
  });
});
