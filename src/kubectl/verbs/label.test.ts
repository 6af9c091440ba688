// kubectl label against a real simulated cluster: the lines and errors of label.go / checkErr,
// and the Services chapter's experiment (a relabelled Pod leaves its ReplicaSet and Service).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

/** A cluster with sleep-2 (Deployment + Service) settled: one Running Pod. */
function sleep2() {
  const d = kdrive().kubectl('apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml').advance(30_000);
  const pod = d.pods()[0] as Pod;
  expect(pod.status?.phase).toBe('Running');
  return { d, name: pod.metadata.name };
}

describe('kubectl label', () => {
  it('adds a new key to a Pod: `pod/NAME labeled`, and the server has it', () => {
    const { d, name } = sleep2();
    d.kubectl(`label pod ${name} tier=debug`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`pod/${name} labeled\n`, '', 0]);
    expect(d.get('Pod', name)?.metadata.labels).toEqual({
      app: 'sleep-2',
      'pod-template-hash': name.split('-')[2],
      tier: 'debug',
    });
    d.kubectl(`get pod ${name} -o jsonpath={.metadata.labels.tier}`);
    expect(d.stdout()).toBe('debug');
  });

  it('an existing key needs --overwrite: kubectl’s error, exit 1, the Pod untouched', () => {
    const { d, name } = sleep2();
    const before = d.get('Pod', name);
    d.kubectl(`label pod ${name} app=sleep-debug`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      "error: 'app' already has a value (sleep-2), and --overwrite is false\n",
      1,
    ]);
    // The very object the store had: no write happened (same resourceVersion).
    expect(d.get('Pod', name)).toBe(before);
    // validateNoOverwrites refuses a present key even when the value is the same.
    d.kubectl(`label pod/${name} app=sleep-2`);
    expect(d.stderr()).toBe("error: 'app' already has a value (sleep-2), and --overwrite is false\n");
    // Several clashes are an aggregate: one raw line each.
    d.kubectl(`label pod ${name} extra=1`).kubectl(`label pod ${name} app=x extra=2`);
    expect(d.stderr()).toBe(
      "'app' already has a value (sleep-2), and --overwrite is false\n'extra' already has a value (1), and --overwrite is false\n",
    );
    expect(d.exitCode()).toBe(1);
    // With --overwrite the same value is no change at all.
    d.kubectl(`label pod ${name} app=sleep-2 --overwrite`);
    expect([d.stdout(), d.exitCode()]).toEqual([`pod/${name} not labeled\n`, 0]);
  });

  it('`KEY-` removes: `unlabeled`; removing an absent key says so and is `not labeled`', () => {
    const { d, name } = sleep2();
    d.kubectl(`label pod ${name} tier=debug`).kubectl(`label pod ${name} tier-`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([`pod/${name} unlabeled\n`, '', 0]);
    expect(d.get('Pod', name)?.metadata.labels?.tier).toBeUndefined();
    d.kubectl(`label pod ${name} tier-`);
    expect([d.stdout(), d.exitCode()]).toEqual([`label "tier" not found.\npod/${name} not labeled\n`, 0]);
    // With --overwrite a removal reports `labeled` (updateDataChangeMsg).
    d.kubectl(`label pod ${name} tier=x`).kubectl(`label pod ${name} tier- --overwrite`);
    expect(d.stdout()).toBe(`pod/${name} labeled\n`);
  });

  it('other kinds print as apply does; -l and --all pick objects; several names', () => {
    const { d, name } = sleep2();
    d.kubectl('label deploy/sleep-2 svc/sleep-2 team=blue');
    expect(d.stdout()).toBe('deployment.apps/sleep-2 labeled\nservice/sleep-2 labeled\n');
    expect(d.get('Service', 'sleep-2')?.metadata.labels).toEqual({ team: 'blue' });
    d.kubectl('label pods -l app=sleep-2 team=green');
    expect(d.stdout()).toBe(`pod/${name} labeled\n`);
    d.kubectl('label nodes --all zone=a');
    expect(d.stdout()).toBe('node/docker-desktop labeled\n');
    d.kubectl(`label pod ${name} nope other=1`);
    expect(d.stdout()).toBe(`pod/${name} labeled\n`);
    expect(d.stderr()).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(d.exitCode()).toBe(1);
  });

  it('argument and validation errors, word for word', () => {
    const { d, name } = sleep2();
    const cases: [string, string][] = [
      [`label pod ${name}`, 'error: at least one label update is required\n'],
      [
        'label a=b',
        'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
      ],
      [`label pod a=b ${name}`, `error: all resources must be specified before label changes: ${name}\n`],
      ['label pods a=b', 'error: resource(s) were provided, but no name was specified\n'],
      ['label pod nope a=b', 'Error from server (NotFound): pods "nope" not found\n'],
      [`label pod ${name} a=b=c`, 'error: invalid label spec: a=b=c\n'],
      [`label pod ${name} a=b a-`, 'error: can not both modify and remove a label in the same command\n'],
      [`label pods --all -l app=x a=b`, 'error: cannot set --all and --selector at the same time\n'],
      [`label pods ${name} -l app=x a=b`, 'error: name cannot be provided when a selector is specified\n'],
      [
        `label pod/${name} -l app=x a=b`,
        'error: selectors and the all flag cannot be used when passing resource/name arguments\n',
      ],
      ["label pods -l '' a=b", 'error: resource(s) were provided, but no name was specified\n'],
      [
        `label pod ${name} a=b_`,
        `error: invalid label value: "a=b_": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')\n`,
      ],
      // Keys are checked by the apiserver: a 422 in the pretty form.
      [
        `label pod ${name} 'bad key=v'`,
        `The Pod "${name}" is invalid: metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n`,
      ],
      ['label pod x a=b --local', "error: unknown flag: --local\nSee 'kubectl label --help' for usage.\n"],
    ];
    const labels = d.get('Pod', name)?.metadata.labels;
    for (const [line, err] of cases) {
      d.kubectl(line);
      expect([line, d.stdout(), d.stderr(), d.exitCode()]).toEqual([line, '', err, 1]);
    }
    expect(d.get('Pod', name)?.metadata.labels).toEqual(labels);
  });

  it('is listed in kubectl --help and has its own --help', () => {
    const d = kdrive().kubectl('--help');
    expect(d.stdout()).toContain('  label           Update the labels on a resource\n');
    d.kubectl('label --help');
    expect(d.stdout()).toMatch(/^Update the labels on a resource\.\n/);
    expect(d.stdout()).toContain('\n  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1');
  });

  it('completes like the other object verbs: types, then names, then its flags', () => {
    const { d, name } = sleep2();
    expect(d.session.complete('kubectl lab').candidates).toEqual(['label']);
    // kubectl's compGetResourceList: api-resources names, no short names
    expect(d.session.complete('kubectl label po').candidates).toEqual([
      'poddisruptionbudgets.policy',
      'pods',
      'podtemplates',
    ]);
    expect(d.session.complete('kubectl label pods sle').candidates).toEqual([name]);
    expect(d.session.complete('kubectl label pod/sle').candidates).toEqual([`pod/${name}`]);
    expect(d.session.complete('kubectl label pods x --ov').candidates).toEqual(['--overwrite']);
  });
});

