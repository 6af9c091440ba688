// The environment the Pod shells pass their commands, and its order (./environ.ts). Each expected
// text is what bookworm's bash 5.2.15 or dash 0.5.12 printed, on the host, for the environment
// `kubectl exec web -- env` shows in the simulated nginx Pod, given in that order:
//   env -i <those NAME=VALUE> bash -c 'env; :'          (cd /; dash likewise)
//   env -i <…> bash -c 'x=1; export Y=2; cd /tmp; Z=3 env; :'
//   a pty running `bash` with that environment (HOME's .bashrc: base-files' dot.bashrc, as in the
//   image): `env`, then `bash` and `env` in the nested shell.
// ash's order follows BusyBox 1.34.1's ash.c (hashvar, initvar, setvareq, init's SHLVL and PWD).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';
import { bashHash } from './environ';

function nginx(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}

const BASH =
  'KUBERNETES_SERVICE_PORT_HTTPS=443\n' +
  'KUBERNETES_SERVICE_PORT=443\n' +
  'HOSTNAME=web\n' +
  'PWD=/\n' +
  'PKG_RELEASE=1~bookworm\n' +
  'HOME=/root\n' +
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n' +
  'NJS_VERSION=0.8.7\n' +
  'SHLVL=1\n' +
  'KUBERNETES_PORT_443_TCP_PROTO=tcp\n' +
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n' +
  'KUBERNETES_SERVICE_HOST=10.96.0.1\n' +
  'KUBERNETES_PORT=tcp://10.96.0.1:443\n' +
  'KUBERNETES_PORT_443_TCP_PORT=443\n' +
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
  'NGINX_VERSION=1.27.3\n' +
  '_=/usr/bin/env\n';

const DASH =
  'KUBERNETES_PORT=tcp://10.96.0.1:443\n' +
  'KUBERNETES_SERVICE_PORT=443\n' +
  'HOSTNAME=web\n' +
  'HOME=/root\n' +
  'PKG_RELEASE=1~bookworm\n' +
  'NGINX_VERSION=1.27.3\n' +
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n' +
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
  'NJS_VERSION=0.8.7\n' +
  'KUBERNETES_PORT_443_TCP_PORT=443\n' +
  'KUBERNETES_PORT_443_TCP_PROTO=tcp\n' +
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n' +
  'KUBERNETES_SERVICE_PORT_HTTPS=443\n' +
  'KUBERNETES_SERVICE_HOST=10.96.0.1\n' +
  'PWD=/\n';

const BASH2 =
  'Z=3\n' +
  'KUBERNETES_SERVICE_PORT_HTTPS=443\n' +
  'KUBERNETES_SERVICE_PORT=443\n' +
  'HOSTNAME=web\n' +
  'PWD=/tmp\n' +
  'Y=2\n' +
  'PKG_RELEASE=1~bookworm\n' +
  'HOME=/root\n' +
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n' +
  'NJS_VERSION=0.8.7\n' +
  'SHLVL=1\n' +
  'KUBERNETES_PORT_443_TCP_PROTO=tcp\n' +
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n' +
  'KUBERNETES_SERVICE_HOST=10.96.0.1\n' +
  'KUBERNETES_PORT=tcp://10.96.0.1:443\n' +
  'KUBERNETES_PORT_443_TCP_PORT=443\n' +
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
  'NGINX_VERSION=1.27.3\n' +
  'OLDPWD=/\n' +
  '_=/usr/bin/env\n';

const DASH2 =
  'KUBERNETES_PORT=tcp://10.96.0.1:443\n' +
  'KUBERNETES_SERVICE_PORT=443\n' +
  'HOSTNAME=web\n' +
  'HOME=/root\n' +
  'OLDPWD=/\n' +
  'PKG_RELEASE=1~bookworm\n' +
  'Z=3\n' +
  'NGINX_VERSION=1.27.3\n' +
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n' +
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
  'NJS_VERSION=0.8.7\n' +
  'KUBERNETES_PORT_443_TCP_PORT=443\n' +
  'KUBERNETES_PORT_443_TCP_PROTO=tcp\n' +
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n' +
  'KUBERNETES_SERVICE_PORT_HTTPS=443\n' +
  'Y=2\n' +
  'KUBERNETES_SERVICE_HOST=10.96.0.1\n' +
  'PWD=/tmp\n';

