// ConfigMaps, Secrets and ServiceAccounts as a student meets them through kubectl 1.34: apply,
// get (printConfigMap / printSecret / printServiceAccount columns), -o yaml, describe
// (kubectl v0.34.9 pkg/describe/describe.go), the API server's refusals as kubectl prints them,
// and the kube-root-ca.crt ConfigMap and default ServiceAccount of every namespace.
import { describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../sim/api/types';
import { kdriveWithFiles } from '../testing';

const cluster = (seed = 1) => kdriveWithFiles({ seed });

const CM =
  'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n  b.txt: |\n    hello\n    world\nbinaryData:\n  bin: AAEC\n';
const SECRET =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  labels:\n    app: x\ndata:\n  pw: cGFzcw==\nstringData:\n  user: admin\n';

describe('kubectl with ConfigMaps and Secrets', () => {
  it('applies, lists and prints them', () => {
    const { d, write } = cluster();
    write('cm.yaml', CM);
    write('s.yaml', SECRET);
    expect(d.kubectl('apply -f cm.yaml -f s.yaml').text()).toBe('configmap/cfg created\nsecret/s created\n');
    expect(d.kubectl('get cm').text()).toBe(
      'NAME               DATA   AGE\ncfg                3      0s\nkube-root-ca.crt   1      6d22h\n',
    );
    expect(d.kubectl('get secret').text()).toBe('NAME   TYPE     DATA   AGE\ns      Opaque   2      0s\n');
    // stringData is in the applied configuration, never in the object: every apply patches it in again.
    expect(d.kubectl('apply -f s.yaml').text()).toBe('secret/s configured\n');
    const s = d.cluster.get('Secret', 'default', 's');
    expect(d.kubectl('get secret s -o yaml').text()).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  pw: cGFzcw==',
        '  user: YWRtaW4=',
        'kind: Secret',
        'metadata:',
        '  annotations:',
        '    kubectl.kubernetes.io/last-applied-configuration: |',
        '      {"apiVersion":"v1","data":{"pw":"cGFzcw=="},"kind":"Secret","metadata":{"annotations":{},"labels":{"app":"x"},"name":"s","namespace":"default"},"stringData":{"user":"admin"}}',
        `  creationTimestamp: "${s?.metadata.creationTimestamp}"`,
        '  labels:',
        '    app: x',
        '  name: s',
        '  namespace: default',
        `  resourceVersion: "${s?.metadata.resourceVersion}"`,
        `  uid: ${s?.metadata.uid}`,
        'type: Opaque',
        '',
      ].join('\n'),
    );
  });

  it('describes them as kubectl 1.34 does', () => {
    const { d, write } = cluster();
    write('cm.yaml', CM);
    write('s.yaml', SECRET);
    d.kubectl('apply -f cm.yaml -f s.yaml');
    expect(d.kubectl('describe cm cfg').text()).toBe(
      [
        'Name:         cfg',
        'Namespace:    default',
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'a:',
        '----',
        '1',
        '',
        'b.txt:',
        '----',
        'hello',
        'world',
        '',
        '',
        '',
        'BinaryData',
        '====',
        'bin: 3 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('describe secret s').text()).toBe(
      [
        'Name:         s',
        'Namespace:    default',
        'Labels:       app=x',
        'Annotations:  <none>',
        '',
        'Type:  Opaque',
        '',
        'Data',
        '====',
        'pw:    4 bytes',
        'user:  5 bytes',
        '',
      ].join('\n'),
    );
  });

  it("prints the API server's refusals", () => {
    const { d, write } = cluster();
    write('bad64.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: bad\ndata:\n  pw: abc!\n');
    expect(d.kubectl('apply -f bad64.yaml').text()).toBe(
      'Error from server (BadRequest): error when creating "bad64.yaml": Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3\n',
    );
    write('keys.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n  "a b": x\n');
    expect(d.kubectl('apply -f keys.yaml').text()).toBe(
      `The ConfigMap "keys" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n`,
    );
    write(
      'imm.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: imm\nimmutable: true\ndata:\n  a: "1"\n',
    );
    write(
      'imm2.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: imm\nimmutable: true\ndata:\n  a: "2"\n',
    );
    d.kubectl('apply -f imm.yaml');
    expect(d.kubectl('apply -f imm2.yaml').text()).toBe(
      'The ConfigMap "imm" is invalid: data: Forbidden: field is immutable when `immutable` is set\n',
    );
    expect(d.kubectl('get cm nope').text()).toBe(
      'Error from server (NotFound): configmaps "nope" not found\n',
    );
  });
});

