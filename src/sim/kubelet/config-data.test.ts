// ConfigMaps and Secrets the kubelet reads from the API server (config-refs.ts): a missing key or
// object is CreateContainerConfigError or FailedMount with the kubelet's texts, and the Pod starts
// at the next sync once the student creates what it needs. Init containers fail the same way.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';
import { appConfigYaml } from '../testing/manifests';

const CM = appConfigYaml();

const pod = (spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}`;

const ENV_POD = pod(`  containers:
  - name: app
    image: kiamol/ch03-sleep
    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef: {name: app-config, key: greeting}
    - name: COLOR
      valueFrom:
        configMapKeyRef: {name: app-config, key: color}
`);

const events = (text: string) => text.slice(text.indexOf('Events:'));
const waiting = (p: Pod | undefined) => p?.status?.containerStatuses?.[0]?.state?.waiting;

describe('env refs read the stored ConfigMap', () => {
  it('a missing key: CreateContainerConfigError naming it; adding the key starts the Pod', () => {
    const d = kdrive({ seed: 11 }).apply(CM).apply(ENV_POD).advance(20_000);
    expect(waiting(d.get('Pod', 'p') as Pod)).toEqual({
      reason: 'CreateContainerConfigError',
      message: "couldn't find key color in ConfigMap default/app-config",
    });
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+0\/1\s+CreateContainerConfigError\s+0\s+20s$/m);
    expect(events(d.kubectl('describe pod p').text())).toMatch(
      /\n {2}Warning {2}Failed +\S+ \(x\d over \S+\) +kubelet +Error: couldn't find key color in ConfigMap default\/app-config\n/,
    );
    d.apply(`${CM}  color: blue\n`).advance(16_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+1\/1\s+Running\s+0\s+36s$/m);
    expect(d.kubectl('exec p -- printenv COLOR GREETING').text()).toBe('blue\nhello\n');
  });

  it('a missing ConfigMap: configmap "x" not found until it is created', () => {
    const d = kdrive({ seed: 12 }).apply(ENV_POD).advance(20_000);
    expect(waiting(d.get('Pod', 'p') as Pod)?.message).toBe('configmap "app-config" not found');
    d.apply(`${CM}  color: red\n`).advance(16_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+1\/1\s+Running\s+0\s+/m);
  });

  it('a binaryData key is not an env key', () => {
    const d = kdrive({ seed: 13 })
      .apply(`apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  greeting: hello
binaryData:
  color: Ymx1ZQ==
`)
      .apply(ENV_POD)
      .advance(20_000);
    expect(waiting(d.get('Pod', 'p') as Pod)?.message).toBe(
      "couldn't find key color in ConfigMap default/app-config",
    );
  });

  it('a Secret key ref: secret "x" not found, then couldn\'t find key', () => {
    const secretPod = pod(`  containers:
  - name: app
    image: kiamol/ch03-sleep
    env:
    - name: PASSWORD
      valueFrom:
        secretKeyRef: {name: creds, key: password}
`);
    const d = kdrive({ seed: 14 }).apply(secretPod).advance(20_000);
    expect(waiting(d.get('Pod', 'p') as Pod)?.message).toBe('secret "creds" not found');
    d.kubectl('create secret generic creds --from-literal=user=me');
    d.advance(16_000);
    expect(waiting(d.get('Pod', 'p') as Pod)?.message).toBe(
      "couldn't find key password in Secret default/creds",
    );
  });
});

describe('volumes read the stored ConfigMap and Secret', () => {
  const VOL_POD = pod(`  containers:
  - name: app
    image: kiamol/ch03-sleep
    volumeMounts:
    - {name: config, mountPath: /etc/config}
  volumes:
  - name: config
    configMap: {name: app-config}
`);

  it('FailedMount while the ConfigMap is missing; created, the Pod starts and reads it', () => {
    const d = kdrive({ seed: 15 }).apply(VOL_POD).advance(10_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+0\/1\s+ContainerCreating\s+0\s+10s$/m);
    expect(events(d.kubectl('describe pod p').text())).toContain(
      'kubelet            MountVolume.SetUp failed for volume "config" : configmap "app-config" not found',
    );
    d.apply(CM).advance(20_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+1\/1\s+Running\s+0\s+30s$/m);
    expect(d.kubectl('exec p -- cat /etc/config/greeting').text()).toBe('hello');
  });

  it('a secret item naming a key the Secret lacks', () => {
    const d = kdrive({ seed: 16 })
      .apply(`apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  user: me
`)
      .apply(
        pod(`  containers:
  - name: app
    image: kiamol/ch03-sleep
  volumes:
  - name: creds
    secret:
      secretName: creds
      items:
      - {key: password, path: pw}
`),
      )
      .advance(5_000);
    expect(events(d.kubectl('describe pod p').text())).toContain(
      'MountVolume.SetUp failed for volume "creds" : references non-existent secret key: password',
    );
  });
});

describe('init containers', () => {
  it('an init container whose env names a missing Secret waits in Init:CreateContainerConfigError', () => {
    const d = kdrive({ seed: 17 })
      .apply(
        pod(`  initContainers:
  - name: setup
    image: kiamol/ch03-sleep
    command: ['sh', '-c', 'echo $TOKEN']
    env:
    - name: TOKEN
      valueFrom:
        secretKeyRef: {name: token, key: value}
  containers:
  - name: app
    image: kiamol/ch03-sleep
`),
      )
      .advance(20_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+0\/1\s+Init:CreateContainerConfigError\s+0\s+20s$/m);
    const p = d.get('Pod', 'p') as Pod;
    expect(
      (p.status as { initContainerStatuses?: { state?: unknown }[] }).initContainerStatuses?.[0]?.state,
    ).toEqual({
      waiting: { reason: 'CreateContainerConfigError', message: 'secret "token" not found' },
    });
    expect(events(d.kubectl('describe pod p').text())).toMatch(
      /Warning {2}Failed +\S+(?: \(x\d over \S+\))? +kubelet +Error: secret "token" not found\n/,
    );
    d.kubectl('create secret generic token --from-literal=value=abc');
    d.advance(30_000);
    expect(d.kubectl('get pod p').text()).toMatch(/^p\s+1\/1\s+Running\s+0\s+/m);
  });
});