const NESTED =
  'KUBERNETES_SERVICE_PORT_HTTPS=443\n' +
  'KUBERNETES_SERVICE_PORT=443\n' +
  'HOSTNAME=web\n' +
  'PWD=/\n' +
  'PKG_RELEASE=1~bookworm\n' +
  'HOME=/root\n' +
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443\n' +
  'NJS_VERSION=0.8.7\n' +
  'SHLVL=2\n' +
  'KUBERNETES_PORT_443_TCP_PROTO=tcp\n' +
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1\n' +
  'KUBERNETES_SERVICE_HOST=10.96.0.1\n' +
  'KUBERNETES_PORT=tcp://10.96.0.1:443\n' +
  'KUBERNETES_PORT_443_TCP_PORT=443\n' +
  'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' +
  'NGINX_VERSION=1.27.3\n' +
  '_=/usr/bin/env\n';

describe('env under the Pod shells', () => {
  it('bash -c: exported variables in its hash table order, PWD, SHLVL=1 and _ last', () => {
    const d = nginx();
    d.kubectl(`exec web -- bash -c 'env; :'`);
    expect(d.stdout()).toBe(BASH);
  });

  it('dash: its 39-bucket order, PWD, no SHLVL', () => {
    const d = nginx();
    d.kubectl(`exec web -- sh -c 'env; :'`);
    expect(d.stdout()).toBe(DASH);
  });

  it('unexported x stays out; export Y, cd (OLDPWD) and a prefix assignment (bash: first) go in', () => {
    const d = nginx();
    d.kubectl(`exec web -- bash -c 'x=1; export Y=2; cd /tmp; Z=3 env; :'`);
    expect(d.stdout()).toBe(BASH2);
    d.kubectl(`exec web -- sh -c 'x=1; export Y=2; cd /tmp; Z=3 env; :'`);
    expect(d.stdout()).toBe(DASH2);
  });

  it('the interactive bash, and a nested bash: SHLVL 2, only exported variables', () => {
    const d = nginx();
    d.kubectl('exec -it web -- bash');
    d.sh('x=1');
    d.sh('env');
    expect(d.stdout()).toBe(BASH);
    d.sh('bash');
    d.sh('env');
    expect(d.stdout()).toBe(NESTED);
    d.sh('echo [$x]');
    expect(d.stdout()).toBe('[]\n');
  });

  it('BusyBox ash: SHLVL=1 and PWD exported at start (ASH_BASH_COMPAT), 39 buckets', () => {
    const d = kdrive({ seed: 5 });
    d.kubectl('apply -f sleep/sleep1.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
    d.kubectl(`exec deploy/sleep-1 -- sh -c 'env; :'`);
    const names = d
      .stdout()
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('=')[0]);
    // hashvar: (first byte << 4) + the bytes, mod 39; PATH (varinit) first in its bucket.
    expect(names).toEqual([
      'KUBERNETES_PORT',
      'KUBERNETES_SERVICE_PORT',
      'HOSTNAME',
      'SHLVL',
      'HOME',
      'KUBERNETES_PORT_443_TCP_ADDR',
      'PATH',
      'KUBERNETES_PORT_443_TCP_PORT',
      'KUBERNETES_PORT_443_TCP_PROTO',
      'KUBERNETES_PORT_443_TCP',
      'KUBERNETES_SERVICE_PORT_HTTPS',
      'KUBERNETES_SERVICE_HOST',
      'PWD',
    ]);
    expect(d.stdout()).toContain('SHLVL=1\n');
  });

  it("bash's hash_string is FNV-1 over the name", () => {
    // FNV-1 32-bit test vectors: "" → 0x811c9dc5, "a" → 0x050c5d7e.
    expect(bashHash('')).toBe(0x811c9dc5);
    expect(bashHash('a')).toBe(0x050c5d7e);
  });

  it('a nested bash: ↑ walks the history file as written so far, then its own lines; the parent keeps its own', () => {
    // bash writes its history file only when it exits (shell.c exit_shell → maybe_save_shell_history).
    const d = nginx();
    d.kubectl('exec -it web -- bash');
    d.sh('echo one');
    d.sh('bash');
    const history = () => d.session.podLineEditing?.()?.history() ?? [];
    expect(history()).toEqual([]);
    d.sh('echo two');
    expect(history()).toEqual(['echo two']);
    d.sh('exit');
    expect(history()).toEqual(['echo one', 'bash']);
    d.sh('bash');
    expect(history()).toEqual(['echo two', 'exit']);
  });

  it("bash -c's last simple command is exec'd without a fork: SHLVL one lower there", () => {
    // host: env -i PATH=/usr/bin:/bin bash -c S | grep SHLVL → env: 0, ': ; env': 0,
    // 'true && env': 0, 'X=1 env': 0, 'env | cat': 1, 'env >/dev/stdout': 1.
    const d = nginx();
    const shlvl = (script: string) => {
      d.kubectl(`exec web -- bash -c '${script}'`);
      return d.stdout().match(/^SHLVL=.*$/m)?.[0];
    };
    expect(shlvl('env')).toBe('SHLVL=0');
    expect(shlvl(': ; env')).toBe('SHLVL=0');
    expect(shlvl('true && env')).toBe('SHLVL=0');
    expect(shlvl('X=1 env')).toBe('SHLVL=0');
    expect(shlvl('env | cat')).toBe('SHLVL=1');
    expect(shlvl('env; :')).toBe('SHLVL=1');
  });

  it("export with no names lists the exported variables, sorted: bash declare -x, dash export NAME='V'", () => {
    // host: env -i <the Pod's environment> bash -c S 2>&1 (and dash -c S2), S below.
    const d = nginx();
    d.kubectl(
      `exec web -- bash -c 'x=2; export Y=3 Q="a \\$b \\"c\\""; export; cd /tmp; export -p | grep PWD; export -z'`,
    );
    expect(d.text()).toBe(
      'declare -x HOME="/root"\n' +
        'declare -x HOSTNAME="web"\n' +
        'declare -x KUBERNETES_PORT="tcp://10.96.0.1:443"\n' +
        'declare -x KUBERNETES_PORT_443_TCP="tcp://10.96.0.1:443"\n' +
        'declare -x KUBERNETES_PORT_443_TCP_ADDR="10.96.0.1"\n' +
        'declare -x KUBERNETES_PORT_443_TCP_PORT="443"\n' +
        'declare -x KUBERNETES_PORT_443_TCP_PROTO="tcp"\n' +
        'declare -x KUBERNETES_SERVICE_HOST="10.96.0.1"\n' +
        'declare -x KUBERNETES_SERVICE_PORT="443"\n' +
        'declare -x KUBERNETES_SERVICE_PORT_HTTPS="443"\n' +
        'declare -x NGINX_VERSION="1.27.3"\n' +
        'declare -x NJS_VERSION="0.8.7"\n' +
        'declare -x OLDPWD\n' +
        'declare -x PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"\n' +
        'declare -x PKG_RELEASE="1~bookworm"\n' +
        'declare -x PWD="/"\n' +
        'declare -x Q="a \\$b \\"c\\""\n' +
        'declare -x SHLVL="1"\n' +
        'declare -x Y="3"\n' +
        'declare -x OLDPWD="/"\n' +
        'declare -x PWD="/tmp"\n' +
        'bash: line 1: export: -z: invalid option\n' +
        'export: usage: export [-fn] [name[=value] ...] or export -p\n' +
        'command terminated with exit code 2\n',
    );
    d.kubectl(
      `exec web -- sh -c 'x=2; export Y=3 Q="a \\$b \\"c\\""; export; cd /tmp; export -p | grep PWD'`,
    );
    expect(d.text()).toBe(
      "export HOME='/root'\n" +
        "export HOSTNAME='web'\n" +
        "export KUBERNETES_PORT='tcp://10.96.0.1:443'\n" +
        "export KUBERNETES_PORT_443_TCP='tcp://10.96.0.1:443'\n" +
        "export KUBERNETES_PORT_443_TCP_ADDR='10.96.0.1'\n" +
        "export KUBERNETES_PORT_443_TCP_PORT='443'\n" +
        "export KUBERNETES_PORT_443_TCP_PROTO='tcp'\n" +
        "export KUBERNETES_SERVICE_HOST='10.96.0.1'\n" +
        "export KUBERNETES_SERVICE_PORT='443'\n" +
        "export KUBERNETES_SERVICE_PORT_HTTPS='443'\n" +
        "export NGINX_VERSION='1.27.3'\n" +
        "export NJS_VERSION='0.8.7'\n" +
        "export PATH='/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'\n" +
        "export PKG_RELEASE='1~bookworm'\n" +
        "export PWD='/'\n" +
        'export Q=\'a $b "c"\'\n' +
        "export Y='3'\n" +
        "export OLDPWD='/'\n" +
        "export PWD='/tmp'\n",
    );
  });
});
