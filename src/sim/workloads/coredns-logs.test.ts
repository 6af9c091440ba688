// CoreDNS's startup banner in `kubectl logs` (the "Debugging DNS Resolution" step
// `kubectl logs -n kube-system -l k8s-app=kube-dns`). Golden lines: the kubeadm Corefile's
// reload hash 1b226df7… is the one a real kubeadm cluster logs with registry.k8s.io's v1.12.0
// (`maxprocs: Leaving GOMAXPROCS=2 …`, `.:53`, `… SHA512 = 1b226df7…`, `CoreDNS-1.12.0`,
// `linux/amd64, go1.23.3, 51e11f1`), and k3s's b941b080… the one a real k3s CoreDNS logs for the
// same Corefile with its custom imports matching nothing.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import { COREDNS_IMAGE, K3S_COREDNS_IMAGE } from '../apiserver/bootstrap';
import { k3sCorefile, kubeadmCorefile } from '../apiserver/published-build';
import { sha512Hex } from '../net/sha512';
import { corefileSha512 } from './apps/coredns';
import { COREDNS_BUILDS, type CoreDnsBuild, coreDnsBuild } from './apps/coredns-builds';
import { CaddyfileError, lexTokens, parseCaddyfile, serverBlocksJson } from './caddyfile';
import { imageTag } from './images';
import { logTimestamp, podLogEntries } from './logs';
import { execIn, podKeyFor, SLEEP } from './testkit';

const KUBEADM_SHA =
  '1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b';
const K3S_SHA =
  'b941b080e5322f6519009bb49349462c7ddb6317425b0f6a83e5451175b720703949e3f3b454a24e77f3ffe57fd5e9c6130e528a5a1dd00d9000e4afd6c1108d';

// The boot's kubeadm image is kubeadm 1.34's registry.k8s.io/coredns/coredns:v1.12.1 (1.12.1,
// go1.24.1, 707c7c1, as a real v1.12.1 log shows); the version lines follow the image the boot names.
const KUBEADM_BUILD = coreDnsBuild(imageTag(COREDNS_IMAGE)) as CoreDnsBuild;
it('the kubeadm profiles run CoreDNS 1.12.1', () => {
  expect(KUBEADM_BUILD).toEqual({ version: '1.12.1', go: 'go1.24.1', commit: '707c7c1' });
});
const KUBEADM_BANNER = [
  'maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined',
  '.:53',
  `[INFO] plugin/reload: Running configuration SHA512 = ${KUBEADM_SHA}`,
  `CoreDNS-${KUBEADM_BUILD.version}`,
  `linux/amd64, ${KUBEADM_BUILD.go}, ${KUBEADM_BUILD.commit}`,
];
const K3S_BANNER = [
  'maxprocs: Leaving GOMAXPROCS=8: CPU quota undefined',
  '[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.override',
  '[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.server',
  '.:53',
  '[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.override',
  '[WARNING] No files matching import glob pattern: /etc/coredns/custom/*.server',
  `[INFO] plugin/reload: Running configuration SHA512 = ${K3S_SHA}`,
  'CoreDNS-1.12.3',
  'linux/amd64, go1.24.5, 463fd1c',
];

const corednsPods = (d: ReturnType<typeof kdrive>) =>
  (d.cluster.list('Pod', { namespace: 'kube-system' }) as Pod[])
    .filter((p) => p.metadata.labels?.['k8s-app'] === 'kube-dns')
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));

