// The read verbs against the real simulated cluster (createCluster), on the chapter's files.
import { loadAll } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import * as numbers from '../../scenarios/ch03/numbers';
import * as sleep from '../../scenarios/ch03/sleep';
import { createCluster } from '../../sim/cluster';
import type { Cluster } from '../../sim/contract';
import { parseFlags } from '../flags';
import { describeVerb } from './describe';
import { getVerb } from './get';
import { runVerb } from './read-fixtures';
import type { KubectlVerb } from './registry';

function kubectl(cluster: Cluster, verb: KubectlVerb, line: string) {
  return runVerb(verb, cluster, line.split(' ').filter(Boolean), (a) => {
    const p = parseFlags(a, verb.flags);
    return p.ok ? p : `error: ${p.message}\n`;
  });
}

function chapterCluster(): Cluster {
  const c = createCluster({ seed: 7 });
  for (const y of [
    sleep.sleep1,
    sleep.sleep2,
    sleep.sleep2Service,
    numbers.api,
    numbers.web,
    numbers.webService,
  ]) {
    c.apply(loadAll(y) as unknown[]);
  }
  c.advance(30_000);
  return c;
}

describe('read verbs through createCluster', () => {
  it('get pods: every pod Running 1/1 with a generated name', () => {
    const c = chapterCluster();
    const r = kubectl(c, getVerb, 'pods');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    expect(lines.length).toBe(5);
    for (const l of lines.slice(1))
      expect(l).toMatch(/^[a-z0-9-]+-[4-9bcdf]{6,10}-[a-z0-9]{5} +1\/1 +Running +0 +\d+s$/);
  });

  it('get svc: kubernetes 10.96.0.1 443/TCP, numbers-web LoadBalancer localhost 8080:3xxxx/TCP', () => {
    const out = kubectl(chapterCluster(), getVerb, 'svc').stdout;
    expect(out).toMatch(/\nkubernetes +ClusterIP +10\.96\.0\.1 +<none> +443\/TCP +\S+\n/);
    expect(out).toMatch(
      /\nnumbers-web +LoadBalancer +10\.\d+\.\d+\.\d+ +localhost +8080:3\d{4}\/TCP +\d+s\n/,
    );
    expect(out).toMatch(/\nsleep-2 +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +80\/TCP +\d+s\n/);
  });

  it('the book’s jsonpath expressions', () => {
    const c = chapterCluster();
    const ip = kubectl(c, getVerb, 'pod -l app=sleep-2 --output jsonpath={.items[0].status.podIP}').stdout;
    expect(ip).toMatch(/^10\.1\.0\.\d+$/);
    expect(
      kubectl(c, getVerb, 'svc numbers-web -o jsonpath=http://{.status.loadBalancer.ingress[0].*}:8080')
        .stdout,
    ).toBe('http://localhost:8080');
    const ep = kubectl(c, getVerb, 'endpoints sleep-2');
    expect(ep.stderr).toBe(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
    expect(ep.stdout).toMatch(
      new RegExp(`^NAME +ENDPOINTS +AGE\nsleep-2 +${ip.replaceAll('.', '\\.')}:80 +\\d+s\n$`),
    );
  });

  it('get all sections and describe svc run cleanly', () => {
    const c = chapterCluster();
    const all = kubectl(c, getVerb, 'all').stdout;
    expect(all.split('\n\n').map((s) => s.split('\n')[1]?.split('/')[0])).toEqual([
      'pod',
      'service',
      'deployment.apps',
      'replicaset.apps',
    ]);
    const d = kubectl(c, describeVerb, 'svc numbers-web');
    expect(d.stderr).toBe('');
    expect(d.stdout).toMatch(/^Name: {21}numbers-web\n/);
    expect(d.stdout).toMatch(/\nLoadBalancer Ingress: {5}localhost\n/);
    expect(d.stdout).toMatch(/\nEndpoints: {16}10\.1\.0\.\d+:80\n/);
    const yaml = kubectl(c, getVerb, 'deploy sleep-1 -o yaml').stdout;
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n/);
    expect(yaml).toContain(
      '    kubectl.kubernetes.io/last-applied-configuration: |\n      {"apiVersion":"apps/v1"',
    );
  });
});

describe('get -w through createCluster', () => {
  it('prints the current rows, then one row per change, header once, widths kept', () => {
    const c = chapterCluster();
    const outs: string[] = [];
    let ended = false;
    const handle = {
      id: 1,
      out: (t: string) => outs.push(t),
      err: (t: string) => outs.push(`[err]${t}`),
      finish: () => {
        ended = true;
      },
      done: false,
    };
    let spec: { onSignal(s: 'INT' | 'TERM', h: typeof handle): void; onEnd?(): void } | undefined;
    const host = {
      startJob: (s: typeof spec) => {
        spec = s;
        return handle;
      },
    } as never;
    const chunks: string[] = [];
    const proc = {
      cluster: c,
      stdin: '',
      env: {},
      out: (t: string) => chunks.push(t),
      err: (t: string) => chunks.push(`[err]${t}`),
      trace: () => {},
      sleep: () => {},
    };
    const p = parseFlags(['pods', '-l', 'app=sleep-2', '-w'], getVerb.flags);
    if (!p.ok) throw new Error(p.message);
    const code = getVerb.run(
      { flags: p.flags, positional: p.positional, dashArgs: undefined },
      {
        cluster: c,
        namespace: 'default',
        namespaceExplicit: false,
        proc,
        host,
      },
    );
    expect(code).toBe(0);
    expect(chunks.join('')).toMatch(
      /^NAME +READY +STATUS +RESTARTS +AGE\nsleep-2-\S+ +1\/1 +Running +0 +30s\n$/,
    );
    const name = c.list('Pod', { namespace: 'default', labelSelector: 'app=sleep-2' })[0]?.metadata
      .name as string;
    c.delete('Pod', 'default', name);
    c.advance(5000);
    const rows = outs.join('').trimEnd().split('\n');
    expect(rows.some((r) => r.startsWith(name) && /Terminating/.test(r))).toBe(true);
    expect(rows.some((r) => !r.startsWith(name) && /^sleep-2-\S+ +1\/1 +Running/.test(r))).toBe(true);
    expect(rows.every((r) => !r.startsWith('NAME'))).toBe(true);
    // Columns never shrink: every row's READY column starts where the initial table's did.
    const col = chunks.join('').indexOf('READY');
    for (const r of rows) expect(r.slice(col - 3, col)).toBe('   ');
    spec?.onSignal('INT', handle);
    expect(ended).toBe(true);
    spec?.onEnd?.();
    const before = outs.length;
    c.advance(60_000);
    expect(outs.length).toBe(before);
  });
});
