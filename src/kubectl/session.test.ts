import { describe, expect, it } from 'vitest';
import { createCluster } from '../sim/cluster';
import { replay } from './replay';
import { createTerminalSession, type TerminalResult } from './session';

const text = (r: TerminalResult) => r.output.map((c) => c.text).join('');

function ready() {
  const cluster = createCluster({ seed: 7 });
  const s = createTerminalSession({ cluster });
  s.run('kubectl apply -f numbers/api.yaml -f numbers/web.yaml');
  s.run('kubectl wait --for=condition=Ready pod -l app=numbers-web');
  s.run('kubectl wait --for=condition=Ready pod -l app=numbers-api');
  return { cluster, s };
}

describe('terminal session basics', () => {
  it('starts in ~/ch03 with the chapter folders', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    expect(s.prompt()).toBe('~/ch03$ ');
    expect(text(s.run('ls'))).toBe('lab  numbers  numbers-services  sleep\n');
    const r = s.run('cd sleep');
    expect(r.prompt).toBe('~/ch03/sleep$ ');
    expect(s.history).toEqual(['ls', 'cd sleep']);
  });
  it('an open loop or a trailing | keeps reading at the > prompt, like interactive bash', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    expect(text(s.run('for d in sleep numbers; do'))).toBe('');
    expect(s.prompt()).toBe('> ');
    s.run('  ls $d | wc -l');
    expect(text(s.run('done'))).toBe('3\n5\n');
    expect(s.prompt()).toBe('~/ch03$ ');
    s.run('echo a |');
    expect(text(s.run('wc -c'))).toBe('2\n');
    expect(s.history.slice(-2)).toEqual([
      'for d in sleep numbers; do\n  ls $d | wc -l\ndone',
      'echo a |\nwc -c',
    ]);
  });
  it('unknown commands get bash text and exit 127; clear is reported', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    const r = s.run('kubeclt get pods');
    expect(text(r)).toBe('bash: kubeclt: command not found\n');
    expect(r.exitCode).toBe(127);
    expect(s.run('clear').clear).toBe(true);
  });
  it('redirects into the VFS and reads it back', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    s.run('kubectl version --client > v.txt');
    expect(s.fs.read('/home/student/ch03/v.txt')).toBe(
      'Client Version: v1.34.1\nKustomize Version: v5.7.1\n',
    );
  });
  it('curl to a port nothing listens on', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    const r = s.run('curl http://localhost:8080');
    expect(text(r)).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
    expect(r.exitCode).toBe(7);
  });
});

describe('here-document at the > prompt', () => {
  it('collects lines until the delimiter, then runs the whole command once', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    const first = s.run('kubectl apply -f - <<EOF');
    expect(text(first)).toBe('');
    expect(first.prompt).toBe('> ');
    for (const l of ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: lab'])
      expect(text(s.run(l))).toBe('');
    const done = s.run('EOF');
    expect(text(done)).toBe('namespace/lab created\n');
    expect(done.prompt).toBe('~/ch03$ ');
    expect(s.history).toEqual([
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\nEOF',
    ]);
    s.run('cat <<X');
    expect(text(s.interrupt())).toBe('^C\n');
    expect(s.prompt()).toBe('~/ch03$ ');
  });
});

describe('pathname expansion and exit', () => {
  it('globs against the VFS like bash (sorted, quoted stays literal, no match stays as typed)', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    expect(text(s.run('echo sleep/*.yaml'))).toBe(
      'sleep/sleep1.yaml sleep/sleep2-service.yaml sleep/sleep2.yaml\n',
    );
    expect(text(s.run('echo \'sleep/*\' "n*"'))).toBe('sleep/* n*\n');
    expect(text(s.run('echo */'))).toBe('lab/ numbers/ numbers-services/ sleep/\n');
    expect(text(s.run('echo nomatch* sleep/sleep[12].yaml'))).toBe(
      'nomatch* sleep/sleep1.yaml sleep/sleep2.yaml\n',
    );
    expect(text(s.run('kubectl apply -f sleep/sleep?.yaml'))).toBe(
      "error: Unexpected args: [sleep/sleep2.yaml]\nSee 'kubectl apply -h' for help and examples\n",
    );
  });
  it('exit ends only its own line; the terminal stays open', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    expect(text(s.run('echo a; exit 4; echo b'))).toBe('a\n');
    expect(s.run('true').exitCode).toBe(0);
    expect(text(s.run('echo alive'))).toBe('alive\n');
  });
});

