// BusyBox nc (nc_bloaty.c) from the sleep Pod: the tool people test Services with. Each outcome
// word for word, its exit code, elapsed simulated time and the tracer's verdict.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import type { Cluster } from '../contract';
import { NGINX_WEB } from '../testing/manifests';
import { lookupExec } from './commands';
import { API_SELECTORLESS, API_SVC, execIn, numbersApp, podKeyFor, SLEEP, SLEEP2_SVC } from './testkit';

const NO_ENDPOINTS = `apiVersion: v1
kind: Service
metadata:
  name: lonely
spec:
  ports:
    - port: 80
  selector:
    app: nobody
`;

function chapter(seed = 11) {
  const d = numbersApp({ seed });
  d.applyOk(`${API_SVC}---\n${SLEEP('sleep-2')}---\n${SLEEP2_SVC}---\n${NO_ENDPOINTS}`).advance(30_000);
  const c = d.cluster;
  return { d, c, s1: podKeyFor(c, 'sleep-1') };
}

const out3 = (r: { stdout: string; stderr: string; exitCode: number }) => [r.stdout, r.stderr, r.exitCode];
const clusterIP = (c: Cluster, name: string) => (c.get('Service', 'default', name) as Service).spec.clusterIP;
const podIP = (c: Cluster, app: string) =>
  (c.get('Pod', 'default', podKeyFor(c, app).split('/')[2] ?? '') as Pod).status?.podIP ?? '';

