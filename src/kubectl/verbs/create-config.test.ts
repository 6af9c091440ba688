// kubectl create configmap / secret generic with --from-literal [kubectl v0.34.9
// pkg/cmd/create/create_configmap.go, create_secret.go; pkg/util ParseLiteralSource].
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Secret } from '../../sim/api/types';
import { kdrive } from '../testing';

const KEY_MSG =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('kubectl create configmap', () => {
  it('stores each literal, split at its first "="', () => {
    const d = kdrive({ seed: 1 });
    expect(
      d.kubectl('create configmap app --from-literal=mode=prod --from-literal=url=http://x/?a=b').text(),
    ).toBe('configmap/app created\n');
    expect((d.cluster.get('ConfigMap', 'default', 'app') as ConfigMap).data).toEqual({
      mode: 'prod',
      url: 'http://x/?a=b',
    });
    expect(d.kubectl('get cm app').text()).toBe('NAME   DATA   AGE\napp    2      0s\n');
    expect(d.kubectl('create cm app').text()).toBe(
      'error: failed to create configmap: configmaps "app" already exists\n',
    );
  });

  it('prints the object it would send under --dry-run=client', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create cm x --from-literal=mode=prod --dry-run=client -o yaml').text()).toBe(
      'apiVersion: v1\ndata:\n  mode: prod\nkind: ConfigMap\nmetadata:\n  name: x\n',
    );
    expect(d.cluster.get('ConfigMap', 'default', 'x')).toBeUndefined();
  });

  it('refuses a bad literal, a bad key and a key given twice before sending', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create cm y --from-literal==x').text()).toBe(
      'error: invalid literal source =x, expected key=value\n',
    );
    expect(d.kubectl('create cm y --from-literal=novalue').text()).toBe(
      'error: invalid literal source novalue, expected key=value\n',
    );
    expect(d.kubectl('create cm y --from-literal=a/b=x').text()).toBe(
      `error: "a/b" is not a valid key name for a ConfigMap: ${KEY_MSG}\n`,
    );
    expect(d.kubectl('create cm y --from-literal=a=1 --from-literal=a=2').text()).toBe(
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "y"\n',
    );
    expect(d.exitCode()).toBe(1);
    expect(d.cluster.get('ConfigMap', 'default', 'y')).toBeUndefined();
  });
});

describe('kubectl create secret generic', () => {
  it('stores literals as base64 and lets the server default the type', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create secret generic pw --from-literal=password=s3cr3t').text()).toBe(
      'secret/pw created\n',
    );
    const s = d.cluster.get('Secret', 'default', 'pw') as Secret;
    expect(s.data).toEqual({ password: 'czNjcjN0' });
    expect(s.type).toBe('Opaque');
    expect(d.kubectl('describe secret pw').text()).toBe(
      'Name:         pw\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n',
    );
    expect(d.kubectl('create secret generic pw2 --from-literal=p=x --dry-run=client -o yaml').text()).toBe(
      'apiVersion: v1\ndata:\n  p: eA==\nkind: Secret\nmetadata:\n  name: pw2\n',
    );
  });

  it('words its errors as create_secret.go does', () => {
    const d = kdrive({ seed: 1 });
    expect(d.kubectl('create secret generic t --from-literal=p=x --type=kubernetes.io/tls').text()).toBe(
      'error: failed to create secret Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]\n',
    );
    expect(d.kubectl('create secret generic t --from-literal=a=1 --from-literal=a=2').text()).toBe(
      'error: cannot add key a, another key by that name already exists\n',
    );
    expect(d.kubectl('create secret generic t --from-literal=..a=1').text()).toBe(
      `error: "..a" is not valid key name for a Secret must not start with '..'\n`,
    );
    expect(d.kubectl('create secret generic t --from-literal=p=x --image=x').text()).toBe(
      "error: unknown flag: --image\nSee 'kubectl create secret generic --help' for usage.\n",
    );
  });
});
