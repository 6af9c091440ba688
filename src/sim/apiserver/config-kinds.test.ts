// ConfigMap, Secret and ServiceAccount through the API server: strict decoding (Go's base64 for
// Secret.data), the Secret conversion (stringData into data, type Opaque), ValidateConfigMap /
// ValidateSecret / ValidateServiceAccount and their updates with 1.34's messages, and what every
// namespace holds from the start (kube-root-ca.crt, default) plus kube-system's coredns ConfigMap.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigMap, K8sObject, Secret } from '../api/types';
import type { ApplyOutcome } from '../contract';
import { drive } from '../testing/driver';
import { kubeadmCorefile, ROOT_CA_DESCRIPTION } from './published-build';

function errorOf(o: ApplyOutcome[]): string {
  const r = (o[0] as ApplyOutcome).result;
  return r.ok ? '' : r.error.message;
}

function apply(d: ReturnType<typeof drive>, yaml: string): string {
  d.apply(yaml);
  return errorOf(d.lastApply);
}

describe('decoding', () => {
  it('stores a Secret with stringData merged into data as base64 and type Opaque', () => {
    const d = drive({ seed: 1 });
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {pw: "cGFz\\ncw=="}\nstringData: {user: "ädmin", pw: x}\n',
      ),
    ).toBe('');
    const s = d.get('Secret', 's') as Secret & { stringData?: unknown };
    expect(s.data).toEqual({ pw: 'eA==', user: 'w6RkbWlu' });
    expect(s.type).toBe('Opaque');
    expect(s.stringData).toBeUndefined();
  });

  it("refuses bad base64 with encoding/json's CorruptInputError text, and wrong types", () => {
    const d = drive({ seed: 1 });
    expect(apply(d, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {pw: "abc!"}\n')).toBe(
      'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3',
    );
    expect(
      apply(d, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nbinaryData: {b: "YWJjZA"}\n'),
    ).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 4');
    expect(apply(d, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {pw: 5}\n')).toBe(
      'Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8',
    );
    expect(apply(d, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: "yes"\n')).toBe(
      'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool',
    );
    expect(apply(d, 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a}\nsecret: []\n')).toBe(
      'ServiceAccount in version "v1" cannot be handled as a ServiceAccount: strict decoding error: unknown field "secret"',
    );
  });
});

describe('validation', () => {
  it('checks config keys in data and binaryData, and duplicates between them', () => {
    const d = drive({ seed: 1 });
    const msg = apply(
      d,
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: keys}\ndata: {"a/b": x, "..x": v, dup: z, ".": w}\nbinaryData: {dup: AA==, "b c": AA==}\n',
    );
    const KEY =
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
    expect(msg).toBe(
      `ConfigMap "keys" is invalid: [data[.]: Invalid value: ".": must not be '.', data[..x]: Invalid value: "..x": must not start with '..', data[a/b]: Invalid value: "a/b": ${KEY}, data[dup]: Invalid value: "dup": duplicate of key present in binaryData, binaryData[b c]: Invalid value: "b c": ${KEY}]`,
    );
  });

  it('limits data and binaryData together to 1 MiB (field "" for a ConfigMap, data for a Secret)', () => {
    const d = drive({ seed: 1 });
    const big = 'x'.repeat(600_000);
    const cm = d.cluster.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'big' },
      data: { a: big, b: big },
    });
    expect(cm.ok ? '' : cm.error.message).toBe(
      'ConfigMap "big" is invalid: : Too long: may not be more than 1048576 bytes',
    );
    const exact = d.cluster.create({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'exact' },
      data: { a: 'é'.repeat(262_144), b: 'x'.repeat(524_288) },
    });
    expect(exact.ok).toBe(true);
    const b64 = Buffer.alloc(1_048_577).toString('base64');
    const s = d.cluster.apply([
      { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'big' }, data: { a: b64 } },
    ]);
    expect(errorOf(s)).toContain('Secret "big" is invalid: ');
    expect(errorOf(s)).toContain('data: Too long: may not be more than 1048576 bytes');
  });

  it('requires the keys of the built-in Secret types', () => {
    const d = drive({ seed: 1 });
    const t = (type: string, data = '{}') =>
      apply(d, `apiVersion: v1\nkind: Secret\nmetadata: {name: t}\ntype: ${type}\ndata: ${data}\n`);
    expect(t('kubernetes.io/tls')).toBe(
      'Secret "t" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]',
    );
    expect(t('kubernetes.io/basic-auth')).toBe(
      'Secret "t" is invalid: [data[username]: Required value, data[password]: Required value]',
    );
    expect(t('kubernetes.io/ssh-auth', '{ssh-privatekey: ""}')).toBe(
      'Secret "t" is invalid: data[ssh-privatekey]: Required value',
    );
    expect(t('kubernetes.io/dockerconfigjson')).toBe(
      'Secret "t" is invalid: data[.dockerconfigjson]: Required value',
    );
    expect(t('kubernetes.io/service-account-token')).toBe(
      'Secret "t" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value',
    );
    expect(t('example.com/anything')).toBe('');
  });

  it("keeps immutable ConfigMaps and Secrets and a Secret's type as they are", () => {
    const d = drive({ seed: 1 });
    expect(
      apply(d, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {a: "1"}\n'),
    ).toBe('');
    expect(
      apply(d, 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\nimmutable: true\ndata: {a: "2"}\n'),
    ).toBe('ConfigMap "c" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {a: "1"}\nbinaryData: {b: AA==}\n',
      ),
    ).toBe(
      'ConfigMap "c" is invalid: [immutable: Forbidden: field is immutable when `immutable` is set, binaryData: Forbidden: field is immutable when `immutable` is set]',
    );
    // Labels may still change.
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {x: v}}\nimmutable: true\ndata: {a: "1"}\n',
      ),
    ).toBe('');
    expect(
      apply(d, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\nstringData: {a: "1"}\n'),
    ).toBe('');
    expect(
      apply(d, 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nimmutable: true\nstringData: {a: "2"}\n'),
    ).toBe('Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    expect(apply(d, 'apiVersion: v1\nkind: Secret\nmetadata: {name: o}\ndata: {a: YQ==}\n')).toBe('');
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: Secret\nmetadata: {name: o}\ntype: kubernetes.io/tls\ndata: {a: YQ==}\n',
      ),
    ).toBe(
      'Secret "o" is invalid: [type: Invalid value: "kubernetes.io/tls": field is immutable, data[tls.crt]: Required value, data[tls.key]: Required value]',
    );
  });

  it("validates a ServiceAccount's name as a DNS subdomain", () => {
    const d = drive({ seed: 1 });
    expect(apply(d, 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: Bot}\n')).toBe(
      `ServiceAccount "Bot" is invalid: metadata.name: Invalid value: "Bot": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: bot}\nautomountServiceAccountToken: false\nimagePullSecrets: [{name: reg}]\n',
      ),
    ).toBe('');
    expect(d.get('ServiceAccount', 'bot')).toMatchObject({
      automountServiceAccountToken: false,
      imagePullSecrets: [{ name: 'reg' }],
    });
  });
});

describe('published objects', () => {
  const NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

  it('puts kube-root-ca.crt and the default ServiceAccount in every namespace, new ones too', () => {
    const d = drive({ seed: 3 });
    const names = (kind: 'ConfigMap' | 'ServiceAccount') =>
      d.cluster.list(kind).map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(names('ConfigMap')).toEqual([
      ...NAMESPACES.map((n) => `${n}/kube-root-ca.crt`).slice(0, 2),
      'kube-public/cluster-info', // kubeadm's (./kubeadm-config)
      'kube-public/kube-root-ca.crt',
      'kube-system/coredns',
      'kube-system/kube-apiserver-legacy-service-account-token-tracking',
      'kube-system/kube-proxy', // kubeadm's (./kubeadm-config)
      'kube-system/kube-root-ca.crt',
    ]);
    // kube-system also holds the ServiceAccounts its system Pods run as (Docker Desktop's here).
    expect(names('ServiceAccount')).toEqual([
      ...NAMESPACES.map((n) => `${n}/default`).slice(0, 3),
      'kube-system/coredns',
      'kube-system/default',
      'kube-system/kube-proxy',
      'kube-system/storage-provisioner',
      'kube-system/vpnkit-controller',
    ]);
    d.advance(5000);
    const ns = d.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    expect(ns.ok).toBe(true);
    const cm = d.get('ConfigMap', 'kube-root-ca.crt', 'web') as ConfigMap;
    const sa = d.get('ServiceAccount', 'default', 'web') as K8sObject;
    expect(cm.metadata.creationTimestamp).toBe(ns.ok ? ns.object.metadata.creationTimestamp : '');
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': ROOT_CA_DESCRIPTION });
    expect(cm.data?.['ca.crt']).toBe((d.get('ConfigMap', 'kube-root-ca.crt') as ConfigMap).data?.['ca.crt']);
    expect(Object.keys(sa).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(sa.metadata.uid).not.toBe(cm.metadata.uid);
    // Deleting the namespace deletes them with it.
    expect(d.cluster.delete('Namespace', undefined, 'web').ok).toBe(true);
    expect(d.cluster.list('ConfigMap', { namespace: 'web' })).toEqual([]);
    expect(d.cluster.list('ServiceAccount', { namespace: 'web' })).toEqual([]);
    // A namespace of the same name made again gets them again (new uids).
    d.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'web' } });
    expect((d.get('ConfigMap', 'kube-root-ca.crt', 'web') as K8sObject).metadata.uid).not.toBe(
      cm.metadata.uid,
    );
  });

  it('publishes a self-signed CA certificate, the same seed giving the same one', () => {
    const pem = (seed: number, profile?: 'kind' | 'k3s') =>
      (
        drive(profile ? { seed, profile } : { seed }).get(
          'ConfigMap',
          'kube-root-ca.crt',
          'kube-public',
        ) as ConfigMap
      ).data?.['ca.crt'] as string;
    const a = pem(1);
    expect(a).toMatch(
      /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/,
    );
    expect(pem(1)).toBe(a);
    expect(pem(2)).not.toBe(a);
    const x = new X509Certificate(a);
    expect(x.subject).toBe('CN=kubernetes');
    expect(x.issuer).toBe('CN=kubernetes');
    expect(x.ca).toBe(true);
    expect(x.subjectAltName).toBe('DNS:kubernetes');
    expect(x.keyUsage).toBeUndefined(); // Node lists extended key usages only; none are set
    expect(new Date(x.validTo).getTime() - new Date(x.validFrom).getTime()).toBe(3650 * 86400_000);
    expect(x.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(x.checkIssued(x)).toBe(true);
    // k3s's CA: an ECDSA P-256 key (the point is on the curve, or Node would not import it).
    const k = new X509Certificate(pem(1, 'k3s'));
    expect(k.subject).toMatch(/^CN=k3s-server-ca@\d+$/);
    expect(k.publicKey.asymmetricKeyType).toBe('ec');
    expect(k.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it("holds CoreDNS's Corefile as each distro writes it", () => {
    const corefile = (profile: 'docker-desktop' | 'kind' | 'k3s') =>
      (drive({ seed: 1, profile }).get('ConfigMap', 'coredns', 'kube-system') as ConfigMap).data;
    expect(corefile('docker-desktop')).toEqual({ Corefile: kubeadmCorefile('cluster.local') });
    expect(corefile('kind')?.Corefile).toContain('    cache 30 {\n       disable success cluster.local\n');
    const k3s = corefile('k3s');
    expect(Object.keys(k3s ?? {})).toEqual(['Corefile', 'NodeHosts']);
    expect(k3s?.NodeHosts).toBe('172.28.132.127 k3s-server\n');
    expect(k3s?.Corefile).toContain('    hosts /etc/coredns/NodeHosts {\n');
    expect(k3s?.Corefile?.endsWith('}\nimport /etc/coredns/custom/*.server\n')).toBe(true);
  });

  it('lets a user overwrite a published object like any other', () => {
    const d = drive({ seed: 1 });
    expect(
      apply(
        d,
        'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: default}\nautomountServiceAccountToken: false\n',
      ),
    ).toBe('');
    const sa = d.get('ServiceAccount', 'default') as K8sObject & { automountServiceAccountToken?: boolean };
    expect(sa.automountServiceAccountToken).toBe(false);
    expect(sa.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBeDefined();
  });
});
