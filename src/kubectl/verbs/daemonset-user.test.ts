// A student's own DaemonSet through kubectl 1.34 on kind (two workers, a NoSchedule control plane):
// apply created/unchanged/configured, the API server's defaults (-o yaml), ValidateDaemonSet's
// messages, get ds (-o wide), describe ds, rollout status (DaemonSetStatusViewer) and restart,
// set image, patch and delete.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../../sim/api/types';
import { kdrive } from '../testing';

type D = ReturnType<typeof kdrive>;

function manifest(image = 'nginx:1.27', spec = '', tspec = '', selector = SELECTOR): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
${spec}${selector}  template:
    metadata:
      labels:
        app: agent
    spec:
${tspec}      containers:
      - name: agent
        image: ${image}
`;
}
const SELECTOR = '  selector:\n    matchLabels:\n      app: agent\n';

function apply(d: D, yaml: string): string {
  d.session.fs.write('/home/student/ch03/ds.yaml', yaml);
  return d.kubectl('apply -f ds.yaml').text();
}

const pods = (d: D) =>
  (d.cluster.list('Pod', { namespace: 'default', labelSelector: 'app=agent' }) as Pod[]).filter(
    (p) => !p.metadata.deletionTimestamp,
  );

describe('kubectl with a user DaemonSet', () => {
  it('applies it (created, unchanged, configured) with the API server defaults', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(apply(d, manifest())).toBe('daemonset.apps/agent created\n');
    expect(apply(d, manifest())).toBe('daemonset.apps/agent unchanged\n');
    const spec = d.kubectl('get ds agent -o yaml').text().split('\nspec:\n')[1]?.split('\nstatus:\n')[0];
    expect(spec).toBe(
      [
        '  revisionHistoryLimit: 10',
        '  selector:',
        '    matchLabels:',
        '      app: agent',
        '  template:',
        '    metadata:',
        '      labels:',
        '        app: agent',
        '    spec:',
        '      containers:',
        '      - image: nginx:1.27',
        '        imagePullPolicy: IfNotPresent',
        '        name: agent',
        '        resources: {}',
        '        terminationMessagePath: /dev/termination-log',
        '        terminationMessagePolicy: File',
        '      dnsPolicy: ClusterFirst',
        '      restartPolicy: Always',
        '      schedulerName: default-scheduler',
        '      securityContext: {}',
        '      terminationGracePeriodSeconds: 30',
        '  updateStrategy:',
        '    rollingUpdate:',
        '      maxSurge: 0',
        '      maxUnavailable: 1',
        '    type: RollingUpdate',
      ].join('\n'),
    );
    expect(d.kubectl('get ds agent -o jsonpath={.metadata.annotations}').text()).toContain(
      '"deprecated.daemonset.template.generation":"1"',
    );
    expect(apply(d, manifest('nginx:1.28'))).toBe('daemonset.apps/agent configured\n');
    expect(
      d
        .kubectl(
          "get ds agent -o 'jsonpath={.metadata.generation}/{.metadata.annotations.deprecated\\.daemonset\\.template\\.generation}'",
        )
        .text(),
    ).toBe('2/2');
  });

  it('lists, describes and waits for it as kubectl 1.34 does', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    d.advance(30_000);
    expect(d.kubectl('get ds -o wide').text()).toBe(
      [
        'NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE   CONTAINERS   IMAGES       SELECTOR',
        'agent   2         2         2       2            2           <none>          30s   agent        nginx:1.27   app=agent',
        '',
      ].join('\n'),
    );
    const names = pods(d)
      .map((p) => p.metadata.name)
      .sort();
    expect(names).toHaveLength(2);
    expect(d.kubectl('describe ds agent').text()).toBe(
      [
        'Name:           agent',
        'Namespace:      default',
        'Selector:       app=agent',
        'Node-Selector:  <none>',
        'Labels:         <none>',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 2',
        'Current Number of Nodes Scheduled: 2',
        'Number of Nodes Scheduled with Up-to-date Pods: 2',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=agent',
        '  Containers:',
        '   agent:',
        '    Image:         nginx:1.27',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                  Message',
        '  ----    ------            ----  ----                  -------',
        ...names.map((n) => `  Normal  SuccessfulCreate  30s   daemonset-controller  Created pod: ${n}`),
        '',
      ].join('\n'),
    );
    expect(d.kubectl('rollout status ds/agent').text()).toBe('daemon set "agent" successfully rolled out\n');
    expect(
      d
        .kubectl(
          `patch ds agent -p '{"spec":{"template":{"spec":{"containers":[{"name":"agent","image":"nginx:1.28"}]}}}}'`,
        )
        .text(),
    ).toBe('daemonset.apps/agent patched\n');
    expect(d.kubectl('rollout status daemonset/agent').text()).toBe(
      [
        'Waiting for daemon set "agent" rollout to finish: 0 out of 2 new pods have been updated...',
        'Waiting for daemon set "agent" rollout to finish: 1 out of 2 new pods have been updated...',
        'Waiting for daemon set "agent" rollout to finish: 1 of 2 updated pods are available...',
        'daemon set "agent" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(pods(d).map((p) => p.spec.containers[0]?.image)).toEqual(['nginx:1.28', 'nginx:1.28']);
    const desc = d.kubectl('describe ds agent').text();
    // Each old Pod deleted by the controller, node by node.
    for (const n of names)
      expect(desc).toMatch(new RegExp(`Normal  SuccessfulDelete .* Deleted pod: ${n}\n`));
  });

  it('restarts it, sets its image, and refuses rollout status for OnDelete', () => {
    const d = kdrive({ seed: 2, profile: 'kind' });
    apply(d, manifest());
    d.advance(30_000);
    expect(d.kubectl('rollout restart ds/agent').text()).toBe('daemonset.apps/agent restarted\n');
    expect(
      d
        .kubectl(
          "get ds agent -o 'jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}'",
        )
        .text(),
    ).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    d.kubectl('rollout status ds/agent');
    expect(pods(d).every((p) => p.metadata.labels?.['pod-template-generation'] === '2')).toBe(true);
    expect(d.kubectl('set image ds/agent agent=nginx:1.29').text()).toBe(
      'daemonset.apps/agent image updated\n',
    );
    apply(d, manifest('nginx:1.29', '  updateStrategy:\n    type: OnDelete\n'));
    const r = d.kubectl('rollout status ds/agent');
    expect(r.text()).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
    expect(r.exitCode()).toBe(1);
  });

  it('logs and exec reach one of its Pods (SelectorsForObject), expose refuses it', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest('kiamol/ch03-sleep'));
    d.advance(60_000);
    const first = d.kubectl('exec ds/agent -- hostname').text().trim();
    expect(pods(d).map((p) => p.metadata.name)).toContain(first);
    const logs = d.kubectl('logs ds/agent');
    const used = /^Found 2 pods, using pod\/(\S+)\n$/.exec(logs.stderr())?.[1];
    expect(pods(d).map((p) => p.metadata.name)).toContain(used);
    expect(logs.exitCode()).toBe(0);
    expect(d.kubectl('expose ds/agent --port 80').stderr()).toBe('error: cannot expose a DaemonSet.apps\n');
  });

  it('deletes it and its Pods, by name or by file', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    d.advance(30_000);
    expect(d.kubectl('delete ds agent').text()).toBe(
      'daemonset.apps "agent" deleted from default namespace\n',
    );
    d.advance(60_000);
    expect(d.kubectl('get ds,pods').text()).toBe('No resources found in default namespace.\n');
    apply(d, manifest());
    expect(d.kubectl('delete -f ds.yaml').text()).toBe(
      'daemonset.apps "agent" deleted from default namespace\n',
    );
    // Every served kind, the configuration ones too (they were skipped silently).
    d.session.fs.write(
      '/home/student/ch03/cm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: b\n',
    );
    d.kubectl('apply -f cm.yaml');
    expect(d.kubectl('delete -f cm.yaml').text()).toBe('configmap "cfg" deleted from default namespace\n');
  });
});

describe('ValidateDaemonSet through kubectl apply', () => {
  const cases: [string, string, string][] = [
    [
      'no selector',
      manifest('nginx', '', '', ''),
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`',
    ],
    [
      'an empty selector',
      manifest('nginx', '', '', '  selector: {}\n'),
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for daemonset',
    ],
    [
      'a selector the template does not match',
      manifest('nginx', '', '', '  selector:\n    matchLabels:\n      app: other\n'),
      'The DaemonSet "agent" is invalid: spec.template.metadata.labels: Invalid value: {"app":"agent"}: `selector` does not match template `labels`',
    ],
    [
      'restartPolicy Never',
      manifest('nginx', '', '      restartPolicy: Never\n'),
      'The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'an unknown update strategy',
      manifest('nginx', '  updateStrategy:\n    type: Recreate\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy: Unsupported value: {"Type":"Recreate","RollingUpdate":null}: supported values: "RollingUpdate", "OnDelete"',
    ],
    [
      'maxSurge beside the default maxUnavailable',
      manifest('nginx', '  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
    ],
    [
      'maxUnavailable 0 and maxSurge 0',
      manifest('nginx', '  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n'),
      'The DaemonSet "agent" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ],
    [
      'activeDeadlineSeconds',
      manifest('nginx', '', '      activeDeadlineSeconds: 5\n'),
      'The DaemonSet "agent" is invalid: spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
    ],
    [
      'a Deployment field',
      manifest('nginx', '  replicas: 2\n'),
      'Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strict decoding error: unknown field "spec.replicas"',
    ],
    [
      'a template generation that is not an int64',
      manifest().replace(
        'name: agent\n',
        'name: agent\n  annotations:\n    deprecated.daemonset.template.generation: "1.5"\n',
      ),
      'Error from server (BadRequest): error when creating "ds.yaml": DaemonSet in version "v1" cannot be handled as a DaemonSet: strconv.ParseInt: parsing "1.5": invalid syntax',
    ],
  ];
  it.each(cases)('refuses %s', (_, yaml, message) => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(apply(d, yaml)).toBe(`${message}\n`);
    expect(d.cluster.get('DaemonSet', 'default', 'agent')).toBeUndefined();
  });

  it('refuses a name that is not a DNS-1123 subdomain and a changed selector', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    expect(apply(d, manifest().replace('name: agent', 'name: Agent_1'))).toBe(
      `The DaemonSet "Agent_1" is invalid: metadata.name: Invalid value: "Agent_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    );
    apply(d, manifest());
    const changed = manifest('nginx:1.27', '', '', '').replace(
      'spec:\n  template',
      'spec:\n  selector:\n    matchLabels:\n      app: agent\n    matchExpressions:\n    - key: app\n      operator: Exists\n  template',
    );
    expect(apply(d, changed)).toBe(
      'The DaemonSet "agent" is invalid: spec.selector: Invalid value: {"matchLabels":{"app":"agent"},"matchExpressions":[{"key":"app","operator":"Exists"}]}: field is immutable\n',
    );
  });

  it('lists an invalid update once per cause although the server sends the spec causes twice', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    apply(d, manifest());
    expect(apply(d, manifest('nginx', '', '      restartPolicy: OnFailure\n'))).toBe(
      'The DaemonSet "agent" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
    );
    const cur = d.cluster.get('DaemonSet', 'default', 'agent') as DaemonSet;
    const r = d.cluster.update({ ...cur, spec: { ...cur.spec, minReadySeconds: -1 } });
    expect(r.ok ? [] : r.error.details?.causes?.map((c) => c.field)).toEqual([
      'spec.minReadySeconds',
      'spec.minReadySeconds',
    ]);
  });
});
