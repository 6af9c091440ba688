// What `kubectl exec` finds in each image, the process environment, files and container logs.
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from '../api/types';
import type { ClusterOptions } from '../contract';
import { drive } from '../testing/driver';
import { lookupExec, podCommands } from './commands';
import { podLogs } from './logs';
import { API_SVC, clickGo, execIn, NUMBERS_API, numbersApp, podKeyFor, SLEEP, SLEEP2_SVC } from './testkit';

function chapter(opts: ClusterOptions = { seed: 4 }) {
  const d = numbersApp(opts);
  return { d, c: d.cluster };
}

describe('exec lookup per image', () => {
  it('finds BusyBox applets and curl in the sleep image, by name and by path', () => {
    const { c } = chapter();
    const t = podCommands(c, podKeyFor(c, 'sleep-1'));
    for (const name of [
      'ping',
      'nslookup',
      'wget',
      'curl',
      'sh',
      '/bin/sh',
      '/bin/ping',
      'cat',
      'env',
      'ip',
      'grep',
    ])
      expect(Object.hasOwn(t, name), name).toBe(true);
    expect(Object.hasOwn(t, 'exit')).toBe(false); // a shell builtin, not an executable
  });

  it('has BusyBox but no curl in the .NET Alpine images; Docker Desktop reports the runc error with 126', () => {
    const { c } = chapter();
    const api = podKeyFor(c, 'numbers-api');
    expect(lookupExec(c, api, 'ping').ok).toBe(true);
    expect(lookupExec(c, api, 'curl')).toEqual({
      ok: false,
      runtime: 'docker',
      stdout:
        'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
      exitCode: 126,
    });
    const abs = lookupExec(c, api, '/bin/bash');
    expect(abs.ok === false && abs.runtime === 'docker' && abs.stdout).toContain(
      'stat /bin/bash: no such file or directory',
    );
  });

  it('reports a containerd exec failure as an API error on kind', () => {
    const { c } = chapter({ seed: 4, profile: 'kind' });
    const r = lookupExec(c, podKeyFor(c, 'numbers-api'), 'curl');
    expect(r.ok).toBe(false);
    if (r.ok || r.runtime !== 'containerd') throw new Error('expected containerd');
    expect(r.error).toMatch(
      /^Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in \$PATH: unknown$/,
    );
  });

  it('finds nothing at all in the distroless CoreDNS image', () => {
    const { c } = chapter();
    const dns = (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).find((p) =>
      p.metadata.name.startsWith('coredns'),
    );
    expect(dns).toBeDefined();
    expect(podCommands(c, `Pod/kube-system/${dns?.metadata.name}`)).toEqual({});
  });
});