describe('what every namespace holds', () => {
  it("lists kube-root-ca.crt and default in every namespace, and kube-system's coredns", () => {
    const { d } = cluster();
    expect(d.kubectl('get cm -A').text()).toBe(
      [
        'NAMESPACE         NAME                                                   DATA   AGE',
        'default           kube-root-ca.crt                                       1      6d22h',
        'kube-node-lease   kube-root-ca.crt                                       1      6d22h',
        'kube-public       cluster-info                                           1      6d22h',
        'kube-public       kube-root-ca.crt                                       1      6d22h',
        'kube-system       coredns                                                1      6d22h',
        'kube-system       kube-apiserver-legacy-service-account-token-tracking   1      6d22h',
        'kube-system       kube-proxy                                             2      6d22h',
        'kube-system       kube-root-ca.crt                                       1      6d22h',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('get sa -A').text()).toBe(
      [
        'NAMESPACE         NAME                  SECRETS   AGE',
        'default           default               0         6d22h',
        'kube-node-lease   default               0         6d22h',
        'kube-public       default               0         6d22h',
        'kube-system       coredns               0         6d22h',
        'kube-system       default               0         6d22h',
        'kube-system       kube-proxy            0         6d22h',
        'kube-system       storage-provisioner   0         6d22h',
        'kube-system       vpnkit-controller     0         6d22h',
        '',
      ].join('\n'),
    );
    expect(d.kubectl('get secrets').text()).toBe('No resources found in default namespace.\n');
  });

  it('fills a namespace the student creates, and empties it with the namespace', () => {
    const { d } = cluster();
    expect(d.kubectl('create namespace web').text()).toBe('namespace/web created\n');
    expect(d.kubectl('get cm,sa -n web').text()).toBe(
      [
        'NAME                         DATA   AGE',
        'configmap/kube-root-ca.crt   1      0s',
        '',
        'NAME                     SECRETS   AGE',
        'serviceaccount/default   0         0s',
        '',
      ].join('\n'),
    );
    const cm = d.cluster.get('ConfigMap', 'web', 'kube-root-ca.crt') as ConfigMap;
    const pem = cm.data?.['ca.crt'] ?? '';
    const out = d.kubectl('get cm kube-root-ca.crt -n web -o yaml').text();
    expect(out).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  ca.crt: |',
        ...pem
          .trimEnd()
          .split('\n')
          .map((l) => `    ${l}`),
        'kind: ConfigMap',
        'metadata:',
        '  annotations:',
        '    kubernetes.io/description: Contains a CA bundle that can be used to verify the',
        '      kube-apiserver when using internal endpoints such as the internal service IP',
        '      or kubernetes.default.svc. No other usage is guaranteed across distributions',
        '      of Kubernetes clusters.',
        `  creationTimestamp: "${cm.metadata.creationTimestamp}"`,
        '  name: kube-root-ca.crt',
        '  namespace: web',
        `  resourceVersion: "${cm.metadata.resourceVersion}"`,
        `  uid: ${cm.metadata.uid}`,
        '',
      ].join('\n'),
    );
    expect(d.kubectl('describe sa default -n web').text()).toBe(
      [
        'Name:                default',
        'Namespace:           web',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  <none>',
        'Mountable secrets:   <none>',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
    d.kubectl('delete namespace web');
    expect(d.kubectl('get cm,sa -n web').text()).toBe('No resources found in web namespace.\n');
  });

  it("describes a ServiceAccount's secrets, marking the ones that do not exist", () => {
    const { d, write } = cluster();
    write('s.yaml', SECRET);
    write(
      'sa.yaml',
      'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: bot\nsecrets:\n- name: s\n- name: gone\nimagePullSecrets:\n- name: reg\n',
    );
    d.kubectl('apply -f s.yaml -f sa.yaml');
    expect(d.kubectl('get sa bot').text()).toBe('NAME   SECRETS   AGE\nbot    2         0s\n');
    expect(d.kubectl('describe sa bot').text()).toBe(
      [
        'Name:                bot',
        'Namespace:           default',
        'Labels:              <none>',
        'Annotations:         <none>',
        'Image pull secrets:  reg (not found)',
        'Mountable secrets:   s',
        '                     gone (not found)',
        'Tokens:              <none>',
        'Events:              <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl patch of configuration kinds', () => {
  it('merges data, converts stringData, and refuses bad base64 as the converter does', () => {
    const { d } = cluster();
    d.kubectl('create secret generic s --from-literal=a=1');
    expect(d.kubectl(`patch secret s -p '{"stringData":{"x":"y"}}'`).text()).toBe('secret/s patched\n');
    expect(d.kubectl('get secret s -o jsonpath={.data}').text()).toBe('{"a":"MQ==","x":"eQ=="}');
    expect(d.kubectl(`patch secret s -p '{"data":{"z":"!!"}}'`).text()).toBe(
      'The request is invalid: patch: Invalid value: "map[data:map[z:!!]]": error decoding from json: illegal base64 data at input byte 0\n',
    );
    d.kubectl('create cm cfg --from-literal=a=1');
    expect(d.kubectl(`patch cm cfg --type=merge -p '{"data":{"a":null,"b":"2"}}'`).text()).toBe(
      'configmap/cfg patched\n',
    );
    expect(d.kubectl('get cm cfg -o jsonpath={.data}').text()).toBe('{"b":"2"}');
    expect(d.kubectl(`patch sa default -p '{"imagePullSecrets":[{"name":"reg"}]}'`).text()).toBe(
      'serviceaccount/default patched\n',
    );
    expect(d.kubectl('get sa default -o jsonpath={.imagePullSecrets[0].name}').text()).toBe('reg');
  });
});
