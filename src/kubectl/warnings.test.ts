// kubectl's `Warning:` lines on the terminal (./warnings): client-go v0.34.9 rest/warnings.go
// warningWriter (server warnings) and cli-runtime printers/warningprinter.go (kubectl's own) write
// `\x1b[33;1mWarning:\x1b[0m MESSAGE\n` when printers.AllowsColorOutput(ErrOut) (stderr a
// terminal, TERM not dumb, NO_COLOR unset), else `Warning: MESSAGE\n`. Lines kubectl prints with
// fmt (apply.go warningNoLastAppliedConfigAnnotation) are never coloured.
import { describe, expect, it } from 'vitest';
import { kdrive, kdriveWithFiles } from './testing';
import { allowsColorOutput, styleWarning, warningLine } from './warnings';

const EP = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';
const COLOURED = `\u001b[33;1mWarning:\u001b[0m ${EP}\n`;
const PLAIN = `Warning: ${EP}\n`;

describe('AllowsColorOutput', () => {
  const env = { TERM: 'xterm-256color' };
  it('needs stderr to be a terminal, TERM other than dumb, no NO_COLOR (even empty)', () => {
    expect(allowsColorOutput({ errTty: true, env })).toBe(true);
    expect(allowsColorOutput({ env })).toBe(false);
    expect(allowsColorOutput({ errTty: false, env })).toBe(false);
    expect(allowsColorOutput({ errTty: true, env: { TERM: 'dumb' } })).toBe(false);
    expect(allowsColorOutput({ errTty: true, env: { ...env, NO_COLOR: '' } })).toBe(false);
    // An unset TERM is not "dumb".
    expect(allowsColorOutput({ errTty: true, env: {} })).toBe(true);
  });

  it('warningLine / styleWarning bytes', () => {
    expect(warningLine({ errTty: true, env }, 'x y')).toBe('\u001b[33;1mWarning:\u001b[0m x y\n');
    expect(warningLine({ errTty: false, env }, 'x y')).toBe('Warning: x y\n');
    expect(styleWarning({ errTty: true, env }, `Warning: ${EP}\n`)).toBe(COLOURED);
    expect(styleWarning({ errTty: true, env }, 'error: Warning: x\n')).toBe('error: Warning: x\n');
  });
});

describe('server warnings in the terminal session', () => {
  it('stderr is the xterm (TERM=xterm-256color): the prefix is yellow and bold', () => {
    const d = kdrive();
    d.kubectl('get endpoints kubernetes');
    expect(d.stderr()).toBe(COLOURED);
    expect(d.stdout()).toMatch(/^NAME +ENDPOINTS +AGE\nkubernetes /);
    // Only stdout piped: stderr is still the terminal.
    d.sh('kubectl get endpoints kubernetes | cat');
    expect(d.stderr()).toBe(COLOURED);
  });

  it('2>&1 follows stdout: coloured on the terminal, plain into a pipe or $( )', () => {
    const d = kdrive();
    d.sh('kubectl get ep kubernetes -o name 2>&1');
    expect(d.stdout()).toBe(`${COLOURED}endpoints/kubernetes\n`);
    d.sh('kubectl get ep kubernetes -o name 2>&1 | cat');
    expect(d.stdout()).toBe(`${PLAIN}endpoints/kubernetes\n`);
    d.sh('x=$(kubectl get ep kubernetes -o name 2>&1); echo "$x"');
    expect(d.stdout()).toBe(`${PLAIN}endpoints/kubernetes\n`);
  });

  it('stderr into a file: plain', () => {
    const d = kdrive();
    d.sh('kubectl get ep kubernetes 2>warn.txt >/dev/null; cat warn.txt');
    expect([d.stdout(), d.stderr()]).toEqual([PLAIN, '']);
  });

  it('NO_COLOR (any value) or TERM=dumb in kubectl environment: plain', () => {
    const d = kdrive();
    d.sh('NO_COLOR= kubectl get ep kubernetes -o name');
    expect(d.stderr()).toBe(PLAIN);
    d.sh('TERM=dumb kubectl get ep kubernetes -o name');
    expect(d.stderr()).toBe(PLAIN);
    d.sh('kubectl get ep kubernetes -o name');
    expect(d.stderr()).toBe(COLOURED);
  });

  it('describe and get --raw print the server warning the same way', () => {
    const d = kdrive();
    d.kubectl('describe endpoints kubernetes');
    expect(d.stderr()).toBe(COLOURED);
    d.kubectl('get --raw /api/v1/namespaces/default/endpoints/kubernetes');
    expect(d.stderr()).toBe(COLOURED);
  });
});

describe("kubectl's own WarningPrinter and its fmt lines", () => {
  it("delete --force: WarningPrinter's Immediate deletion line is coloured", () => {
    const d = kdrive();
    d.kubectl('delete pod nope --force');
    expect(d.stderr()).toBe(
      '\u001b[33;1mWarning:\u001b[0m Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n' +
        'Error from server (NotFound): pods "nope" not found\n',
    );
    d.sh('kubectl delete pod nope --force 2>&1 | cat');
    expect(d.stdout()).toMatch(/^Warning: Immediate deletion does not wait /);
  });

  it("apply's missing last-applied annotation is printed with fmt: plain on the terminal", () => {
    const { d, write } = kdriveWithFiles();
    d.kubectl('create deployment web --image=nginx');
    write(
      'web.yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n',
    );
    d.kubectl('apply -f web.yaml');
    expect(d.stderr()).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
  });
});
