// YAML the benchmark pastes into the editor, and the build manifest reader that tells the lazy
// Monaco / xterm chunks apart from what the page needs for its first view.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** `deployments` Deployments of `replicas` nginx Pods each (nginx answers on 80), plus `services` Services. */
export function benchYaml(deployments, replicas, services, prefix = 'bench') {
  const docs = [];
  for (let i = 0; i < deployments; i++) {
    docs.push(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${prefix}-${i}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${prefix}-${i}
  template:
    metadata:
      labels:
        app: ${prefix}-${i}
    spec:
      containers:
        - name: web
          image: nginx:1.27-alpine
`);
  }
  for (let i = 0; i < services; i++) {
    docs.push(`apiVersion: v1
kind: Service
metadata:
  name: ${prefix}-svc-${i}
spec:
  selector:
    app: ${prefix}-${i % deployments}
  ports:
    - port: 80
`);
  }
  return docs.join('---\n');
}

/**
 * From Vite's build manifest: every output file reachable from a dynamic entry whose source is the
 * Monaco editor or the xterm terminal, minus what the HTML entry loads statically. Workers count as
 * lazy too. Returns a predicate on output file names (`assets/x-123.js`).
 */
export function lazyHeavyFiles(outDir) {
  const path = join(outDir, '.vite', 'manifest.json');
  const byName = (file) => /(^|\/)(YamlEditor|TerminalPanel)-|worker/i.test(file);
  if (!existsSync(path)) return { isLazyHeavy: byName, source: 'file names' };
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  const closure = (keys, dynamic, stop = new Set()) => {
    const seen = new Set();
    const stack = [...keys];
    while (stack.length > 0) {
      const k = stack.pop();
      if (seen.has(k) || stop.has(k) || !manifest[k]) continue;
      seen.add(k);
      stack.push(...(manifest[k].imports ?? []));
      if (dynamic) stack.push(...(manifest[k].dynamicImports ?? []));
    }
    return seen;
  };
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  const initial = closure(entries, false);
  const heavyRoots = Object.keys(manifest).filter(
    (k) => manifest[k].isDynamicEntry && /YamlEditor|TerminalPanel|monaco|xterm/i.test(k),
  );
  const heavy = new Set();
  // stop at the initial chunks: the lazy chunks import the store from them, and walking on from there
  // would reach every other lazy panel (Inspector, Browser) too
  for (const k of closure(heavyRoots, true, initial)) heavy.add(manifest[k].file);
  return {
    isLazyHeavy: (file) => heavy.has(file) || /worker/i.test(file),
    source: `manifest (${heavyRoots.join(', ')})`,
  };
}
