// HTTP through the simulated network: wget/curl from the sleep Pod, numbers-web calling
// numbers-api from its own Pod (reference §A3 3.2–3.4), and the student's machine reaching
// LoadBalancer / NodePort / port-forward per profile (§C3, §D).
import { describe, expect, it } from 'vitest';
import type { Service } from '../api/types';
import type { ClusterOptions } from '../contract';
import { drive } from '../testing/driver';
import { NGINX_WEB } from '../testing/manifests';
import { hostConnect, httpRequest } from './http/client';
import type { PortForward } from './http/types';
import {
  API_EXTERNALNAME,
  API_SELECTORLESS,
  API_SVC,
  clickGo,
  execIn,
  NUMBERS_API,
  NUMBERS_WEB,
  numbersApp,
  podKeyFor,
  SLEEP,
  SLEEP2_SVC,
  WEB_LB,
} from './testkit';

function numbers(opts: ClusterOptions = { seed: 9 }, web = NUMBERS_WEB()) {
  const d = numbersApp(opts, web);
  return { d, c: d.cluster, s1: podKeyFor(d.cluster, 'sleep-1') };
}

const API_URL = 'http://numbers-api/sixeyed/kiamol/master/ch03/numbers/rng';

describe('numbers-web → numbers-api', () => {
  it('serves the form on GET', () => {
    const { c } = numbers();
    const { get } = clickGo(c);
    expect(get.response?.status).toBe(200);
    expect(get.response?.page).toMatchObject({
      title: 'KIAMOL - Numbers.Web',
      heading: 'KIAMOL Random Number Generator',
      form: true,
      styleVariant: 'v1',
    });
    expect(get.response?.body).toContain('<title>KIAMOL - Numbers.Web</title>');
    expect(get.response?.body).toContain('<p>Get a random number</p>');
    expect(get.response?.body).toContain('<input type="submit" value="Go!"/>');
  });

  it('fails fast before the numbers-api Service exists (NXDOMAIN), then works after it', () => {
    const { d, c } = numbers();
    const before = clickGo(c).post;
    expect(before.response?.page).toMatchObject({ error: 'RNG service unavailable!', apiUrl: API_URL });
    expect(before.response?.body).toContain(
      `<p>RNG service unavailable!</p>\n    <p>(Using API at: ${API_URL})</p>`,
    );
    expect(before.durationMs).toBeLessThan(100);
    expect(before.traces.map((t) => [t.source.kind, t.destination, t.verdict])).toEqual([
      ['host', 'localhost', 'delivered'],
      ['pod', 'numbers-api', 'nxdomain'],
    ]);

    d.applyOk(API_SVC).advance(3000);
    const after = clickGo(c).post;
    const n = after.response?.page?.number;
    expect(n).toBeGreaterThanOrEqual(0);
    expect(n).toBeLessThan(100);
    expect(after.response?.body).toContain(`<p>Here it is: ${n}</p>\n    <p>(Using API at: ${API_URL})</p>`);
    const apiTrace = after.traces[1];
    expect(apiTrace?.source).toEqual({ kind: 'pod', key: podKeyFor(c, 'numbers-web') });
    expect(apiTrace?.endpoint?.pod).toBe(podKeyFor(c, 'numbers-api'));
  });

  it('keeps working after the API Pod is replaced (new Pod, same Service)', () => {
    const { d, c } = numbers();
    d.applyOk(API_SVC).advance(3000);
    const oldPod = podKeyFor(c, 'numbers-api');
    d.delete('Pod', oldPod.split('/')[2] ?? '').advance(60_000);
    const newPod = podKeyFor(c, 'numbers-api');
    expect(newPod).not.toBe(oldPod);
    const post = clickGo(c).post;
    expect(post.response?.page?.number).toBeTypeOf('number');
    expect(post.traces[1]?.endpoint?.pod).toBe(newPod);
  });

  it('answers 42 through the ExternalName: GitHub 404s the Service Host, the retry with raw.githubusercontent.com works', () => {
    const { d, c } = numbers();
    d.applyOk(API_EXTERNALNAME).advance(3000);
    const post = clickGo(c).post;
    expect(post.response?.page?.number).toBe(42);
    expect(post.traces).toHaveLength(3);
    expect(
      post.traces.slice(1).every((t) => t.verdict === 'delivered' && t.endpoint?.pod === undefined),
    ).toBe(true);
  });

  it('hangs 100 s (HttpWebRequest timeout) on the selectorless Service’s unroutable endpoint, then fails', () => {
    const { d, c } = numbers();
    d.applyOk(API_SELECTORLESS).advance(3000);
    const post = clickGo(c).post;
    expect(post.response?.page?.error).toBe('RNG service unavailable!');
    expect(post.durationMs).toBeGreaterThanOrEqual(100_000);
    expect(post.durationMs).toBeLessThan(101_000);
    expect(post.traces[1]?.verdict).toBe('timeout');
  });

  it('flags the v2 stylesheet for the lab image, on the form and on the result', () => {
    const { d, c } = numbers({ seed: 9 }, NUMBERS_WEB('kiamol/ch03-numbers-web:v2'));
    d.applyOk(API_SVC).advance(3000);
    const { get, post } = clickGo(c);
    expect(get.response?.page?.styleVariant).toBe('v2');
    expect(post.response?.page?.styleVariant).toBe('v2');
    expect(post.response?.page?.number).toBeTypeOf('number');
  });

  it('serves /css/site.css per image: v2 is the Comic Sans / antiquewhite one (the lab tells them apart)', () => {
    for (const [image, v2] of [
      ['kiamol/ch03-numbers-web', false],
      ['kiamol/ch03-numbers-web:v2', true],
    ] as const) {
      const { c } = numbers({ seed: 9 }, NUMBERS_WEB(image));
      const portForwards: PortForward[] = [
        { localPort: 8080, podKey: podKeyFor(c, 'numbers-web'), podPort: 80 },
      ];
      const css = httpRequest(c, {
        source: { kind: 'host' },
        url: 'http://localhost:8080/css/site.css',
        portForwards,
      });
      expect(css.response?.status).toBe(200);
      expect(css.response?.headers.find(([k]) => k === 'Content-Type')?.[1]).toBe('text/css');
      expect(css.response?.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe(
        String(css.response?.body.length),
      );
      expect(css.response?.body.includes('font-family: "Comic Sans MS", cursive;'), image).toBe(v2);
      expect(css.response?.body.includes('background-color: antiquewhite;'), image).toBe(v2);
    }
  });

  it('refuses a POST without the antiforgery token, like Razor Pages', () => {
    const { c } = numbers();
    const portForwards: PortForward[] = [
      { localPort: 8080, podKey: podKeyFor(c, 'numbers-web'), podPort: 80 },
    ];
    const r = httpRequest(c, {
      source: { kind: 'host' },
      url: 'http://localhost:8080/',
      method: 'POST',
      portForwards,
    });
    expect(r.response?.status).toBe(400);
  });

  it('draws the same numbers for the same seed', () => {
    const series = (seed: number) => {
      const { d, c } = numbers({ seed });
      d.applyOk(API_SVC).advance(3000);
      return [1, 2, 3, 4].map(() => clickGo(c).post.response?.page?.number);
    };
    expect(series(21)).toEqual(series(21));
    expect(series(21)).not.toEqual(series(22));
  });
});

describe('curl and wget in the sleep Pod', () => {
  it('curl -s gets the bare number; without -s the meter goes to stderr', () => {
    const { d, c, s1 } = numbers();
    d.applyOk(API_SVC).advance(3000);
    const r = execIn(c, s1, ['curl', '-s', 'http://numbers-api/rng']);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^\d{1,2}$/);
    expect(r.stderr).toBe('');
    const loud = execIn(c, s1, ['curl', 'http://numbers-api/health']);
    expect(loud.stdout).toBe('Ok');
    expect(loud.stderr.startsWith('  % Total    % Received % Xferd')).toBe(true);
    expect(loud.stderr.endsWith('\n')).toBe(true);
  });

  it('curl: refused (7), unresolvable (6), kernel connect timeout (28), -m timeout (28)', () => {
    const { d, c, s1 } = numbers();
    d.applyOk(`${SLEEP('sleep-2')}---\n${SLEEP2_SVC}---\n${API_SELECTORLESS}`).advance(30_000);
    const refused = execIn(c, s1, ['curl', '-s', '-S', 'http://sleep-2']);
    expect([refused.stderr, refused.exitCode]).toEqual([
      'curl: (7) Failed to connect to sleep-2 port 80 after 1 ms: Connection refused\n',
      7,
    ]);
    const nx = execIn(c, s1, ['curl', 'foo']);
    expect(nx.exitCode).toBe(6);
    expect(nx.stderr.endsWith('     0curl: (6) Could not resolve host: foo\n')).toBe(true);
    const hang = execIn(c, s1, ['curl', '-sS', 'http://numbers-api']);
    expect(hang.stderr).toBe(
      'curl: (28) Failed to connect to numbers-api port 80 after 127001 ms: Operation timed out\n',
    );
    expect([hang.exitCode, hang.elapsedMs]).toEqual([28, 127_001]);
    const capped = execIn(c, s1, ['curl', '-sS', '-m', '5', 'http://numbers-api']);
    expect([capped.stderr, capped.exitCode, capped.elapsedMs]).toEqual([
      'curl: (28) Connection timed out after 5001 milliseconds\n',
      28,
      5001,
    ]);
  });

  it('wget: ok to stdout, saved file, refused, bad address, timeouts, HTTP error', () => {
    const { d, c, s1 } = numbers();
    d.applyOk(`${API_SVC}---\n${SLEEP('sleep-2')}---\n${SLEEP2_SVC}`).advance(30_000);
    const apiIP = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const ok = execIn(c, s1, ['wget', '-q', '-O', '-', 'http://numbers-api/rng']);
    expect([ok.stderr, ok.exitCode]).toEqual(['', 0]);
    expect(ok.stdout).toMatch(/^\d{1,2}$/);
    const saved = execIn(c, s1, ['wget', 'http://numbers-api/healthz']);
    expect(saved.stderr).toBe(
      `Connecting to numbers-api (${apiIP}:80)\nsaving to 'healthz'\n'healthz' saved\n`,
    );
    expect(execIn(c, s1, ['cat', 'healthz']).stdout).toBe('Ok');
    const again = execIn(c, s1, ['wget', 'http://numbers-api/healthz']);
    expect(again.stderr.split('\n')[1]).toBe("wget: can't open 'healthz': File exists");
    const svcIP = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    const refused = execIn(c, s1, ['wget', 'http://sleep-2']);
    expect([refused.stderr, refused.exitCode]).toEqual([
      `Connecting to sleep-2 (${svcIP}:80)\nwget: can't connect to remote host (${svcIP}): Connection refused\n`,
      1,
    ]);
    expect(execIn(c, s1, ['wget', 'x']).stderr).toBe("wget: bad address 'x'\n");
    const notFound = execIn(c, s1, ['wget', '-O', '-', 'http://numbers-api/nope']);
    expect(notFound.stderr.split('\n')[1]).toBe('wget: server returned error: HTTP/1.1 404 Not Found');

    d.delete('Service', 'numbers-api').advance(1000).applyOk(API_SELECTORLESS).advance(3000);
    const t5 = execIn(c, s1, ['wget', '-T', '5', 'http://numbers-api']);
    expect([t5.stderr.split('\n')[1], t5.elapsedMs]).toEqual(['wget: download timed out', 5000]);
    const kernel = execIn(c, s1, ['wget', '-q', 'http://numbers-api']);
    expect(kernel.stderr).toMatch(
      /^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Operation timed out\n$/,
    );
    expect(kernel.elapsedMs).toBe(127_000);
  });

  it('wget -S shows the server response; nginx-sized answers get the progress bar', () => {
    const { d, c, s1 } = numbers();
    d.applyOk(NGINX_WEB).advance(30_000);
    const ip = c
      .list('Pod', { namespace: 'default', labelSelector: 'app=web' })
      .map((p) => p.status?.podIP as string)[0];
    const r = execIn(c, s1, ['wget', '-S', '-O', '-', `http://${ip}/`]);
    expect(r.stdout).toContain('<h1>Welcome to nginx!</h1>');
    expect(r.stderr).toContain('  HTTP/1.1 200 OK\n  Server: nginx/');
    expect(r.stderr).toContain(
      '-                    100% |********************************|   615  0:00:00 ETA\n',
    );
  });
});