describe('kubectl logs of CoreDNS', () => {
  for (const [profile, banner] of [
    ['docker-desktop', KUBEADM_BANNER],
    ['kind', KUBEADM_BANNER],
    ['k3s', K3S_BANNER],
  ] as const)
    it(`${profile}: deploy/coredns prints the startup banner of its image's build`, () => {
      const d = kdrive({ seed: 3, profile }).advance(5_000);
      d.kubectl('logs -n kube-system deploy/coredns');
      expect(d.stdout()).toBe(`${banner.join('\n')}\n`);
    });

  it('kind: -l k8s-app=kube-dns prints each replica (two on kubeadm)', () => {
    const d = kdrive({ seed: 3, profile: 'kind' }).advance(5_000);
    expect(corednsPods(d)).toHaveLength(2);
    d.kubectl('logs -n kube-system -l k8s-app=kube-dns');
    expect(d.stdout()).toBe(`${[...KUBEADM_BANNER, ...KUBEADM_BANNER].join('\n')}\n`);
  });

  it("the hashes are the reload plugin's: json.Marshal of the parsed Corefile, not its bytes", () => {
    expect(corefileSha512(kubeadmCorefile('cluster.local'))).toBe(KUBEADM_SHA);
    expect(corefileSha512(k3sCorefile('cluster.local'))).toBe(K3S_SHA);
    const raw = createHash('sha512').update(kubeadmCorefile('cluster.local')).digest('hex');
    expect(raw).not.toBe(KUBEADM_SHA);
  });

  it('--timestamps data: every banner line carries the container start time (RFC3339NanoFixed)', () => {
    const d = kdrive({ seed: 3, profile: 'docker-desktop' }).advance(5_000);
    const pod = corednsPods(d)[0] as Pod;
    const started = pod.status.containerStatuses?.[0]?.state.running?.startedAt as string;
    const entries = podLogEntries(d.cluster, `Pod/kube-system/${pod.metadata.name}`);
    expect(entries.map((e) => e.text)).toEqual(KUBEADM_BANNER);
    const stamp = `${started.slice(0, 19)}.000000000Z`;
    expect(entries.map((e) => logTimestamp(e.at))).toEqual(KUBEADM_BANNER.map(() => stamp));
  });

  it('a Pod started after the Corefile changed logs the new hash; the running one keeps its own', () => {
    const d = kdrive({ seed: 3, profile: 'docker-desktop' }).advance(5_000);
    const [first, second] = corednsPods(d) as [Pod, Pod];
    d.kubectl(`logs -n kube-system ${first.metadata.name}`);
    expect(d.stdout()).toContain(KUBEADM_SHA);
    // Drop `loadbalance`: a different Corefile, so a different hash.
    const edited = kubeadmCorefile('cluster.local').replace('    loadbalance\n', '');
    const expected = corefileSha512(edited);
    expect(expected).not.toBe(KUBEADM_SHA);
    const cm = d.cluster.get('ConfigMap', 'kube-system', 'coredns') as unknown as Record<string, unknown>;
    expect(d.cluster.update({ ...cm, data: { Corefile: edited } } as never).ok).toBe(true);
    // The reload plugin's re-read after its interval is not modelled: the first Pod's start is fixed.
    d.advance(1_000).kubectl(`logs -n kube-system ${first.metadata.name}`);
    expect(d.stdout()).toContain(KUBEADM_SHA);
    d.kubectl(`delete pod -n kube-system ${second.metadata.name}`).advance(60_000);
    const fresh = corednsPods(d).find((p) => p.metadata.uid !== first.metadata.uid) as Pod;
    expect(fresh.metadata.uid).not.toBe(second.metadata.uid);
    d.kubectl(`logs -n kube-system ${fresh.metadata.name}`);
    expect(d.stdout()).toBe(`${KUBEADM_BANNER.map((l) => l.replace(KUBEADM_SHA, expected)).join('\n')}\n`);
  });

  for (const [profile, label] of [
    [
      'kind',
      `goversion="${KUBEADM_BUILD.go}",revision="${KUBEADM_BUILD.commit}",version="${KUBEADM_BUILD.version}"`,
    ],
    ['k3s', 'goversion="go1.24.5",revision="463fd1c",version="1.12.3"'],
  ] as const)
    it(`${profile}: /metrics' coredns_build_info names the same build as the banner`, () => {
      const d = kdrive({ seed: 3, profile }).applyOk(SLEEP('sleep-1')).advance(30_000);
      const ip = (corednsPods(d)[0] as Pod).status.podIP;
      const from = podKeyFor(d.cluster, 'sleep-1');
      const out = execIn(d.cluster, from, ['wget', '-qO-', `http://${ip}:9153/metrics`]).stdout;
      expect(out).toContain(`coredns_build_info{${label}} 1\n`);
    });

  it('the builds: each image tag names a CoreDNS release', () => {
    expect(KUBEADM_BUILD).toBeDefined();
    // K3S_BANNER's build is the image k3s's manifest names.
    expect(coreDnsBuild(imageTag(K3S_COREDNS_IMAGE))).toEqual(COREDNS_BUILDS['1.12.3']);
    expect(coreDnsBuild('v1.12.0')).toEqual(COREDNS_BUILDS['1.12.0']);
    expect(coreDnsBuild('v1.12.1')).toEqual({ version: '1.12.1', go: 'go1.24.1', commit: '707c7c1' });
    expect(coreDnsBuild('1.12.3')?.go).toBe('go1.24.5');
    expect(coreDnsBuild('v1.99.0')).toBeUndefined();
  });
});

describe('sha512', () => {
  it('matches node:crypto on any text (padding boundaries included)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => {
        expect(sha512Hex(s)).toBe(createHash('sha512').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
    for (const n of [0, 111, 112, 127, 128, 239, 240, 1000])
      expect(sha512Hex('a'.repeat(n))).toBe(createHash('sha512').update('a'.repeat(n)).digest('hex'));
  });

  it('the reload hash changes with the Corefile text whenever its tokens change', () => {
    const fs = { env: {}, readFile: () => undefined, readDir: () => [] };
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/), (word) => {
        const base = kubeadmCorefile('cluster.local');
        const edited = base.replace('    reload\n', `    reload\n    ${word}\n`);
        const json = serverBlocksJson(parseCaddyfile('/etc/coredns/Corefile', edited, fs, () => {}));
        expect(corefileSha512(edited)).toBe(createHash('sha512').update(json).digest('hex'));
        expect(corefileSha512(edited)).not.toBe(KUBEADM_SHA);
      }),
      { numRuns: 50 },
    );
  });
});

describe('Caddyfile lexer', () => {
  it('any Corefile text parses or fails with a CaddyfileError, never anything else', () => {
    const fs = { env: {}, readFile: () => undefined, readDir: () => [] };
    const piece = fc.constantFrom(
      '.:53',
      '{',
      '}',
      'import',
      '(snip)',
      'snip',
      '"a b"',
      '#c',
      '\n',
      ' ',
      'reload',
      'x,',
      '{$HOME}',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        try {
          serverBlocksJson(parseCaddyfile('/etc/coredns/Corefile', parts.join(' '), fs, () => {}));
        } catch (e) {
          expect(e).toBeInstanceOf(CaddyfileError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('quotes, escaped quotes, comments, CR and a byte order mark as lexer.go reads them', () => {
    const toks = lexTokens('\uFEFFa "b c" "d\\"e" f\\g # h i\r\nj#k\n"x\ny" z');
    expect(toks.map((t) => [t.Line, t.Text])).toEqual([
      [1, 'a'],
      [1, 'b c'],
      [1, 'd"e'],
      [1, 'f\\g'],
      [2, 'j'],
      [3, 'x\ny'],
      [4, 'z'],
    ]);
  });
});
