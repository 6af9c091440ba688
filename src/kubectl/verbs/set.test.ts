// kubectl set image / set env against a simulated cluster: set_image.go's and set_env.go's lines
// and errors, and the rolling update a template change starts.
import { describe, expect, it } from 'vitest';
import type { Endpoints, K8sObject } from '../../sim/api/types';
import { kdrive } from '../testing';

function web() {
  return kdrive().kubectl('apply -f numbers/web.yaml -f sleep/sleep1.yaml').advance(30_000);
}

type D = ReturnType<typeof web>;
const out = (d: D) => [d.stdout(), d.stderr(), d.exitCode()];
const image = (o: K8sObject | undefined) => o?.spec?.template?.spec?.containers?.[0]?.image;

describe('kubectl set image', () => {
  it('rolls a Deployment out: new ReplicaSet, Pods replaced, history revision 2 with its change-cause', () => {
    const d = web();
    const oldPods = d
      .pods({ namespace: 'default', labelSelector: 'app=numbers-web' })
      .map((p) => p.metadata.name);
    d.kubectl('annotate deploy/numbers-web kubernetes.io/change-cause="first release"');
    d.kubectl('set image deploy/numbers-web web=kiamol/ch03-numbers-web:v2');
    expect(out(d)).toEqual(['deployment.apps/numbers-web image updated\n', '', 0]);
    d.kubectl('annotate deploy/numbers-web kubernetes.io/change-cause="update to v2"');
    d.kubectl('rollout status deploy/numbers-web');
    expect(d.exitCode()).toBe(0);
    expect(d.stdout().endsWith('deployment "numbers-web" successfully rolled out\n')).toBe(true);
    const rss = d.cluster.list('ReplicaSet', { namespace: 'default', labelSelector: 'app=numbers-web' });
    expect(rss.map((rs) => [image(rs), rs.spec?.replicas])).toEqual(
      expect.arrayContaining([
        ['kiamol/ch03-numbers-web', 0],
        ['kiamol/ch03-numbers-web:v2', 1],
      ]),
    );
    // The old Pod terminates within its grace period.
    const pods = d.advance(30_000).pods({ namespace: 'default', labelSelector: 'app=numbers-web' });
    expect(pods.map((p) => p.spec?.containers?.[0]?.image)).toEqual(['kiamol/ch03-numbers-web:v2']);
    expect(pods.some((p) => oldPods.includes(p.metadata.name))).toBe(false);
    d.kubectl('rollout history deploy/numbers-web');
    expect(out(d)).toEqual([
      'deployment.apps/numbers-web \nREVISION  CHANGE-CAUSE\n1         first release\n2         update to v2\n\n',
      '',
      0,
    ]);
  });

  it('no change prints nothing; an unknown container is an error after the other changes', () => {
    const d = web();
    const before = d.get('Deployment', 'numbers-web');
    d.kubectl('set image deploy/numbers-web web=kiamol/ch03-numbers-web');
    expect(out(d)).toEqual(['', '', 0]);
    expect(d.get('Deployment', 'numbers-web')).toBe(before);
    d.kubectl('set image deploy/numbers-web foo=x');
    expect(out(d)).toEqual(['', 'error: unable to find container named "foo"\n', 1]);
    d.kubectl('set image deployment/numbers-web foo=x web=kiamol/ch03-numbers-web:v2');
    expect(out(d)).toEqual([
      'deployment.apps/numbers-web image updated\n',
      'error: unable to find container named "foo"\n',
      1,
    ]);
    expect(image(d.get('Deployment', 'numbers-web'))).toBe('kiamol/ch03-numbers-web:v2');
    // `*` sets every container.
    d.kubectl('set image deploy/numbers-web *=kiamol/ch03-numbers-web');
    expect(out(d)).toEqual(['deployment.apps/numbers-web image updated\n', '', 0]);
    expect(image(d.get('Deployment', 'numbers-web'))).toBe('kiamol/ch03-numbers-web');
  });

  it('argument errors', () => {
    const d = web();
    const cases: [string, string][] = [
      [
        'set image',
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
      ],
      ['set image deploy/numbers-web', 'error: at least one image update is required\n'],
      ['set image --all web=x', 'error: at least one resource must be specified to use a selector\n'],
      [
        'set image deploy/numbers-web *=a web=b',
        'error: all containers are already specified by *, but saw more than one container_name=container_image pairs\n',
      ],
      ['set image deploy/numbers-web web-', 'error: invalid image format: web-\n'],
      [
        'set image deploy web=x numbers-web',
        'error: all resources must be specified before image changes: numbers-web\n',
      ],
      ['set image deploy/nope web=x', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
      [
        'set image svc/kubernetes web=x',
        'error: services/kubernetes the object is not a pod or does not have a pod template: *v1.Service\n',
      ],
      [
        'set image deploy/numbers-web web=x --list',
        "error: unknown flag: --list\nSee 'kubectl set image --help' for usage.\n",
      ],
    ];
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
    }
  });

  it('a Pod’s image may change in place; its env may not (the server’s message)', () => {
    const d = web();
    const pod = d.pods({ namespace: 'default', labelSelector: 'app=sleep-1' })[0]?.metadata.name ?? '';
    d.kubectl(`set image pod/${pod} sleep=kiamol/ch03-sleep:latest`);
    expect(out(d)).toEqual([`pod/${pod} image updated\n`, '', 0]);
    expect(d.get('Pod', pod)?.spec?.containers?.[0]?.image).toBe('kiamol/ch03-sleep:latest');
    d.kubectl(`set env pod/${pod} A=1`);
    expect(d.exitCode()).toBe(1);
    expect(d.stderr()).toMatch(
      new RegExp(
        `^error: failed to patch env update to pod template: Pod "${pod}" is invalid: spec: Forbidden: pod updates may not change fields other than`,
      ),
    );
  });

  it('dry runs leave the cluster unchanged', () => {
    const d = web();
    const before = d.get('Deployment', 'numbers-web');
    const rsBefore = d.cluster.list('ReplicaSet').length;
    d.kubectl('set image deploy/numbers-web web=kiamol/ch03-numbers-web:v2 --dry-run=client');
    expect(out(d)).toEqual(['deployment.apps/numbers-web image updated (dry run)\n', '', 0]);
    d.kubectl(
      'set image deploy/numbers-web web=kiamol/ch03-numbers-web:v2 --dry-run=server -o jsonpath={.spec.template.spec.containers[0].image}',
    );
    expect(out(d)).toEqual(['kiamol/ch03-numbers-web:v2', '', 0]);
    d.advance(10_000);
    expect(d.get('Deployment', 'numbers-web')).toBe(before);
    expect(d.cluster.list('ReplicaSet').length).toBe(rsBefore);
  });

  it('is deterministic: the same seed and commands print the same', () => {
    const script = (d: D) => {
      const lines: string[] = [];
      for (const l of [
        'set image deploy/numbers-web web=kiamol/ch03-numbers-web:v2',
        'rollout status deploy/numbers-web',
        'get rs -o name',
        'get pods -o name',
      ]) {
        d.kubectl(l);
        lines.push(d.text());
      }
      return lines.join('');
    };
    expect(script(web())).toBe(script(web()));
  });
});

