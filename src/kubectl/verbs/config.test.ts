import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../sim/contract';
import { replay } from '../replay';
import { kdrive } from '../testing';
import { kindApiServerPort } from './config-model';

const PROFILES: [ProfileName, string, string][] = [
  ['docker-desktop', 'docker-desktop', 'https://kubernetes.docker.internal:6443'],
  ['kind', 'kind-kind', `https://127.0.0.1:${kindApiServerPort(7)}`],
  ['k3s', 'default', 'https://127.0.0.1:6443'],
];

function viewYaml(name: string, server: string, namespace?: string): string {
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: ${name}
contexts:
- context:
    cluster: ${name}
${namespace ? `    namespace: ${namespace}\n` : ''}    user: ${name}
  name: ${name}
current-context: ${name}
kind: Config
users:
- name: ${name}
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
}

describe.each(PROFILES)('kubectl config on %s', (profile, name, server) => {
  it('current-context, get-contexts, get-clusters, get-users, view', () => {
    const d = kdrive({ seed: 7, profile });
    d.kubectl('config current-context');
    expect([d.stdout(), d.exitCode()]).toEqual([`${name}\n`, 0]);
    d.kubectl('config get-contexts');
    const w = Math.max(name.length, 4) + 3;
    expect(d.stdout()).toBe(
      `CURRENT   ${'NAME'.padEnd(w)}${'CLUSTER'.padEnd(Math.max(w, 10))}${'AUTHINFO'.padEnd(Math.max(w, 11))}NAMESPACE\n` +
        `*         ${name.padEnd(w)}${name.padEnd(Math.max(w, 10))}${name.padEnd(Math.max(w, 11))}\n`,
    );
    d.kubectl('config get-contexts -o name');
    expect(d.stdout()).toBe(`${name}\n`);
    d.kubectl('config get-clusters');
    expect(d.stdout()).toBe(`NAME\n${name}\n`);
    d.kubectl('config get-users');
    expect(d.stdout()).toBe(`NAME\n${name}\n`);
    d.kubectl('config view');
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([viewYaml(name, server), '', 0]);
  });

  it('set-context --current --namespace makes it the default namespace; -n still overrides', () => {
    const d = kdrive({ seed: 7, profile });
    d.kubectl('config set-context --current --namespace=kube-system');
    expect(d.stdout()).toBe(`Context "${name}" modified.\n`);
    d.kubectl('get pods');
    expect(d.stdout()).toMatch(/^NAME +READY/);
    expect(d.stdout()).toContain('coredns-');
    d.kubectl('get pods -n default');
    expect(d.text()).toBe('No resources found in default namespace.\n');
    d.kubectl('config view --minify');
    expect(d.stdout()).toBe(viewYaml(name, server, 'kube-system'));
    d.kubectl('config get-contexts --no-headers');
    expect(d.stdout().trimEnd()).toMatch(new RegExp(`^\\*\\s+${name}\\s+${name}\\s+${name}\\s+kube-system$`));
  });
});