describe('process environment and files', () => {
  it('prints kubelet’s Service links for Services that existed when the container started', () => {
    const { d, c } = chapter();
    d.applyOk(SLEEP2_SVC).advance(2000);
    const early = podKeyFor(c, 'sleep-1');
    const envEarly = execIn(c, early, ['env']).stdout;
    expect(envEarly.split('\n')[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(envEarly).toContain(`HOSTNAME=${early.split('/')[2]}\n`);
    expect(envEarly).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\nKUBERNETES_SERVICE_PORT=443\n');
    expect(envEarly).not.toContain('SLEEP_2_');
    // A Pod started after the Service sees it.
    d.delete('Pod', early.split('/')[2] ?? '').advance(30_000);
    const late = execIn(c, podKeyFor(c, 'sleep-1'), ['env']).stdout;
    const ip = (c.get('Service', 'default', 'sleep-2') as Service).spec.clusterIP;
    expect(late).toContain(`SLEEP_2_SERVICE_HOST=${ip}\n`);
    expect(late).toContain(`SLEEP_2_PORT_80_TCP=tcp://${ip}:80\n`);
    expect(late.endsWith('HOME=/root\n')).toBe(true);
  });

  it('serves hostname, /etc/hosts and ip addr from the Pod', () => {
    const { c } = chapter();
    const key = podKeyFor(c, 'sleep-1');
    const pod = c.get('Pod', 'default', key.split('/')[2] ?? '') as Pod;
    const ip = pod.status.podIP;
    expect(execIn(c, key, ['hostname']).stdout).toBe(`${pod.metadata.name}\n`);
    expect(execIn(c, key, ['cat', '/etc/hosts']).stdout.endsWith(`\n${ip}\t${pod.metadata.name}\n`)).toBe(
      true,
    );
    const addr = execIn(c, key, ['ip', 'addr']).stdout;
    expect(addr).toContain(`    inet ${ip}/16 brd 10.1.255.255 scope global eth0\n`);
    expect(addr.startsWith('1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536')).toBe(true);
  });
});

describe('container logs', () => {
  it('numbers-api logs its Systemd-format startup lines and nothing per healthy request', () => {
    const { d, c } = chapter();
    d.applyOk(API_SVC).advance(2000);
    const api = podKeyFor(c, 'numbers-api');
    const before = podLogs(c, api);
    expect(before[0]).toBe('<6>Microsoft.Hosting.Lifetime[14] Now listening on: http://[::]:80');
    execIn(c, podKeyFor(c, 'sleep-1'), ['curl', '-s', 'http://numbers-api/rng']);
    expect(podLogs(c, api)).toEqual(before);
  });

  it('goes unhealthy after FailAfterCallCount calls, logs the warning, and /reset heals it', () => {
    const failing = NUMBERS_API.replace(
      'image: kiamol/ch03-numbers-api',
      'image: kiamol/ch03-numbers-api\n          env:\n            - name: FailAfterCallCount\n              value: "2"',
    );
    const d = drive({ seed: 4 })
      .applyOk(`${SLEEP('sleep-1')}---\n${failing}---\n${API_SVC}`)
      .advance(60_000);
    const c = d.cluster;
    const s1 = podKeyFor(c, 'sleep-1');
    const get = (path: string) => execIn(c, s1, ['curl', '-s', `http://numbers-api${path}`]).stdout;
    expect(get('/rng')).toMatch(/^\d+$/);
    expect(get('/rng')).toMatch(/^\d+$/);
    expect(get('/rng')).toBe('{"message":"Unhealthy!"}');
    expect(get('/health')).toBe('{"message":"Unhealthy"}');
    expect(podLogs(c, podKeyFor(c, 'numbers-api')).at(-1)).toBe(
      '<4>Numbers.Api.Controllers.RngController[0] Unhealthy!',
    );
    expect(get('/reset')).toBe('Ok');
    expect(get('/healthz')).toBe('Ok');
  });

  it('numbers-web logs a failed API call with the exception, console format', () => {
    const { c } = chapter();
    const web = podKeyFor(c, 'numbers-web');
    const { post } = clickGo(c, web);
    // The line is written when the call fails, which is `durationMs` after the click.
    expect(podLogs(c, web)).not.toContain('fail: Numbers.Web.Pages.IndexModel[0]');
    c.advance(post.durationMs);
    const logs = podLogs(c, web);
    expect(logs).toContain('fail: Numbers.Web.Pages.IndexModel[0]');
    expect(logs).toContain(
      '      API call failed: System.Exception: Service call failed, status: 0, message: Name does not resolve (numbers-api:80)',
    );
    expect(logs).toContain('info: Microsoft.Hosting.Lifetime[14]');
  });

  it('has no log for a Pod whose container has not started', () => {
    const d = drive({ seed: 4 }).applyOk(SLEEP('sleep-1'));
    const pods = d.cluster.list('Pod', { namespace: 'default' }) as Pod[];
    for (const p of pods) expect(podLogs(d.cluster, `Pod/default/${p.metadata.name}`)).toEqual([]);
  });
});

describe('jq in the sleep image', () => {
  it('pretty-prints, picks paths, prints raw strings, and reports bad input', () => {
    const { c } = chapter();
    const t = podCommands(c, podKeyFor(c, 'sleep-1'));
    const run = (args: string[], stdin: string) => {
      let out = '';
      let err = '';
      const code = t.jq?.(['jq', ...args], {
        cluster: c,
        stdin,
        env: {},
        out: (x) => {
          out += x;
        },
        err: (x) => {
          err += x;
        },
        trace: () => {},
        sleep: () => {},
      });
      return { out, err, code };
    };
    expect(run(['.'], '{"message":"Unhealthy","n":[1,2]}').out).toBe(
      '{\n  "message": "Unhealthy",\n  "n": [\n    1,\n    2\n  ]\n}\n',
    );
    expect(run(['-r', '.message'], '{"message":"Unhealthy"}').out).toBe('Unhealthy\n');
    expect(run(['.n[]'], '{"n":[1,2]}').out).toBe('1\n2\n');
    expect(run(['.'], '57').out).toBe('57\n');
    expect(run(['.'], 'Ok').code).toBe(2);
  });
});

describe('BusyBox sleep in a Pod', () => {
  it('sums its arguments with suffixes, and lets at most an hour of simulated time pass', () => {
    const { c } = chapter();
    const s1 = podKeyFor(c, 'sleep-1');
    expect(execIn(c, s1, ['sleep', '1', '0.5', '1m']).elapsedMs).toBe(61_500);
    const huge = execIn(c, s1, ['sleep', '99999999']);
    expect([huge.exitCode, huge.elapsedMs]).toEqual([0, 3_600_000]);
    expect(execIn(c, s1, ['sleep', 'x']).stderr).toBe("sleep: invalid number 'x'\n");
  });
});