describe('port-forward as a foreground job', () => {
  it('blocks, prints Forwarding lines, then Ctrl-C ends it and the rest of the line runs', () => {
    const { s } = ready();
    const r = s.run('kubectl port-forward deploy/numbers-web 8080:80; echo after $?');
    expect(text(r)).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    expect(r.busy).toBe(true);
    expect(s.busy()).toBe(true);
    expect(text(s.run('ls'))).toBe(''); // typed into port-forward: ignored
    const browse = s.browse('http://localhost:8080/');
    expect(browse.response?.status).toBe(200);
    expect(s.poll().map((c) => c.text)).toEqual(['Handling connection for 8080\n']);
    const i = s.interrupt();
    expect(text(i)).toBe('^C\nafter 0\n');
    expect(i.busy).toBe(false);
    const after = s.run('curl -s localhost:8080');
    expect(text(after)).toBe('');
    expect(after.exitCode).toBe(7);
  });

  it('& makes it a background job: [1] PID, jobs, Handling connection, kill %1', () => {
    const { s } = ready();
    const r = s.run('kubectl port-forward deploy/numbers-web 8080:80 &');
    expect(text(r)).toBe(
      '[1] 4211\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n',
    );
    expect(r.busy).toBe(false);
    expect(text(s.run('jobs'))).toBe(
      '[1]+  Running                 kubectl port-forward deploy/numbers-web 8080:80 &\n',
    );
    const c = s.run('curl -s localhost:8080 | grep -c "Go!"');
    expect(text(c)).toBe('Handling connection for 8080\n1\n');
    expect(text(s.run('kill %1'))).toBe(
      '[1]+  Terminated              kubectl port-forward deploy/numbers-web 8080:80\n',
    );
    expect(text(s.run('jobs'))).toBe('');
    expect(text(s.run('kill %1'))).toBe('bash: kill: %1: no such job\n');
  });

  it('to a port nothing listens on: containerd dial error (klog), lost connection, curl (52)', () => {
    const { cluster, s } = ready();
    s.run('kubectl port-forward deploy/numbers-api 9090:8080 &');
    const pod = cluster.list('Pod', { namespace: 'default', labelSelector: 'app=numbers-api' })[0];
    const r = s.run('curl localhost:9090');
    const out = r.output.map((c) => `${c.stream === 'stderr' ? 'E' : 'O'}:${c.text}`).join('');
    expect(out).toMatch(
      new RegExp(
        '^O:Handling connection for 9090\\n' +
          'E:E\\d{4} \\d\\d:\\d\\d:\\d\\d\\.\\d{6}    4211 portforward\\.go:424\\] "Unhandled Error" err="an error occurred forwarding 9090 -> 8080: ' +
          'error forwarding port 8080 to pod ([0-9a-f]{64}), uid : failed to execute portforward in network namespace ' +
          '\\\\"/var/run/netns/cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\\\": failed to connect to localhost:8080 inside namespace ' +
          '\\\\"\\1\\\\", IPv4: dial tcp4 127\\.0\\.0\\.1:8080: connect: connection refused IPv6 dial tcp6 \\[::1\\]:8080: connect: connection refused "\\n' +
          'E:error: lost connection to pod\\n' +
          'E:curl: \\(52\\) Empty reply from server\\n',
      ),
    );
    expect(r.exitCode).toBe(52);
    expect(pod).toBeDefined();
    // The forward has ended: bash reported it (`[1]+  Exit 1 …`) and no job is left.
    expect(text(s.run('jobs'))).not.toContain('Running');
  });

  it('host curl -w/--write-out and -o /dev/null (http_code 000 when nothing answered)', () => {
    const { s } = ready();
    s.run('kubectl port-forward deploy/numbers-web 8080:80 &');
    expect(text(s.run("curl -s -o /dev/null -w '%{http_code}\\n' localhost:8080/"))).toBe(
      'Handling connection for 8080\n200\n',
    );
    expect(
      text(s.run("curl -s -o /dev/null --write-out '%{http_code}|%{size_download}' localhost:8080/x")),
    ).toBe('Handling connection for 8080\n404|0');
    const none = s.run("curl -s -w '%{http_code}\\n' localhost:9999");
    expect([text(none), none.exitCode]).toEqual(['000\n', 7]);
    expect(text(s.run("curl -s -o /dev/null -w '%{nope}%%' localhost:8080/"))).toBe(
      "Handling connection for 8080\ncurl: unknown --write-out variable: 'nope'\n%",
    );
  });

  it('sleep N & stays Running for N simulated seconds, then bash reports Done', () => {
    const cluster = createCluster({ seed: 1 });
    const s = createTerminalSession({ cluster });
    expect(text(s.run('sleep 5 &'))).toBe('[1] 4211\n');
    cluster.advance(2000);
    expect(text(s.run('jobs'))).toBe('[1]+  Running                 sleep 5 &\n');
    const r = s.run('sleep 3');
    expect(
      text(r) +
        s
          .poll()
          .map((c) => c.text)
          .join(''),
    ).toBe('[1]+  Done                    sleep 5\n');
    expect(text(s.run('jobs'))).toBe('');
    s.run('sleep 30 &');
    expect(text(s.run('kill %1'))).toBe('[1]+  Terminated              sleep 30\n');
  });

  it('host curl refuses a URL without a host (3) and other protocols (1) before connecting', () => {
    const s = createTerminalSession({ cluster: createCluster({ seed: 1 }) });
    const a = s.run('curl http://');
    expect([text(a), a.exitCode]).toEqual(['curl: (3) URL rejected: No host part in the URL\n', 3]);
    const b = s.run('curl ftp://example.com/x');
    expect([text(b), b.exitCode]).toEqual(['curl: (1) Protocol "ftp" not supported\n', 1]);
  });

  it('breaks with the real message when its Pod goes', () => {
    const { s } = ready();
    s.run('kubectl port-forward deploy/numbers-web 8080:80 &');
    const r = s.run('kubectl delete pod -l app=numbers-web');
    const out = text(r);
    expect(out).toMatch(
      /^pod "numbers-web-[a-z0-9]+-[a-z0-9]{5}" deleted from default namespace\nerror: lost connection to pod\n\[1\]\+ {2}Exit 1 {18}kubectl port-forward deploy\/numbers-web 8080:80\n$/,
    );
    expect(text(s.run('curl localhost:8080'))).toBe(
      "curl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server\n",
    );
  });

  it('refuses a port the Docker Desktop LoadBalancer already holds', () => {
    const { s } = ready();
    s.run('kubectl apply -f numbers/web-service.yaml');
    const r = s.run('kubectl port-forward deploy/numbers-web 8080:80');
    expect(text(r)).toBe(
      'Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use unable to create listener: Error listen tcp6 [::1]:8080: bind: address already in use]\nerror: unable to listen on any of the requested ports: [{8080 80}]\n',
    );
    expect(r.exitCode).toBe(1);
    expect(r.busy).toBe(false);
  });

  it('maps a Service port to the Pod targetPort', () => {
    const { s } = ready();
    s.run('kubectl apply -f numbers/web-service.yaml');
    const r = s.run('kubectl port-forward svc/numbers-web 9090:8080 &');
    expect(text(r)).toContain('Forwarding from 127.0.0.1:9090 -> 80\n');
    expect(text(s.run('kubectl port-forward svc/numbers-web 9091:80'))).toBe(
      'error: Service numbers-web does not have a service port 80\n',
    );
  });
});