describe('the student’s machine', () => {
  it('reaches a LoadBalancer on Docker Desktop at localhost:<port> and its NodePort', () => {
    const { d, c } = numbers();
    d.applyOk(WEB_LB).advance(5000);
    const svc = c.get('Service', 'default', 'numbers-web') as Service;
    const target = hostConnect(c, 8080);
    expect(target).toMatchObject({ kind: 'service', via: 'loadbalancer' });
    const r = httpRequest(c, { source: { kind: 'host' }, url: 'http://localhost:8080/' });
    expect(r.response?.page?.form).toBe(true);
    expect(r.traces[0]?.hops[0]).toMatchObject({ from: 'host', kind: 'send' });
    const nodePort = svc.spec.ports?.[0]?.nodePort ?? 0;
    expect(hostConnect(c, nodePort)).toMatchObject({ kind: 'service', via: 'nodeport' });
    const none = httpRequest(c, { source: { kind: 'host' }, url: 'http://localhost:9999/' });
    expect(none.error?.kind).toBe('no-listener');
  });

  it('reaches a k3s LoadBalancer on the node IP, not on localhost', () => {
    const { d, c } = numbers({ seed: 9, profile: 'k3s' });
    d.applyOk(WEB_LB).advance(10_000);
    const nodeIP = '172.28.132.127';
    expect(hostConnect(c, 8080, nodeIP)).toMatchObject({ kind: 'service' });
    const r = httpRequest(c, { source: { kind: 'host' }, url: `http://${nodeIP}:8080/` });
    expect(r.response?.page?.form).toBe(true);
    expect(hostConnect(c, 8080).kind).toBe('none');
  });

  it('reaches GitHub’s raw host from the student’s machine', () => {
    const { c } = numbers();
    const r = httpRequest(c, {
      source: { kind: 'host' },
      url: 'http://raw.githubusercontent.com/sixeyed/kiamol/master/ch03/numbers/rng',
    });
    expect(r.response?.body).toBe('42');
  });

  it('cannot reach the LoadBalancer or NodePort on kind', () => {
    const { d, c } = numbers({ seed: 9, profile: 'kind' });
    d.applyOk(WEB_LB).advance(5000);
    expect(hostConnect(c, 8080).kind).toBe('none');
    expect(httpRequest(c, { source: { kind: 'host' }, url: 'http://localhost:8080/' }).error?.kind).toBe(
      'no-listener',
    );
  });

  it('prefers an active port-forward and reports refusal when nothing listens in the Pod', () => {
    const { c, s1 } = numbers();
    const r = httpRequest(c, {
      source: { kind: 'host' },
      url: 'http://localhost:8080/',
      portForwards: [{ localPort: 8080, podKey: s1, podPort: 80 }],
    });
    expect(r.error?.kind).toBe('refused');
    expect(r.traces[0]?.verdict).toBe('refused');
  });

  it('does not resolve cluster names from the host', () => {
    const { c } = numbers();
    expect(httpRequest(c, { source: { kind: 'host' }, url: 'http://numbers-web/' }).error?.kind).toBe(
      'nxdomain',
    );
  });
});

