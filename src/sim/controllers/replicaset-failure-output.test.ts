// What a student sees of a Deployment whose Pods are refused (a ServiceAccount that does not
// exist), exactly as kubectl 1.34 prints it: describe rs / deploy with the Conditions block,
// get events -o wide with the FailedCreate COUNT the retry rhythm gives, rollout status; then the
// ServiceAccount is created and the next retry recovers. [K8S 1.34 replica_set.go,
// replica_set_utils.go, deployment/progress.go; kubectl v0.34.9 pkg/describe/describe.go
// describeReplicaSet/describeDeployment, polymorphichelpers/rollout_status.go]
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { forbidden, heredoc, SA_YAML, workloadYaml } from './replicaset-failure-fixtures';

const DEPLOY = workloadYaml('Deployment', 2);
const RS = 'web-59b46886c6';
const FORBIDDEN = forbidden(RS);

const TEMPLATE = `  Service Account:  foo
  Containers:
   web:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

function stuck() {
  const d = kdrive({ seed: 11 });
  d.sh(heredoc('web.yaml', DEPLOY));
  d.kubectl('apply -f web.yaml');
  return d;
}

describe('a Deployment whose Pods are refused, through kubectl', () => {
  it('rollout status waits on 0 new replicas, then reports the progress deadline (600 s)', () => {
    const d = stuck();
    d.advance(5000);
    d.kubectl('rollout status deployment/web --timeout=2s');
    expect(d.text()).toBe(
      'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...\n' +
        'error: timed out waiting for the condition\n',
    );
    d.advance(592_000);
    d.kubectl('get deploy web -o jsonpath={.status.conditions[*].reason}');
    expect(d.stdout()).toBe('NewReplicaSetCreated MinimumReplicasUnavailable FailedCreate');
    d.advance(2000);
    d.kubectl('rollout status deployment/web');
    expect(d.text()).toBe('error: deployment "web" exceeded its progress deadline\n');
    expect(d.exitCode()).toBe(1);
  });

  it('describe rs, describe deploy and get events -o wide after 11 minutes', () => {
    const d = stuck();
    d.advance(702_000);
    d.kubectl(`describe rs ${RS}`);
    expect(d.stdout()).toBe(`Name:           ${RS}
Namespace:      default
Selector:       app=web,pod-template-hash=59b46886c6
Labels:         app=web
                pod-template-hash=59b46886c6
Annotations:    deployment.kubernetes.io/desired-replicas: 2
                deployment.kubernetes.io/max-replicas: 3
                deployment.kubernetes.io/revision: 1
Controlled By:  Deployment/web
Replicas:       0 current / 2 desired
Pods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed
Pod Template:
  Labels:           app=web
                    pod-template-hash=59b46886c6
${TEMPLATE}Conditions:
  Type             Status  Reason
  ----             ------  ------
  ReplicaFailure   True    FailedCreate
Events:
  Type     Reason        Age                 From                   Message
  ----     ------        ----                ----                   -------
  Warning  FailedCreate  47s (x18 over 11m)  replicaset-controller  Error creating: ${FORBIDDEN}
`);
    d.kubectl('describe deploy web');
    expect(d.stdout()).toBe(`Name:                   web
Namespace:              default
CreationTimestamp:      Thu, 08 Jan 2026 09:30:00 +0000
Labels:                 <none>
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 0 updated | 0 total | 0 available | 2 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:           app=web
${TEMPLATE}Conditions:
  Type             Status  Reason
  ----             ------  ------
  Available        False   MinimumReplicasUnavailable
  ReplicaFailure   True    FailedCreate
  Progressing      False   ProgressDeadlineExceeded
OldReplicaSets:    <none>
NewReplicaSet:     ${RS} (0/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  11m   deployment-controller  Scaled up replica set ${RS} from 0 to 2
`);
    // 18 = two failed syncs at once (the first one's status write queues the key again), then
    // retries 5 ms, 25 ms, 65 ms, … 655.345 s after it; the next is due at 1310.705 s.
    d.kubectl('get events --field-selector reason=FailedCreate -o wide');
    const pad = ' '.repeat('Error creating: '.length + FORBIDDEN.length - 'MESSAGE'.length);
    expect(d.stdout()).toBe(
      `LAST SEEN   TYPE      REASON         OBJECT                      SUBOBJECT   SOURCE                  MESSAGE${pad}   FIRST SEEN   COUNT   NAME\n` +
        `47s         Warning   FailedCreate   replicaset/${RS}               replicaset-controller   Error creating: ${FORBIDDEN}   11m          18      ${RS}.1888b77cb5fcf001\n`,
    );
    d.kubectl(`get rs ${RS} -o yaml`);
    expect(d.stdout().slice(d.stdout().indexOf('status:\n'))).toBe(`status:
  conditions:
  - lastTransitionTime: "2026-01-08T09:30:00Z"
    message: 'pods "${RS}-" is forbidden: error looking up service account
      default/foo: serviceaccount "foo" not found'
    reason: FailedCreate
    status: "True"
    type: ReplicaFailure
  observedGeneration: 1
  replicas: 0
`);
    d.kubectl('get rs -o jsonpath={.items[0].status}');
    expect(JSON.parse(d.stdout())).toEqual({
      conditions: [
        {
          lastTransitionTime: '2026-01-08T09:30:00Z',
          message: FORBIDDEN,
          reason: 'FailedCreate',
          status: 'True',
          type: 'ReplicaFailure',
        },
      ],
      observedGeneration: 1,
      replicas: 0,
    });
  });

  it('the ServiceAccount created: the next retry (1310.705 s) creates the Pods; the conditions go', () => {
    const d = stuck();
    d.advance(702_000);
    d.sh(heredoc('sa.yaml', SA_YAML));
    d.kubectl('apply -f sa.yaml');
    d.advance(1_310_704 - 702_000);
    d.kubectl('get pods --no-headers');
    expect(d.text()).toBe('No resources found in default namespace.\n');
    d.advance(1);
    d.kubectl('get rs');
    expect(d.stdout()).toBe(
      `NAME             DESIRED   CURRENT   READY   AGE\n${RS}   2         2         0       21m\n`,
    );
    d.advance(30_000);
    d.kubectl(`describe rs ${RS}`);
    const out = d.stdout();
    expect(out).not.toContain('Conditions:');
    expect(out).toContain('Pods Status:    2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    // The retry that succeeded recorded no FailedCreate: still 18, the last 11 minutes ago.
    expect(out).toContain(
      `  Warning  FailedCreate      11m (x18 over 22m)  replicaset-controller  Error creating: ${FORBIDDEN}\n`,
    );
    expect(
      out.match(
        / {2}Normal {3}SuccessfulCreate {2}30s {17}replicaset-controller {2}Created pod: web-59b46886c6-[a-z0-9]{5}\n/g,
      ),
    ).toHaveLength(2);
    d.kubectl('get deploy web -o jsonpath={.status.conditions[*].type}');
    expect(d.stdout()).toBe('Available Progressing');
    d.kubectl('rollout status deployment/web');
    expect(d.text()).toBe('deployment "web" successfully rolled out\n');
  });
});