describe('kubectl set env', () => {
  it('adds, lists, replaces and removes variables', () => {
    const d = web();
    d.kubectl('set env deploy/numbers-web A=1 -e B=2');
    expect(out(d)).toEqual(['deployment.apps/numbers-web env updated\n', '', 0]);
    d.kubectl('set env deploy/numbers-web --list');
    expect(out(d)).toEqual(['# Deployment numbers-web, container web\nB=2\nA=1\n', '', 0]);
    // --list shows the changes without sending them.
    d.kubectl('set env deploy/numbers-web A- C=3 --list');
    expect(out(d)).toEqual(['# Deployment numbers-web, container web\nB=2\nC=3\n', '', 0]);
    d.kubectl('set env deploy/numbers-web A=9 B-');
    expect(out(d)).toEqual(['deployment.apps/numbers-web env updated\n', '', 0]);
    expect(d.get('Deployment', 'numbers-web')?.spec?.template?.spec?.containers?.[0]?.env).toEqual([
      { name: 'A', value: '9' },
    ]);
    // Nothing to change: nothing printed.
    d.kubectl('set env deploy/numbers-web A=9');
    expect(out(d)).toEqual(['', '', 0]);
  });

  it('errors and warnings', () => {
    const d = web();
    d.kubectl('set env deploy/numbers-web A=1');
    const cases: [string, string, number][] = [
      [
        'set env deploy/numbers-web A=2 --overwrite=false',
        "error: deployments/numbers-web 'A' already has a value (1), and --overwrite is false\n",
        1,
      ],
      [
        'set env deploy/numbers-web 1A=2',
        `error: "1A" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')\n`,
        1,
      ],
      [
        'set env deploy/numbers-web A=2 A-',
        'error: can not both modify and remove the same environment variable in the same command\n',
        1,
      ],
      [
        'set env deploy A=2 numbers-web',
        'error: all resources must be specified before environment changes: deploy A=2 numbers-web\n',
        1,
      ],
      [
        'set env A=1',
        'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
        1,
      ],
      [
        'set env deploy/numbers-web --list -o yaml',
        'error: --list and --output may not be specified together\n',
        1,
      ],
      [
        'set env deploy/numbers-web -c db X=1',
        '\u001b[33;1mWarning:\u001b[0m Deployment/numbers-web does not have any containers matching "db"\n',
        0,
      ],
    ];
    for (const [line, err, code] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, code]);
    }
  });
});