describe('numbers-web with an unhealthy API', () => {
  it('shows RNG service unavailable! for a 500 and logs InternalServerError', () => {
    const failing = NUMBERS_API.replace(
      'image: kiamol/ch03-numbers-api',
      'image: kiamol/ch03-numbers-api\n          env:\n            - name: FailAfterCallCount\n              value: "1"',
    );
    const d = drive({ seed: 9 }).applyOk(`${failing}---\n${NUMBERS_WEB()}---\n${API_SVC}`).advance(60_000);
    const c = d.cluster;
    expect(clickGo(c).post.response?.page?.number).toBeTypeOf('number');
    const second = clickGo(c).post;
    expect(second.response?.page?.error).toBe('RNG service unavailable!');
    expect(second.traces[1]?.verdict).toBe('delivered');
  });
});

describe('curl -v', () => {
  it('traces the exchange on stderr and the connect failure before the error line', () => {
    const { d, c, s1 } = numbers();
    d.applyOk(`${API_SVC}---\n${SLEEP('sleep-2')}---\n${SLEEP2_SVC}`).advance(30_000);
    const apiIP = (c.get('Service', 'default', 'numbers-api') as Service).spec.clusterIP;
    const ok = execIn(c, s1, ['curl', '-v', 'http://numbers-api/healthz']);
    expect(ok.stdout).toBe('Ok');
    expect(ok.stderr.split('\n').slice(0, 8)).toEqual([
      `*   Trying ${apiIP}:80...`,
      `* Connected to numbers-api (${apiIP}) port 80 (#0)`,
      '> GET /healthz HTTP/1.1',
      '> Host: numbers-api',
      '> User-Agent: curl/7.80.0',
      '> Accept: */*',
      '> ',
      '* Mark bundle as not supporting multiuse',
    ]);
    expect(ok.stderr).toContain('< HTTP/1.1 200 OK\n< Content-Type: text/plain; charset=utf-8\n');
    expect(ok.stderr.endsWith('* Connection #0 to host numbers-api left intact\n')).toBe(true);
    const svcIP = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    const refused = execIn(c, s1, ['curl', '-v', 'http://sleep-2']);
    expect(refused.stderr).toBe(
      `*   Trying ${svcIP}:80...\n* connect to ${svcIP} port 80 failed: Connection refused\n` +
        '* Failed to connect to sleep-2 port 80 after 1 ms: Connection refused\n* Closing connection 0\n' +
        'curl: (7) Failed to connect to sleep-2 port 80 after 1 ms: Connection refused\n',
    );
  });
});
