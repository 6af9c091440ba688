// kubectl diff -f (kubectl v0.34.9 pkg/cmd/diff/diff.go): LIVE and MERGED YAML per object, run
// through `diff -u -N` over two temp directories; exit 0 / 1 / >1.
import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../sim/api/types';
import { deploymentYaml } from '../../sim/testing/manifests';
import { kdriveWithFiles } from '../testing';

const web = (replicas: number, image: string) =>
  deploymentYaml('web', { name: 'web', image }, { replicas, labels: { app: 'web' } });

const setup = () => kdriveWithFiles({ seed: 7 });

/** The three header lines of one file's diff: `diff -u -N`, `---` and `+++` with GNU's timestamps. */
const HEADER =
  /^diff -u -N \/tmp\/LIVE-(\d+)\/(\S+) \/tmp\/MERGED-(\d+)\/\2\n--- \/tmp\/LIVE-\1\/\2\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n\+\+\+ \/tmp\/MERGED-\3\/\2\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000\n/;

describe('kubectl diff', () => {
  it('shows a new object as all added lines of the dry-run create, without an apply annotation, and exits 1', () => {
    const { d, write } = setup();
    write('web.yaml', web(2, 'nginx:1.27'));
    d.kubectl('diff -f web.yaml');
    expect(d.exitCode()).toBe(1);
    const out = d.stdout();
    const m = HEADER.exec(out);
    expect(m?.[2]).toBe('apps.v1.Deployment.default.web');
    const body = out.slice(m?.[0].length ?? 0).split('\n');
    expect(body[0]).toBe(`@@ -0,0 +1,${body.length - 2} @@`);
    expect(body.slice(1, -1).every((l) => l.startsWith('+'))).toBe(true);
    expect(body).toContain('+  replicas: 2');
    expect(body).toContain('+  strategy:');
    expect(body).toContain('+      - image: nginx:1.27');
    expect(out).not.toContain('last-applied-configuration');
    // A dry run: nothing was created.
    expect(d.cluster.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('prints nothing and exits 0 when applying would change nothing', () => {
    const { d, write } = setup();
    write('web.yaml', web(2, 'nginx:1.27'));
    d.kubectl('apply -f web.yaml').advance(30_000);
    d.kubectl('diff -f web.yaml');
    expect(d.text()).toBe('');
    expect(d.exitCode()).toBe(0);
  });

  it('shows the changed spec and generation in three-line-context hunks, the apply annotation untouched', () => {
    const { d, write } = setup();
    write('web.yaml', web(2, 'nginx:1.27'));
    d.kubectl('apply -f web.yaml').advance(30_000);
    const uid = (d.cluster.get('Deployment', 'default', 'web') as Deployment).metadata.uid;
    write('web.yaml', web(3, 'nginx:1.28'));
    d.kubectl('diff -f web.yaml');
    expect(d.exitCode()).toBe(1);
    const out = d.stdout();
    const m = HEADER.exec(out);
    expect(m).not.toBeNull();
    const applied =
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.27","name":"web"}]}}}}';
    expect(out.slice(m?.[0].length ?? 0)).toBe(
      [
        '@@ -6,7 +6,7 @@',
        '     kubectl.kubernetes.io/last-applied-configuration: |',
        `       ${applied}`,
        '   creationTimestamp: "2026-01-08T09:30:00Z"',
        '-  generation: 1',
        '+  generation: 2',
        '   labels:',
        '     app: web',
        '   name: web',
        '@@ -15,7 +15,7 @@',
        `   uid: ${uid}`,
        ' spec:',
        '   progressDeadlineSeconds: 600',
        '-  replicas: 2',
        '+  replicas: 3',
        '   revisionHistoryLimit: 10',
        '   selector:',
        '     matchLabels:',
        '@@ -31,7 +31,7 @@',
        '         app: web',
        '     spec:',
        '       containers:',
        '-      - image: nginx:1.27',
        '+      - image: nginx:1.28',
        '         imagePullPolicy: IfNotPresent',
        '         name: web',
        '         resources: {}',
        '',
      ].join('\n'),
    );
    // Nothing changed on the server.
    expect((d.cluster.get('Deployment', 'default', 'web') as Deployment).spec.replicas).toBe(2);
  });

  it('gives each run its own temp directories, and lists objects in file-name order', () => {
    const { d, write } = setup();
    write(
      'two.yaml',
      `${web(1, 'nginx')}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`,
    );
    d.kubectl('diff -f two.yaml');
    const first = d.stdout();
    const names = [...first.matchAll(/^diff -u -N \S+\/(\S+) /gm)].map((x) => x[1]);
    expect(names).toEqual(['apps.v1.Deployment.default.web', 'v1.Service.default.web']);
    d.kubectl('diff -f two.yaml');
    const dirs = (s: string) => /LIVE-\d+/.exec(s)?.[0];
    expect(dirs(d.stdout())).not.toBe(dirs(first));
  });

  it('masks a Secret’s data, marking the values that differ', () => {
    const { d, write } = setup();
    const secret = (pw: string) =>
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\ndata:\n  pw: ${pw}\n  user: YWRtaW4=\n`;
    write('s.yaml', secret('cGFzcw=='));
    d.kubectl('apply -f s.yaml');
    write('s.yaml', secret('bmV3'));
    d.kubectl('diff -f s.yaml');
    expect(d.exitCode()).toBe(1);
    const out = d.stdout();
    expect(out).toContain("-  pw: '*** (before)'\n+  pw: '*** (after)'\n   user: '***'\n");
    expect(out).not.toContain('cGFzcw==');
    expect(out).not.toContain('bmV3');
  });

  it('keeps only the objects the -l selector matches', () => {
    const { d, write } = setup();
    write('web.yaml', web(1, 'nginx'));
    d.kubectl('diff -f web.yaml -l app=other');
    expect(d.text()).toBe('');
    expect(d.exitCode()).toBe(0);
    d.kubectl('diff -f web.yaml -l app=web');
    expect(d.exitCode()).toBe(1);
  });

  it('exits 2 on the server’s refusal, printing it as kubectl does and no diff', () => {
    const { d, write } = setup();
    write('bad.yaml', web(1, 'nginx').replace('app: web\n  template', 'app: other\n  template'));
    d.kubectl('diff -f bad.yaml');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toMatch(
      /^The Deployment "web" is invalid: spec\.template\.metadata\.labels: Invalid value: /,
    );
    expect(d.exitCode()).toBe(2);
  });

  it('refuses a call without -f, and arguments, with exit code 2', () => {
    const { d } = setup();
    d.kubectl('diff');
    expect(d.stderr()).toBe('error: must specify one of -f and -k\n');
    expect(d.exitCode()).toBe(2);
    d.kubectl('diff web -f x.yaml');
    expect(d.stderr()).toBe("error: Unexpected args: [web]\nSee 'kubectl diff -h' for help and examples\n");
    expect(d.exitCode()).toBe(2);
  });
});
