// bash in the Debian nginx image, beyond pod-bash.test.ts: /usr/bin/bash opens the interactive
// shell, `kubectl run -it … -- bash` attaches to it. Texts as Debian bookworm's bash 5.2.15 and
// kubectl 1.34 print them (checked against bookworm's bash on a pty).
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';

function cluster(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}

function transcript(d: KubectlDriver, lines: string[]): string {
  let out = '';
  for (const line of lines) {
    out += `${d.session.prompt()}${line}\n`;
    d.sh(line);
    out += d.text();
  }
  return out + d.session.prompt();
}

describe('kubectl exec -it <nginx> -- /usr/bin/bash', () => {
  it('opens the interactive bash as bash and /bin/bash do', () => {
    const d = cluster();
    expect(transcript(d, ['kubectl exec -it web -- /usr/bin/bash', 'echo $0 $BASH', 'exit'])).toBe(
      '~/ch03$ kubectl exec -it web -- /usr/bin/bash\n' +
        'root@web:/# echo $0 $BASH\n/usr/bin/bash /usr/bin/bash\n' +
        'root@web:/# exit\nexit\n' +
        '~/ch03$ ',
    );
  });
});

describe('kubectl run -it <name> --image=nginx -- bash', () => {
  it('attaches to the container bash (the entrypoint execs it), exit ends the session', () => {
    const d = kdrive({ seed: 3 });
    expect(transcript(d, ['kubectl run -it shell --image=nginx:1.27.3 -- bash', 'pwd', 'exit'])).toBe(
      '~/ch03$ kubectl run -it shell --image=nginx:1.27.3 -- bash\n' +
        'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        'root@shell:/# pwd\n/\n' +
        'root@shell:/# exit\nexit\n' +
        "Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running\n" +
        '~/ch03$ ',
    );
  });

  it('--rm --restart=Never: exit 4 is the container status and the Pod is deleted', () => {
    const d = kdrive({ seed: 3 });
    expect(
      transcript(d, ['kubectl run -it --rm t --image=nginx:1.27.3 --restart=Never -- bash', 'exit 4']),
    ).toBe(
      '~/ch03$ kubectl run -it --rm t --image=nginx:1.27.3 --restart=Never -- bash\n' +
        'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n' +
        "If you don't see a command prompt, try pressing enter.\n" +
        'root@t:/# exit 4\nexit\n' +
        'pod "t" deleted from default namespace\n' +
        'pod default/t terminated (Error)\n' +
        '~/ch03$ ',
    );
  });

  it('nginx:alpine has no bash: refused before anything is created', () => {
    const d = kdrive({ seed: 3 });
    d.kubectl('run -it a --image=nginx:1.27.3-alpine -- bash');
    expect(d.text()).toMatch(/^error: "kubectl run" attaches here only to/);
    d.kubectl('get pods');
    expect(d.text()).toBe('No resources found in default namespace.\n');
  });
});

describe('bash typed inside the Pod bash', () => {
  it('starts a nested interactive bash (its own aliases, the parent directory); exit N returns with $? N', () => {
    const d = cluster();
    expect(
      transcript(d, [
        'kubectl exec -it web -- bash',
        'cd /tmp',
        "alias ll='ls'",
        'bash',
        'pwd',
        'type ll',
        'cd /etc',
        'bash',
        'exit 4',
        'echo $?',
        'exit 3',
        'echo $?; pwd',
        'type bash',
        'echo hi | bash',
        'exit',
      ]),
    ).toBe(
      '~/ch03$ kubectl exec -it web -- bash\n' +
        'root@web:/# cd /tmp\n' +
        "root@web:/tmp# alias ll='ls'\n" +
        'root@web:/tmp# bash\n' +
        'root@web:/tmp# pwd\n/tmp\n' +
        'root@web:/tmp# type ll\nbash: type: ll: not found\n' +
        'root@web:/tmp# cd /etc\n' +
        'root@web:/etc# bash\n' +
        'root@web:/etc# exit 4\nexit\n' +
        'root@web:/etc# echo $?\n4\n' +
        'root@web:/etc# exit 3\nexit\n' +
        'root@web:/tmp# echo $?; pwd\n3\n/tmp\n' +
        'root@web:/tmp# type bash\nbash is hashed (/usr/bin/bash)\n' +
        'root@web:/tmp# echo hi | bash\nbash: line 1: hi: command not found\n' +
        'root@web:/tmp# exit\nexit\ncommand terminated with exit code 127\n' +
        '~/ch03$ ',
    );
  });

  it('under kubectl run -it, only the outer bash ends the session', () => {
    const d = kdrive({ seed: 3 });
    d.sh('kubectl run -it shell --image=nginx:1.27.3 -- bash');
    d.text();
    expect(transcript(d, ['bash', 'exit', 'exit'])).toBe(
      'root@shell:/# bash\n' +
        'root@shell:/# exit\nexit\n' +
        'root@shell:/# exit\nexit\n' +
        "Session ended, resume using 'kubectl attach shell -c shell -i -t' command when the pod is running\n" +
        '~/ch03$ ',
    );
  });
});