describe('kubectl exec -it sh', () => {
  it('opens the BusyBox prompt until exit, and reports a non-zero exit', () => {
    const { s } = ready();
    const r = s.run('kubectl exec -it deploy/numbers-api -- sh');
    expect(text(r)).toBe('');
    // ash's `\w # ` in the image's WORKDIR (/app in the .NET images).
    expect(r.prompt).toBe('/app # ');
    expect(r.busy).toBe(false);
    expect(text(s.run('echo hi | wc -c'))).toBe('3\n');
    const nf = s.run('nope');
    expect(text(nf)).toBe('sh: nope: not found\n');
    expect(nf.exitCode).toBe(127);
    const e = s.run('exit 2');
    expect(text(e)).toBe('command terminated with exit code 2\n');
    expect(e.prompt).toBe('~/ch03$ ');
    expect(text(s.run('echo $?'))).toBe('2\n');
  });
  it('runDetached runs in the host shell while the exec shell keeps the terminal', () => {
    const { s, cluster } = ready();
    s.run('kubectl exec -it deploy/numbers-api -- sh');
    const pod = cluster.list('Pod', { namespace: 'default', labelSelector: 'app=numbers-api' })[0];
    const name = pod?.metadata.name as string;
    // Typed into the Pod's shell, kubectl does not exist there.
    expect(text(s.run(`kubectl get pod ${name} -o name`))).toBe('sh: kubectl: not found\n');
    const r = s.runDetached(`kubectl get pod ${name} -o name`);
    expect(text(r)).toBe(`pod/${name}\n`);
    expect(s.prompt()).toBe('/app # ');
    expect(s.history).not.toContain(`kubectl get pod ${name} -o name`);
  });
  it("the exec'd shell is a process of its own: ps inside it lists the shell, then ps", () => {
    const cluster = createCluster({ seed: 7 });
    const s = createTerminalSession({ cluster });
    s.run('kubectl apply -f sleep/sleep1.yaml');
    s.run('kubectl wait --for=condition=Ready pod -l app=sleep-1');
    s.run('kubectl exec -it deploy/sleep-1 -- sh');
    const rows = text(s.run('ps')).trimEnd().split('\n');
    expect(rows[0]).toBe('PID   USER     TIME  COMMAND');
    const [shRow, psRow] = rows.slice(-2).map((r) => r.trim().split(/\s+/));
    // BusyBox ps: PID, USER, TIME, COMMAND; the exec'd `sh` first, `ps` (its child) after it.
    expect(shRow?.slice(1)).toEqual(['root', '0:00', 'sh']);
    expect(psRow?.slice(1)).toEqual(['root', '0:00', 'ps']);
    expect(Number(psRow?.[0])).toBeGreaterThan(Number(shRow?.[0]));
  });
  it('the shell dies with its Pod (exit code 137)', () => {
    const { s, cluster } = ready();
    s.run('kubectl exec -it deploy/numbers-api -- sh');
    const pod = cluster.list('Pod', { namespace: 'default', labelSelector: 'app=numbers-api' })[0];
    cluster.delete('Pod', 'default', pod?.metadata.name as string);
    expect(s.poll().map((c) => c.text)).toEqual(['command terminated with exit code 137\n']);
    expect(s.prompt()).toBe('~/ch03$ ');
  });
});

