// configMap, secret and projected volumes inside a container, through kubectl as a student runs
// them (volumes.ts, busybox/ls-mount.ts): files, modes, the atomic writer's layout, updates.
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { ConfigMap } from '../api/types';
import { appConfigYaml } from '../testing/manifests';

const CM = appConfigYaml('  app.properties: |\n    color=blue\n    size=10\n');

const deploy = (volumes: string, mounts: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: vol
spec:
  selector:
    matchLabels: {app: vol}
  template:
    metadata:
      labels: {app: vol}
    spec:
      containers:
      - name: app
        image: kiamol/ch03-sleep
        volumeMounts:
${mounts}      volumes:
${volumes}`;

const CM_VOL = deploy(
  `      - name: config
        configMap: {name: app-config}
`,
  `        - {name: config, mountPath: /etc/config}
`,
);

describe('configMap volume files', () => {
  it('cat reads each key; ls lists the keys, ls -la the atomic writer layout', () => {
    const d = kdrive({ seed: 5 }).apply(CM).apply(CM_VOL).advance(30_000);
    expect(d.kubectl('exec deploy/vol -- cat /etc/config/greeting').text()).toBe('hello');
    expect(d.kubectl('exec deploy/vol -- cat /etc/config/app.properties').text()).toBe(
      'color=blue\nsize=10\n',
    );
    expect(d.kubectl('exec deploy/vol -- ls /etc/config').text()).toBe('app.properties\ngreeting\n');
    // runc made the mount point in the image's /etc.
    expect(d.kubectl('exec deploy/vol -- ls /etc').text()).toBe(
      'alpine-release\nconfig\nhostname\nhosts\nos-release\nresolv.conf\n',
    );
    const la = d.kubectl('exec deploy/vol -- ls -la /etc/config').text();
    const ts = /\.\.(\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d\.\d+)/.exec(la)?.[0] as string;
    expect(ts).toBeDefined();
    const t = /(\w{3} [ \d]\d \d\d:\d\d) \.$/m.exec(la)?.[1] as string;
    expect(la).toBe(
      [
        'total 12',
        `drwxrwxrwx    3 root     root          4096 ${t} .`,
        `drwxr-xr-x    1 root     root          4096 ${t} ..`,
        `drwxr-xr-x    2 root     root          4096 ${t} ${ts}`,
        `lrwxrwxrwx    1 root     root  ${String(ts.length).padStart(12)} ${t} ..data -> ${ts}`,
        `lrwxrwxrwx    1 root     root            21 ${t} app.properties -> ..data/app.properties`,
        `lrwxrwxrwx    1 root     root            15 ${t} greeting -> ..data/greeting`,
        '',
      ].join('\n'),
    );
    expect(d.kubectl('exec deploy/vol -- ls -l /etc/config/..data/').text()).toBe(
      [
        'total 8',
        `-rw-r--r--    1 root     root            19 ${t} app.properties`,
        `-rw-r--r--    1 root     root             5 ${t} greeting`,
        '',
      ].join('\n'),
    );
    expect(d.kubectl('exec deploy/vol -- cat /etc/config/..data/greeting').text()).toBe('hello');
    const missing = d.kubectl('exec deploy/vol -- cat /etc/config/nope');
    expect(missing.text()).toContain("cat: can't open '/etc/config/nope': No such file or directory");
  });

  it('items map keys to paths with their mode; defaultMode sets the others', () => {
    const d = kdrive({ seed: 6 })
      .apply(CM)
      .apply(
        deploy(
          `      - name: config
        configMap:
          name: app-config
          defaultMode: 256
          items:
          - {key: greeting, path: hello.txt}
          - {key: app.properties, path: conf/app.properties, mode: 384}
`,
          `        - {name: config, mountPath: /config}
`,
        ),
      )
      .advance(30_000);
    expect(d.kubectl('exec deploy/vol -- cat /config/hello.txt').text()).toBe('hello');
    expect(d.kubectl('exec deploy/vol -- cat /config/conf/app.properties').text()).toBe(
      'color=blue\nsize=10\n',
    );
    expect(d.kubectl('exec deploy/vol -- cat /config/greeting').exitCode()).toBe(1);
    const files = d.kubectl('exec deploy/vol -- ls -l /config/..data/').text();
    expect(files).toMatch(/^drwxr-xr-x {4}2 root {5}root {10}4096 .{12} conf$/m);
    expect(files).toMatch(/^-r-------- {4}1 root {5}root {13}5 .{12} hello\.txt$/m);
    expect(d.kubectl('exec deploy/vol -- ls -l /config/..data/conf').text()).toMatch(
      /^-rw------- {4}1 root {5}root {12}19 .{12} app\.properties$/m,
    );
  });

  it('an update reaches the files at the next sync (60 s), with a new timestamped directory', () => {
    const d = kdrive({ seed: 7 }).apply(CM).apply(CM_VOL).advance(30_000);
    const before = d.kubectl('exec deploy/vol -- ls -a /etc/config').text();
    d.apply(CM.replace('greeting: hello', 'greeting: bonjour'));
    d.advance(1_000);
    expect(d.kubectl('exec deploy/vol -- cat /etc/config/greeting').text()).toBe('hello');
    d.advance(60_000);
    expect(d.kubectl('exec deploy/vol -- cat /etc/config/greeting').text()).toBe('bonjour');
    const after = d.kubectl('exec deploy/vol -- ls -a /etc/config').text();
    expect(after).not.toBe(before);
    expect(after.split('\n').filter((l) => /^\.\.\d{4}_/.test(l))).toHaveLength(1);
  });
});

describe('secret and service-account volumes', () => {
  it('a secret volume holds the decoded bytes on tmpfs', () => {
    const d = kdrive({ seed: 8 })
      .apply(`apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  password: czNjcjN0
`)
      .apply(
        deploy(
          `      - name: creds
        secret: {secretName: creds}
`,
          `        - {name: creds, mountPath: /creds, readOnly: true}
`,
        ),
      )
      .advance(30_000);
    expect(d.kubectl('exec deploy/vol -- cat /creds/password').text()).toBe('s3cr3t');
    const la = d.kubectl('exec deploy/vol -- ls -la /creds').text();
    expect(la).toMatch(/^total 4\ndrwxrwxrwt {4}3 root {5}root {11}100 .{12} \.\n/);
    expect(la).toMatch(/^drwxr-xr-x {4}2 root {5}root {12}60 .{12} \.\.\d{4}_/m);
    expect(la).toMatch(/^lrwxrwxrwx {4}1 root {5}root {12}15 .{12} password -> \.\.data\/password$/m);
  });

  it('the token volume reads the namespace and the real kube-root-ca.crt', () => {
    const d = kdrive({ seed: 9 }).apply(CM).apply(CM_VOL).advance(30_000);
    const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
    expect(d.kubectl(`exec deploy/vol -- cat ${dir}/namespace`).text()).toBe('default');
    const root = d.cluster.get('ConfigMap', 'default', 'kube-root-ca.crt') as ConfigMap;
    const ca = root.data?.['ca.crt'] as string;
    expect(d.kubectl(`exec deploy/vol -- cat ${dir}/ca.crt`).text()).toBe(ca);
    expect(ca).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });
});