describe('the Services experiment: relabel a Pod out of its Service', () => {
  it('the ReplicaSet replaces it, the Endpoints drop its IP, and it keeps running', () => {
    const d = kdrive().kubectl('apply -f numbers/api.yaml -f numbers/api-service.yaml');
    d.kubectl('wait --for=condition=Ready pod -l app=numbers-api --timeout=60s');
    expect(d.exitCode()).toBe(0);
    d.advance(5_000);
    const old = d.pods({ namespace: 'default', labelSelector: 'app=numbers-api' })[0] as Pod;
    const oldIp = old.status?.podIP as string;
    expect(oldIp).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    d.kubectl('get endpoints numbers-api');
    expect(d.stdout()).toContain(` ${oldIp}:80 `);

    d.kubectl(`label pod ${old.metadata.name} app=numbers-api-debug --overwrite`);
    expect([d.stdout(), d.exitCode()]).toEqual([`pod/${old.metadata.name} labeled\n`, 0]);

    d.kubectl('wait --for=condition=Ready pod -l app=numbers-api --timeout=60s').advance(5_000);
    d.kubectl('get pods -l app=numbers-api -o name');
    const now = d.stdout().trim().split('\n');
    expect(now).toHaveLength(1);
    expect(now[0]).toMatch(/^pod\/numbers-api-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(now[0]).not.toBe(`pod/${old.metadata.name}`);
    const replacement = d.get('Pod', (now[0] as string).slice(4)) as Pod;
    expect(replacement.status?.phase).toBe('Running');

    d.kubectl('get endpoints numbers-api');
    expect(d.stdout()).not.toContain(oldIp);
    expect(d.stdout()).toContain(` ${replacement.status?.podIP}:80 `);

    // The relabelled Pod is released (no controller) but still running, with its IP.
    d.kubectl(`get pod ${old.metadata.name} -o jsonpath={.status.phase},{.status.podIP}`);
    expect(d.stdout()).toBe(`Running,${oldIp}`);
    const released = d.get('Pod', old.metadata.name) as Pod;
    expect(released.metadata.ownerReferences ?? []).toEqual([]);
    d.kubectl('get pods -l app=numbers-api-debug -o name');
    expect(d.stdout()).toBe(`pod/${old.metadata.name}\n`);
  });
  it('--list prints one Pod’s labels, KEY=VALUE per line, and writes nothing', () => {
    const { d, name } = sleep2();
    const before = d.get('Pod', name);
    const hash = name.split('-')[2];
    d.kubectl(`label pod ${name} --list`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      `app=sleep-2\npod-template-hash=${hash}\n`,
      '',
      0,
    ]);
    // With changes, --list shows the labels as they would be, applied to the local copy only.
    d.kubectl(`label pod/${name} tier=debug app- --list`);
    expect([d.stdout(), d.exitCode()]).toEqual([`pod-template-hash=${hash}\ntier=debug\n`, 0]);
    expect(d.get('Pod', name)).toBe(before);
    // validateNoOverwrites still applies to the local copy.
    d.kubectl(`label pod ${name} app=x --list`);
    expect([d.stdout(), d.stderr(), d.exitCode()]).toEqual([
      '',
      "error: 'app' already has a value (sleep-2), and --overwrite is false\n",
      1,
    ]);
  });

  it('--list over a selection: a `Listing labels for Kind.group/name:` header, indented lines', () => {
    const { d, name } = sleep2();
    const hash = name.split('-')[2];
    d.kubectl('label pods --all --list');
    expect([d.stdout(), d.exitCode()]).toEqual([
      `Listing labels for Pod./${name}:\n app=sleep-2\n pod-template-hash=${hash}\n`,
      0,
    ]);
    // Two types: a header each, even for objects with no labels (the book's carry none).
    d.kubectl('label deploy/sleep-2 svc/sleep-2 --list');
    expect([d.stdout(), d.exitCode()]).toEqual([
      'Listing labels for Deployment.apps/sleep-2:\nListing labels for Service./sleep-2:\n',
      0,
    ]);
    d.kubectl('label deploy sleep-2 nosuch --list');
    expect(d.stdout()).toBe('Listing labels for Deployment.apps/sleep-2:\n');
    expect(d.stderr()).toBe('Error from server (NotFound): deployments.apps "nosuch" not found\n');
    expect(d.exitCode()).toBe(1);
  });
});