describe('nc -z: a TCP connect through DNS and the packet tracer', () => {
  it('open: numbers-api answers; -v says so on stderr, exit 0, one trace from the lookup to delivery', () => {
    const { c, s1 } = chapter();
    const ip = clusterIP(c, 'numbers-api');
    const r = execIn(c, s1, ['nc', '-zv', 'numbers-api', '80']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', `numbers-api (${ip}:80) open\n`, 0]);
    expect(r.traces).toHaveLength(1);
    const t = r.traces[0];
    expect([t?.destination, t?.verdict, t?.protocol, t?.port]).toEqual([
      'numbers-api',
      'delivered',
      'TCP',
      80,
    ]);
    expect(t?.hops[0]?.kind).toBe('dns-query');
    expect(r.elapsedMs).toBeLessThan(100);
    // Without -v: nothing printed, same exit code.
    expect(execIn(c, s1, ['nc', '-z', 'numbers-api', '80']).all).toBe('');
  });

  it('refused by a Pod with no listener (sleep-2:80): silent at -v, reported at -vv; exit 1', () => {
    const { c, s1 } = chapter();
    const ip = clusterIP(c, 'sleep-2');
    const v = execIn(c, s1, ['nc', '-zv', 'sleep-2', '80']);
    expect([v.all, v.exitCode]).toEqual(['', 1]);
    expect(v.traces.map((t) => t.verdict)).toEqual(['refused']);
    const vv = execIn(c, s1, ['nc', '-z', '-vv', 'sleep-2', '80']);
    expect([vv.stderr, vv.exitCode]).toEqual([
      `nc: sleep-2 (${ip}:80): Connection refused\nsent 0, rcvd 0\n`,
      1,
    ]);
  });

  it('refused by kube-proxy for a ClusterIP with no endpoints', () => {
    const { c, s1 } = chapter();
    const ip = clusterIP(c, 'lonely');
    const r = execIn(c, s1, ['nc', '-zvv', 'lonely', '80']);
    expect([r.stderr, r.exitCode]).toEqual([
      `nc: lonely (${ip}:80): Connection refused\nsent 0, rcvd 0\n`,
      1,
    ]);
    expect(r.traces[0]?.verdict).toBe('refused');
    expect(r.elapsedMs).toBe(0);
  });

  it('Pod IPs directly: the host as typed is the address', () => {
    const { c, s1 } = chapter();
    const api = podIP(c, 'numbers-api');
    const open = execIn(c, s1, ['nc', '-zv', api, '80']);
    expect([open.stderr, open.exitCode]).toEqual([`${api} (${api}:80) open\n`, 0]);
    expect(open.traces[0]?.hops.some((h) => h.kind === 'dns-query')).toBe(false);
    const sleeper = podIP(c, 'sleep-2');
    const shut = execIn(c, s1, ['nc', '-zvv', sleeper, '80']);
    expect(shut.stderr).toBe(`nc: ${sleeper} (${sleeper}:80): Connection refused\nsent 0, rcvd 0\n`);
    // numbers-api listens on 80 only.
    expect(execIn(c, s1, ['nc', '-z', api, '8080']).exitCode).toBe(1);
  });

  it('an unroutable endpoint times out: after -w SECS, or the kernel’s 127 s without it', () => {
    const { d, c, s1 } = chapter();
    d.delete('Service', 'numbers-api').advance(1000).applyOk(API_SELECTORLESS).advance(3000);
    const ip = clusterIP(c, 'numbers-api');
    const w2 = execIn(c, s1, ['nc', '-z', '-v', '-w', '2', 'numbers-api', '80']);
    expect([w2.stderr, w2.exitCode, w2.elapsedMs]).toEqual([
      `nc: numbers-api (${ip}:80): Operation timed out\n`,
      1,
      2000,
    ]);
    expect(w2.traces.map((t) => t.verdict)).toEqual(['timeout']);
    const quiet = execIn(c, s1, ['nc', '-z', '-w2', 'numbers-api', '80']);
    expect([quiet.all, quiet.exitCode, quiet.elapsedMs]).toEqual(['', 1, 2000]);
    const kernel = execIn(c, s1, ['nc', '-zv', 'numbers-api', '80']);
    expect([kernel.exitCode, kernel.elapsedMs]).toEqual([1, 127_000]);
  });

  it('a name that does not resolve: bad address, exit 1, the DNS trace alone', () => {
    const { c, s1 } = chapter();
    const r = execIn(c, s1, ['nc', '-zv', 'nope', '80']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', "nc: bad address 'nope'\n", 1]);
    expect(r.traces).toHaveLength(1);
    expect(r.traces[0]?.verdict).toBe('nxdomain');
  });

  it('usage errors print the nc_bloaty usage (exit 1); unmodelled modes say so', () => {
    const { c, s1 } = chapter();
    const none = execIn(c, s1, ['nc']);
    expect(none.exitCode).toBe(1);
    expect(none.stderr).toContain(
      '\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n\n\t-e PROG\tRun PROG after connect (must be last)\n',
    );
    expect(none.stderr.endsWith('\n\t-z\tZero-I/O mode (scanning)\n')).toBe(true);
    expect(execIn(c, s1, ['nc', 'a', '1', '2']).stderr).toContain('Usage: nc');
    expect(execIn(c, s1, ['nc', '-q', 'a', '1']).stderr.startsWith('nc: unrecognized option: q\n')).toBe(
      true,
    );
    expect(out3(execIn(c, s1, ['nc', '-w', 'x', 'a', '1']))).toEqual(['', "nc: invalid number 'x'\n", 1]);
    const listen = execIn(c, s1, ['nc', '-l', '-p', '8080']);
    expect([listen.stderr, listen.exitCode]).toEqual(['nc: -l is not simulated in this playground\n', 1]);
  });
});

describe('nc HOST PORT with data: what the server answers', () => {
  it('an HTTP request on stdin gets Kestrel’s response bytes, chunked as sent', () => {
    const { c, s1 } = chapter();
    const ip = clusterIP(c, 'numbers-api');
    const req = 'GET /healthz HTTP/1.1\r\nHost: numbers-api\r\n\r\n';
    const r = execIn(c, s1, ['nc', '-v', 'numbers-api', '80'], undefined, req);
    const date = new Date(c.now() - 2).toUTCString();
    expect(r.stderr).toBe(`numbers-api (${ip}:80) open\n`);
    expect(r.stdout).toBe(
      'HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n' +
        `Date: ${date}\r\nServer: Kestrel\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nOk\r\n0\r\n\r\n`,
    );
    expect(r.exitCode).toBe(0);
    expect(r.traces[0]?.verdict).toBe('delivered');
    const notFound = execIn(
      c,
      s1,
      ['nc', 'numbers-api', '80'],
      undefined,
      'GET /x HTTP/1.1\r\nHost: a\r\n\r\n',
    );
    expect(notFound.stdout.split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(notFound.stdout).toContain('Content-Length: 0\r\n');
  });

  it('-vv counts the bytes each way', () => {
    const { c, s1 } = chapter();
    const req = 'GET /healthz HTTP/1.1\r\nHost: numbers-api\r\n\r\n';
    const r = execIn(c, s1, ['nc', '-vv', 'numbers-api', '80'], undefined, req);
    expect(r.stderr.split('\n')[1]).toBe(`sent ${req.length}, rcvd ${r.stdout.length}`);
  });

  it('nothing to send: connected, nothing comes back, exit 0', () => {
    const { c, s1 } = chapter();
    const r = execIn(c, s1, ['nc', 'numbers-api', '80']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', '', 0]);
  });
});

describe('nc is a BusyBox applet: only BusyBox images have it', () => {
  it('is at /usr/bin/nc in the sleep image, missing in Debian nginx', () => {
    const { d, c, s1 } = chapter();
    expect(lookupExec(c, s1, '/usr/bin/nc').ok).toBe(true);
    d.applyOk(NGINX_WEB).advance(30_000);
    const web = podKeyFor(c, 'web');
    for (const cmd of ['nc', 'ps', 'netstat', 'which']) {
      expect(lookupExec(c, web, cmd)).toEqual({
        ok: false,
        runtime: 'docker',
        stdout: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
        exitCode: 126,
      });
    }
  });

  it('is deterministic: same seed, same output and traces', () => {
    const run = () => {
      const { c, s1 } = chapter(5);
      return [
        execIn(c, s1, ['nc', '-zv', 'numbers-api', '80']),
        execIn(c, s1, ['nc', '-zvv', 'sleep-2', '80']),
        execIn(c, s1, ['nc', 'numbers-api', '80'], undefined, 'GET /rng HTTP/1.1\r\nHost: x\r\n\r\n'),
      ];
    };
    expect(run()).toEqual(run());
  });
});