describe('completion', () => {
  it('completes commands, verbs, types, names and paths', () => {
    const { s } = ready();
    expect(s.complete('kub').candidates).toEqual(['kubectl']);
    expect(s.complete('kubectl ap').candidates).toEqual(['api-resources', 'api-versions', 'apply']);
    expect(s.complete('kubectl app').candidates).toEqual(['apply']);
    expect(s.complete('kubectl apply -f sl').candidates).toEqual(['sleep/']);
    expect(s.complete('kubectl apply -f sleep/sleep2').candidates).toEqual([
      'sleep/sleep2-service.yaml',
      'sleep/sleep2.yaml',
    ]);
    expect(s.complete('kubectl apply -f sleep/sleep2').common).toBe('sleep/sleep2');
    // kubectl completes resource types from `api-resources -o name`: group-qualified, no short names
    expect(s.complete('kubectl get deploy').candidates).toEqual(['deployments.apps']);
    expect(s.complete('kubectl get deploy numbers-').candidates).toEqual(['numbers-api', 'numbers-web']);
    expect(s.complete('kubectl exec deploy/numbers-w').candidates).toEqual(['deploy/numbers-web']);
    expect(s.complete('kubectl get pods -n kube-').candidates).toEqual([
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(s.complete('kubectl delete --gr').candidates).toEqual(['--grace-period']);
  });
});

describe('Service links in a Pod started before the Service was deleted', () => {
  it('env still shows the Service the container saw at start (the session tracks Service history)', () => {
    const { steps } = replay(
      [
        'kubectl apply -f sleep/sleep2-service.yaml',
        'kubectl apply -f sleep/sleep1.yaml',
        'kubectl wait --for=condition=Ready pod -l app=sleep-1',
        'kubectl delete svc sleep-2',
        'kubectl exec deploy/sleep-1 -- sh -c "env | grep ^SLEEP_2_SERVICE_PORT="',
      ].join('\n'),
      { seed: 11 },
    );
    const last = steps.at(-1)!;
    expect(last.output.map((c) => c.text).join('')).toBe('SLEEP_2_SERVICE_PORT=80\n');
    expect(last.exitCode).toBe(0);
  });
});
