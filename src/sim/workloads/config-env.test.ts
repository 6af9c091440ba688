// Container env from ConfigMaps and Secrets, through kubectl as a student runs it (config-env.ts):
// values as they were when the container started, never updated.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import { appConfigYaml } from '../testing/manifests';
import { expandEnv } from './config-env';

const CM = appConfigYaml('  LOG_LEVEL: debug\n');

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: creds
stringData:
  password: s3cr3t
`;

const deploy = (env: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: envy
spec:
  selector:
    matchLabels: {app: envy}
  template:
    metadata:
      labels: {app: envy}
    spec:
      containers:
      - name: app
        image: kiamol/ch03-sleep
${env}`;

const ENV = `        envFrom:
        - configMapRef: {name: app-config}
          prefix: CFG_
        env:
        - name: GREETING
          valueFrom:
            configMapKeyRef: {name: app-config, key: greeting}
        - name: PASSWORD
          valueFrom:
            secretKeyRef: {name: creds, key: password}
        - name: MSG
          value: $(GREETING) world $$(GREETING) $(NOPE)
        - name: POD
          valueFrom:
            fieldRef: {fieldPath: metadata.name}
        - name: MAYBE
          valueFrom:
            configMapKeyRef: {name: app-config, key: nope, optional: true}
`;

describe('container env from ConfigMaps and Secrets', () => {
  it('printenv shows envFrom with its prefix, key refs, $(VAR) expansion and a fieldRef', () => {
    const d = kdrive({ seed: 3 }).apply(CM).apply(SECRET).apply(deploy(ENV)).advance(60_000);
    const pod = d.kubectl('get pods -o name').text().trim().slice('pod/'.length);
    expect(d.kubectl('exec deploy/envy -- printenv').text()).toBe(
      [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        `HOSTNAME=${pod}`,
        'CFG_LOG_LEVEL=debug',
        'CFG_greeting=hello',
        'GREETING=hello',
        'PASSWORD=s3cr3t',
        'MSG=hello world $(GREETING) $(NOPE)',
        `POD=${pod}`,
        'KUBERNETES_PORT=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
        'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
        'KUBERNETES_PORT_443_TCP_PORT=443',
        'KUBERNETES_PORT_443_TCP_PROTO=tcp',
        'KUBERNETES_SERVICE_HOST=10.96.0.1',
        'KUBERNETES_SERVICE_PORT=443',
        'KUBERNETES_SERVICE_PORT_HTTPS=443',
        'HOME=/root',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('exec deploy/envy -- printenv MAYBE').exitCode()).toBe(1);
    expect(d.kubectl("exec deploy/envy -- sh -c 'echo $PASSWORD-$CFG_greeting'").text()).toBe(
      's3cr3t-hello\n',
    );
  });

  it('keeps the values the container started with when the ConfigMap changes; a new Pod sees the new ones', () => {
    const d = kdrive({ seed: 4 }).apply(CM).apply(SECRET).apply(deploy(ENV)).advance(30_000);
    d.apply(CM.replace('greeting: hello', 'greeting: bonjour')).advance(120_000);
    expect(d.kubectl('exec deploy/envy -- printenv GREETING').text()).toBe('hello\n');
    d.kubectl('rollout restart deploy/envy');
    d.advance(60_000);
    expect(d.kubectl('exec deploy/envy -- printenv GREETING').text()).toBe('bonjour\n');
  });
});

describe('env of a restarted container, and envFrom a Secret', () => {
  it('a container started again reads the ConfigMap as it is then', () => {
    const d = kdrive({ seed: 21 })
      .apply(CM)
      .apply(
        deploy(`        command: ['sh', '-c', 'sleep 20; exit 1']
        envFrom:
        - configMapRef: {name: app-config}
`),
      )
      .advance(10_000);
    expect(d.kubectl('exec deploy/envy -- printenv greeting').text()).toBe('hello\n');
    d.apply(CM.replace('greeting: hello', 'greeting: hola'));
    d.advance(10_000);
    expect(d.kubectl('exec deploy/envy -- printenv greeting').text()).toBe('hello\n');
    for (let i = 0; i < 40 && !/\s1\/1\s+Running\s+1 /.test(d.kubectl('get pods').text()); i++)
      d.advance(1_000);
    expect(d.kubectl('get pods').text()).toMatch(/\s1\/1\s+Running\s+1 /);
    expect(d.kubectl('exec deploy/envy -- printenv greeting').text()).toBe('hola\n');
  });

  it('envFrom a Secret decodes its values, with the prefix', () => {
    const d = kdrive({ seed: 22 })
      .apply(SECRET)
      .apply(
        deploy(`        envFrom:
        - secretRef: {name: creds}
          prefix: DB_
`),
      )
      .advance(30_000);
    expect(d.kubectl('exec deploy/envy -- printenv DB_password').text()).toBe('s3cr3t\n');
  });
});

describe('expandEnv (expansion.Expand)', () => {
  const vars = new Map([
    ['A', 'x'],
    ['B', '$(A)'],
  ]);
  const look = (n: string) => vars.get(n);
  it.each([
    ['$(A)', 'x'],
    ['a$(A)b$(B)', 'ax' + 'b$(A)'],
    ['$$(A)', '$(A)'],
    ['$$$(A)', '$x'],
    ['$(C)', '$(C)'],
    ['$(A', '$(A'],
    ['$A', '$A'],
    ['end$', 'end$'],
    ['$()', '$()'],
  ])('%s → %s', (input, want) => {
    expect(expandEnv(input, look)).toBe(want);
  });
});