describe('kubectl set', () => {
  it('alone prints its help on stderr and fails; unknown words are a usage error', () => {
    const d = web();
    d.kubectl('set');
    expect(d.exitCode()).toBe(1);
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toContain(
      'Available Commands:\n  env              Update environment variables on a pod template\n  image            Update the image of a pod template\n',
    );
    d.kubectl('set foo bar');
    expect(out(d)).toEqual([
      '',
      'error: unknown command "foo bar"\nSee \'kubectl set -h\' for help and examples\n',
      1,
    ]);
    d.kubectl('set image --help');
    expect(
      d.stdout().startsWith('Update existing container image(s) of resources.\n\n Possible resources'),
    ).toBe(true);
  });
});

describe('kubectl set selector', () => {
  function services() {
    return kdrive()
      .kubectl('apply -f numbers/api.yaml -f numbers/web.yaml -f numbers/api-service.yaml')
      .advance(30_000);
  }

  it('points a Service at other Pods: the Endpoints follow', () => {
    const d = services();
    const ip = (app: string) =>
      d.pods({ namespace: 'default', labelSelector: `app=${app}` })[0]?.status?.podIP;
    const endpoints = () =>
      ((d.get('Endpoints', 'numbers-api') as Endpoints | undefined)?.subsets ?? []).flatMap((s) =>
        (s.addresses ?? []).map((a) => a.ip),
      );
    expect(endpoints()).toEqual([ip('numbers-api')]);
    d.kubectl('set selector svc numbers-api app=numbers-web');
    expect(out(d)).toEqual(['service/numbers-api selector updated\n', '', 0]);
    expect(d.get('Service', 'numbers-api')?.spec?.selector).toEqual({ app: 'numbers-web' });
    expect(endpoints()).toEqual([ip('numbers-web')]);
    // Sent even when nothing changes: the same line.
    d.kubectl('set selector service/numbers-api app=numbers-web');
    expect(out(d)).toEqual(['service/numbers-api selector updated\n', '', 0]);
  });

  it('errors, in set_selector.go order', () => {
    const d = services();
    const before = d.get('Service', 'numbers-api');
    const cases: [string, string][] = [
      ['set selector', 'error: one selector is required\n'],
      [
        "set selector svc numbers-api 'app in (b,a),x'",
        'error: match expression [{app In [a b]} {x Exists []}] not supported on this object\n',
      ],
      ['set selector svc numbers-api app!=x', 'error: "!=" is not a valid label selector operator\n'],
      ["set selector svc numbers-api 'a>1'", `error: "gt" isn't supported in label selectors\n`],
      [
        'set selector svc numbers-api a=b=c',
        `error: couldn't parse the selector string "a=b=c": found '=', expected: ',' or 'end of string'\n`,
      ],
      ['set selector deploy numbers-api app=x', 'error: setting a selector is only supported for Services\n'],
      [
        'set selector svc numbers-api app=x --resource-version=1',
        'Error from server (Conflict): Operation cannot be fulfilled on services "numbers-api": the object has been modified; please apply your changes to the latest version and try again\n',
      ],
    ];
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, ...out(d)]).toEqual([line, '', err, 1]);
    }
    expect(d.get('Service', 'numbers-api')).toBe(before);
    d.kubectl('set selector svc numbers-api app=x --dry-run=client -o jsonpath={.spec.selector}');
    expect(out(d)).toEqual(['{"app":"x"}', '', 0]);
    d.kubectl('set selector svc numbers-api app=x --dry-run=server');
    expect(out(d)).toEqual(['service/numbers-api selector updated (server dry run)\n', '', 0]);
    expect(d.get('Service', 'numbers-api')).toBe(before);
  });
});