describe('kubectl config', () => {
  it('the kind API server port is deterministic per seed and in the ephemeral range', () => {
    const a = kdrive({ seed: 11, profile: 'kind' }).kubectl(
      'config view -o jsonpath={.clusters[0].cluster.server}',
    );
    const b = kdrive({ seed: 11, profile: 'kind' }).kubectl(
      'config view -o jsonpath={.clusters[0].cluster.server}',
    );
    expect(a.stdout()).toBe(b.stdout());
    const ports = [1, 2, 3, 11, 12345].map(kindApiServerPort);
    for (const p of ports) expect(p >= 32768 && p <= 60999).toBe(true);
    expect(new Set(ports).size).toBeGreaterThan(1);
    expect(a.stdout()).toBe(`https://127.0.0.1:${kindApiServerPort(11)}`);
  });

  it('a new context, use-context, and the namespace of the context in use', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl(
      'config set-context sys --cluster=docker-desktop --user=docker-desktop --namespace=kube-system',
    );
    expect(d.stdout()).toBe('Context "sys" created.\n');
    d.kubectl('get pods');
    expect(d.text()).toBe('No resources found in default namespace.\n');
    d.kubectl('config use-context sys');
    expect([d.stdout(), d.exitCode()]).toEqual(['Switched to context "sys".\n', 0]);
    d.kubectl('config current-context');
    expect(d.stdout()).toBe('sys\n');
    d.kubectl('get pods');
    expect(d.stdout()).toContain('coredns-');
    d.kubectl('config get-contexts');
    expect(d.stdout()).toBe(
      'CURRENT   NAME             CLUSTER          AUTHINFO         NAMESPACE\n' +
        '          docker-desktop   docker-desktop   docker-desktop   \n' +
        '*         sys              docker-desktop   docker-desktop   kube-system\n',
    );
    d.kubectl('config use docker-desktop');
    expect(d.stdout()).toBe('Switched to context "docker-desktop".\n');
    d.kubectl('get pods');
    expect(d.text()).toBe('No resources found in default namespace.\n');
  });

  it('errors as kubectl prints them', () => {
    const HEADER = 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n';
    const d = kdrive({ seed: 1 });
    const cases: [string, string, number][] = [
      ['config use-context nope', 'error: no context exists with the name: "nope"\n', 1],
      ['config set-context', 'error: you must specify a non-empty context name or --current\n', 1],
      ['config set-context x --current', 'error: you cannot specify both a context name and --current\n', 1],
      [
        'config set-context --current -n x',
        "error: unknown shorthand flag: 'n' in -n\nSee 'kubectl config set-context --help' for usage.\n",
        1,
      ],
      // The (empty) table is flushed before CheckErr prints the error.
      [
        'config set-context --current --namespace',
        "error: flag needs an argument: --namespace\nSee 'kubectl config set-context --help' for usage.\n",
        1,
      ],
      [
        'config view --minify -n',
        "error: flag needs an argument: 'n' in -n\nSee 'kubectl config view --help' for usage.\n",
        1,
      ],
      ['config get-contexts nope', `${HEADER}error: context nope not found\n`, 1],
      ['config get-contexts a b', `${HEADER}context a not found\ncontext b not found\n`, 1],
      [
        'config get-contexts -o wide',
        'error: --output wide is not available in kubectl config get-contexts; resetting to default output format\n',
        1,
      ],
      [
        'config view extra',
        "error: unexpected arguments: [extra]\nSee 'kubectl config view -h' for help and examples\n",
        1,
      ],
      [
        'config view -o foo',
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
        1,
      ],
      ['config view --merge=false', 'error: if merge==false a precise file must be specified\n', 1],
      [
        'config frob -n x y',
        'error: unknown command "frob y"\nSee \'kubectl config -h\' for help and examples\n',
        1,
      ],
      ['config frob --bogus', "error: unknown flag: --bogus\nSee 'kubectl config --help' for usage.\n", 1],
      ['config frob', 'error: unknown command "frob"\nSee \'kubectl config -h\' for help and examples\n', 1],
      [
        'config delete-context nope',
        'error: cannot delete context nope, not in /home/student/.kube/config\n',
        1,
      ],
    ];
    for (const [line, text, code] of cases) {
      d.kubectl(line);
      expect([line, d.text(), d.exitCode()]).toEqual([line, text, code]);
    }
  });

  it('use-context with the wrong number of words prints its help, then the error', () => {
    const d = kdrive({ seed: 1 }).kubectl('config use-context a b');
    expect(d.stdout()).toMatch(
      /^Set the current-context in a kubeconfig file\.\n\nAliases:\nuse-context, use\n/,
    );
    expect([d.stderr(), d.exitCode()]).toEqual(['error: Unexpected args: [a b]\n', 1]);
  });

  it('delete-context of the current one warns; --minify then cannot locate it', () => {
    const d = kdrive({ seed: 1 }).kubectl('config delete-context docker-desktop');
    expect(d.stdout()).toBe('deleted context docker-desktop from /home/student/.kube/config\n');
    expect(d.stderr()).toBe(
      'warning: this removed your active context, use "kubectl config use-context" to select a different one\n',
    );
    d.kubectl('config view --minify');
    expect([d.text(), d.exitCode()]).toEqual(['error: cannot locate context docker-desktop\n', 1]);
    d.kubectl('config current-context');
    expect(d.stdout()).toBe('docker-desktop\n');
    // clientcmd's ConfirmUsable: every command that needs the server fails the same way.
    d.kubectl('get pods');
    expect([d.text(), d.exitCode()]).toEqual([
      'Error in configuration: context was not found for specified context: docker-desktop\n',
      1,
    ]);
    d.kubectl('config set-context docker-desktop --cluster=docker-desktop --user=docker-desktop');
    expect(d.stdout()).toBe('Context "docker-desktop" created.\n');
    d.kubectl('get ns default');
    expect(d.stdout()).toMatch(/^NAME +STATUS +AGE\ndefault +Active/);
  });

  it('view -o json keeps the struct order; --raw shows the base64 PEM data; jsonpath reads it', () => {
    const d = kdrive({ seed: 1 }).kubectl('config view -o json');
    expect(d.stdout()).toMatch(/^\{\n {4}"kind": "Config",\n {4}"apiVersion": "v1",\n {4}"clusters": \[/);
    expect(d.stdout()).toContain('"current-context": "docker-desktop"\n}\n');
    d.kubectl('config view --raw -o jsonpath={.users[0].user.client-key-data}');
    const key = d.stdout();
    expect(key).toMatch(/^LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQ[A-Za-z0-9+/=]+$/);
    expect(
      kdrive({ seed: 1 }).kubectl('config view --raw -o jsonpath={.users[0].user.client-key-data}').stdout(),
    ).toBe(key);
    d.kubectl('config view');
    expect(d.stdout()).not.toContain(key);
    d.kubectl('config view --flatten');
    expect(d.stdout()).toContain(`    client-key-data: ${key}\n`);
  });

  it('help: config alone prints the command list on stderr (exit 1); --help per subcommand', () => {
    const d = kdrive({ seed: 1 }).kubectl('config');
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toContain('  set-context       Set a context entry in kubeconfig\n');
    d.kubectl('config set-context --help');
    expect(d.stdout()).toContain(
      // The templater's output goes through go-wordwrap at 120 columns: the Use line wraps too.
      'Usage:\n  kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname]\n[--namespace=namespace]\n',
    );
    expect(d.stdout()).toContain("    --namespace='':\n\tnamespace for the context entry in kubeconfig\n");
    d.kubectl('config set-cluster x');
    expect(d.stderr()).toContain('"kubectl config set-cluster" is not available in this playground');
  });

  it('a replay of the same commands restores the namespace', () => {
    const script = 'kubectl config set-context --current --namespace=kube-system\nkubectl get pods\n';
    const a = replay(script, { seed: 3, profile: 'kind' });
    const b = replay(script, { seed: 3, profile: 'kind' });
    expect(a.transcript).toBe(b.transcript);
    expect(a.steps[1]?.output.map((c) => c.text).join('')).toContain('kindnet-');
    const after = b.session.run('kubectl config view --minify -o jsonpath={.contexts[0].context.namespace}');
    expect(after.output.map((c) => c.text).join('')).toBe('kube-system');
    const pods = b.session.run('kubectl get pods -o name');
    expect(pods.output.map((c) => c.text).join('')).toContain('pod/etcd-kind-control-plane\n');
  });
});