describe('--record (deprecated)', () => {
  it('records the command line as the change-cause: set image, patch, annotate; set env has no such flag', () => {
    const d = web();
    const cause = () =>
      d.get('Deployment', 'numbers-web')?.metadata.annotations?.['kubernetes.io/change-cause'];
    const deprecated = 'Flag --record has been deprecated, --record will be removed in the future\n';
    d.kubectl('set image deployment/numbers-web web=kiamol/ch03-numbers-web:v2 --record');
    expect(out(d)).toEqual(['deployment.apps/numbers-web image updated\n', deprecated, 0]);
    d.kubectl('rollout status deploy/numbers-web').kubectl('rollout history deploy/numbers-web');
    expect(d.stdout()).toBe(
      'deployment.apps/numbers-web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deployment/numbers-web web=kiamol/ch03-numbers-web:v2 --record=true\n\n',
    );
    // The same command again changes nothing: nothing is sent or printed.
    d.kubectl('set image deployment/numbers-web web=kiamol/ch03-numbers-web:v2 --record');
    expect(out(d)).toEqual(['', deprecated, 0]);
    d.kubectl(`patch deploy numbers-web -p '{"spec":{"replicas":2}}' --record`);
    expect(out(d)).toEqual(['deployment.apps/numbers-web patched\n', deprecated, 0]);
    expect(cause()).toBe(`kubectl patch deploy numbers-web --patch={"spec":{"replicas":2}} --record=true`);
    d.kubectl('annotate deploy numbers-web a=b --record=true -n default');
    expect(out(d)).toEqual(['deployment.apps/numbers-web annotated\n', deprecated, 0]);
    expect(cause()).toBe('kubectl annotate deploy numbers-web a=b --record=true --namespace=default');
    // --record=false records nothing (and still warns).
    d.kubectl('annotate deploy numbers-web c=d --record=false');
    expect(out(d)).toEqual(['deployment.apps/numbers-web annotated\n', deprecated, 0]);
    expect(cause()).toBe('kubectl annotate deploy numbers-web a=b --record=true --namespace=default');
    d.kubectl('set env deploy/numbers-web A=1 --record');
    expect(out(d)).toEqual([
      '',
      "error: unknown flag: --record\nSee 'kubectl set env --help' for usage.\n",
      1,
    ]);
  });
});
