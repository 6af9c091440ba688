// go-spew's %#v of the pod template (./spew): the dump's syntax on small values, and the hashes real
// clusters gave for the book's manifests. Those clusters ran older versions, whose structs had fewer
// fields; the older field sets are patched in here (test data only), the shipped one is 1.34's.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import '../late-impl';
import { drive } from '../testing/driver';
import { computeHash, fnv32a, fnv32aUtf8, safeEncodeString } from './deployment-hash';
import { type GoStructs, spewHash, spewTemplate, spewValue } from './spew';
import golden from './spew-golden.json';
import { Piece } from './spew-piece';
import { GO_STRUCTS } from './spew-structs';

// biome-ignore lint/suspicious/noExplicitAny: test templates are loosely typed JSON.
type Any = any;

const enc = (s: string) => new TextEncoder().encode(s);
const NIL_TIME = '(v1.Time){Time:(time.Time){wall:(uint64)0 ext:(int64)0 loc:(*time.Location)<nil>}}';

describe('spew %#v syntax', () => {
  it('prints every field in declaration order with its type; strings bare, zero values spelled out', () => {
    expect(spewValue('ContainerPort', { containerPort: 80, name: 'http' })).toBe(
      '{Name:(string)http HostPort:(int32)0 ContainerPort:(int32)80 Protocol:(v1.Protocol) HostIP:(string)}',
    );
    expect(spewValue('Toleration', { key: 'k', operator: 'Exists', tolerationSeconds: 300 })).toBe(
      '{Key:(string)k Operator:(v1.TolerationOperator)Exists Value:(string) Effect:(v1.TaintEffect) TolerationSeconds:(*int64)300}',
    );
  });

  it('nil and empty lists and maps are both <nil> (protobuf decodes empty as nil); a set pointer shows its value', () => {
    const meta = (labels: unknown) =>
      `{Name:(string) GenerateName:(string) Namespace:(string) SelfLink:(string) UID:(types.UID) ResourceVersion:(string) Generation:(int64)0 CreationTimestamp:${NIL_TIME} DeletionTimestamp:(*v1.Time)<nil> DeletionGracePeriodSeconds:(*int64)<nil> Labels:(map[string]string)${labels} Annotations:(map[string]string)<nil> OwnerReferences:([]v1.OwnerReference)<nil> Finalizers:([]string)<nil> ManagedFields:([]v1.ManagedFieldsEntry)<nil>}`;
    expect(spewValue('ObjectMeta', {})).toBe(meta('<nil>'));
    expect(spewValue('ObjectMeta', { labels: {}, finalizers: [] })).toBe(meta('<nil>'));
    // Map keys sorted; entries without types.
    expect(spewValue('ObjectMeta', { labels: { b: '2', a: '1', 'app.kubernetes.io/name': 'x' } })).toBe(
      meta('map[a:1 app.kubernetes.io/name:x b:2]'),
    );
    expect(spewValue('PodSecurityContext', { runAsUser: 0, supplementalGroups: [1, 2] })).toBe(
      '{SELinuxOptions:(*v1.SELinuxOptions)<nil> WindowsOptions:(*v1.WindowsSecurityContextOptions)<nil> RunAsUser:(*int64)0 RunAsGroup:(*int64)<nil> RunAsNonRoot:(*bool)<nil> SupplementalGroups:([]int64)[1 2] SupplementalGroupsPolicy:(*v1.SupplementalGroupsPolicy)<nil> FSGroup:(*int64)<nil> Sysctls:([]v1.Sysctl)<nil> FSGroupChangePolicy:(*v1.PodFSGroupChangePolicy)<nil> SeccompProfile:(*v1.SeccompProfile)<nil> AppArmorProfile:(*v1.AppArmorProfile)<nil> SELinuxChangePolicy:(*v1.PodSELinuxChangePolicy)<nil>}',
    );
  });

  it('slice elements print without their type; an IntOrString shows Type, IntVal and StrVal', () => {
    expect(spewValue('[]ContainerPort', [{ containerPort: 1 }, { containerPort: 2, protocol: 'UDP' }])).toBe(
      '[{Name:(string) HostPort:(int32)0 ContainerPort:(int32)1 Protocol:(v1.Protocol) HostIP:(string)} {Name:(string) HostPort:(int32)0 ContainerPort:(int32)2 Protocol:(v1.Protocol)UDP HostIP:(string)}]',
    );
    expect(spewValue('TCPSocketAction', { port: 8080 })).toBe(
      '{Port:(intstr.IntOrString){Type:(intstr.Type)0 IntVal:(int32)8080 StrVal:(string)} Host:(string)}',
    );
    expect(spewValue('TCPSocketAction', { port: 'http', host: 'h' })).toBe(
      '{Port:(intstr.IntOrString){Type:(intstr.Type)1 IntVal:(int32)0 StrVal:(string)http} Host:(string)h}',
    );
  });

  it('an inline embedded struct is named after its type and reads the same JSON object', () => {
    expect(spewValue('Volume', { name: 'data', emptyDir: {} })).toMatch(
      /^\{Name:\(string\)data VolumeSource:\(v1\.VolumeSource\)\{HostPath:\(\*v1\.HostPathVolumeSource\)<nil> EmptyDir:\(\*v1\.EmptyDirVolumeSource\)\{Medium:\(v1\.StorageMedium\) SizeLimit:\(\*resource\.Quantity\)<nil>\} GCEPersistentDisk:/,
    );
    expect(spewValue('Probe', { exec: { command: ['cat', '/tmp/x'] }, periodSeconds: 5 })).toBe(
      '{ProbeHandler:(v1.ProbeHandler){Exec:(*v1.ExecAction){Command:([]string)[cat /tmp/x]} HTTPGet:(*v1.HTTPGetAction)<nil> TCPSocket:(*v1.TCPSocketAction)<nil> GRPC:(*v1.GRPCAction)<nil>} InitialDelaySeconds:(int32)0 TimeoutSeconds:(int32)0 PeriodSeconds:(int32)5 SuccessThreshold:(int32)0 FailureThreshold:(int32)0 TerminationGracePeriodSeconds:(*int64)<nil>}',
    );
  });
});

describe('a template reaching most structs, against go-spew itself', () => {
  it('prints what a Go build of go-spew and the v0.34.9 types printed (spew-golden.json)', () => {
    expect(spewTemplate(golden.template)).toBe(golden.dump);
    expect(spewHash(golden.template)).toBe(fnv32a(enc(golden.dump)));
  });
});

// Random templates over every struct in the table (a seeded walk: each field present or not).
function randomTemplate(seed: number): unknown {
  let s = seed >>> 0;
  const rnd = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
  const str = () => ['', 'a', 'héllo', 'x y', '\u{1f600}', 'k8s.io/name'][Math.floor(rnd() * 6)] as string;
  const json = (go: string) => {
    let i = 0;
    while (i < go.length && go.charCodeAt(i) < 91) i++;
    if (i === go.length) return go.toLowerCase();
    if (i > 1) i--;
    return go.slice(0, i).toLowerCase() + go.slice(i);
  };
  const gen = (type: string, depth: number): unknown => {
    if (type.startsWith('*')) return gen(type.slice(1), depth);
    if (type.startsWith('[]'))
      return Array.from({ length: Math.floor(rnd() * 3) }, () => gen(type.slice(2), depth + 1));
    if (type === 'ResourceList')
      return rnd() < 0.5 ? {} : { memory: '128Mi', cpu: ['100m', '0.5', '2'][Math.floor(rnd() * 3)] };
    if (type.startsWith('map['))
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [str(), str()]));
    if (type === 'intstr.IntOrString') return rnd() < 0.5 ? Math.floor(rnd() * 65536) : str();
    if (type === 'resource.Quantity') return '1Gi';
    if (type === 'string' || type === 'Time') return str();
    if (type === 'bool') return rnd() < 0.5;
    if (/^u?int/.test(type)) return Math.floor(rnd() * 1000);
    const enc = GO_STRUCTS[type];
    if (enc === undefined) return str(); // a named string type
    const o: Record<string, unknown> = {};
    if (depth > 8) return o;
    for (const f of enc.split(' ')) {
      if (rnd() < 0.5) continue;
      const c = f.indexOf(':');
      const e = f.indexOf('=');
      const key = e < 0 || e > c ? json(f.slice(0, c)) : f.slice(e + 1, c);
      const v = gen(f.slice(c + 1), depth + 1);
      if (key === '') Object.assign(o, v);
      else o[key] = v;
    }
    return o;
  };
  return gen('PodTemplateSpec', 0);
}

describe('spewHash: FNV-32a of the dump without building it', () => {
  it('equals fnv32a of spewTemplate over random templates (fixed pieces hashed by table after a few uses)', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const t = randomTemplate(seed);
        expect(spewHash(t)).toBe(fnv32aUtf8(spewTemplate(t)));
      }),
      { seed: 20261126, numRuns: 150 },
    );
  });

  it('a PodSpec hashed as one piece (the last few specs kept): templates alike, near alike, changed after', () => {
    const base = () => ({
      containers: [
        { name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }], resources: {} },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
    });
    const tpl = (i: number, spec: unknown) => ({ metadata: { labels: { app: `app-${i}` } }, spec });
    const variants: Array<(s: Any) => void> = [
      () => {},
      (s) => {
        s.containers[0].ports[0].containerPort = 81;
      },
      (s) => {
        s.containers[0].image = 'nginx:1';
      },
      (s) => {
        s.terminationGracePeriodSeconds = 31;
      },
      (s) => {
        // the same keys in another order: the same dump
        s.containers[0] = {
          image: 'nginx',
          name: 'web',
          resources: {},
          ports: [{ containerPort: 80, protocol: 'TCP' }],
        };
      },
      (s) => {
        s.dnsPolicy = 'Default';
      },
      (s) => {
        delete s.restartPolicy;
      },
    ];
    // Each variant several times in a row (the piece's table is built after a few uses), then
    // interleaved; and a spec hashed, then changed in place and hashed again.
    const order = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 2, 0, 3, 3, 4, 0, 5, 6, 0, 1, 0];
    order.forEach((v, i) => {
      const s = base();
      (variants[v] as (s: Any) => void)(s);
      const t = tpl(i, s);
      expect(spewHash(t)).toBe(fnv32aUtf8(spewTemplate(t)));
    });
    // More specs than are kept, then the first ones again (dropped, dumped afresh).
    for (const g of [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 40, 41, 51, 50, 40]) {
      const s: Any = base();
      s.terminationGracePeriodSeconds = g;
      const t = tpl(g, s);
      expect(spewHash(t)).toBe(fnv32aUtf8(spewTemplate(t)));
    }
    const s: Any = base();
    s.hostname = 'kept'; // alike no spec above: this very object becomes the last one dumped
    const t = tpl(0, s);
    const before = spewHash(t);
    expect(before).toBe(fnv32aUtf8(spewTemplate(t)));
    s.containers[0].ports[0].containerPort = 8080;
    expect(spewHash(t)).toBe(fnv32aUtf8(spewTemplate(t)));
    expect(spewHash(t)).not.toBe(before);
  });

  it('a Piece takes any state to what hashing its bytes would, before and after its table exists', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.integer({ min: 32, max: 126 }).map((c) => String.fromCharCode(c)),
          minLength: 1,
          maxLength: 80,
        }),
        fc.array(fc.nat({ max: 0xffffffff }), { minLength: 12, maxLength: 12 }),
        (s, states) => {
          const p = new Piece(s);
          for (const h of states) expect(p.hash(h)).toBe(fnv32aUtf8(s, h));
        },
      ),
      { seed: 20261127, numRuns: 200 },
    );
  });
});

describe('resource.Quantity as ParseQuantity leaves it after the API server stored it', () => {
  const q = (v: string | number) => spewValue('ResourceList', { cpu: v }).slice('map[cpu:'.length, -1);
  const dump = (value: string, scale: number, s: string, format: string) =>
    `{i:(resource.int64Amount){value:(int64)${value} scale:(resource.Scale)${scale}} d:(resource.infDecAmount){Dec:(*inf.Dec)<nil>} s:(string)${s} Format:(resource.Format)${format}}`;

  it('canonical strings ParseQuantity keeps (boot fast path)', () => {
    expect(q('100m')).toBe(dump('100', -3, '100m', 'DecimalSI'));
    expect(q('170Mi')).toBe(dump('178257920', 0, '170Mi', 'BinarySI'));
    expect(q('2')).toBe(dump('2', 0, '2', 'DecimalSI'));
    expect(q('0')).toBe(dump('0', 0, '0', 'DecimalSI'));
  });

  it('a multiple of 8 binary or a 000 ending keeps no string; non-canonical input is stored canonical', () => {
    expect(q('128Mi')).toBe(dump('134217728', 0, '', 'BinarySI'));
    expect(q('1000m')).toBe(dump('1', 0, '1', 'DecimalSI')); // stored as "1"
    expect(q('0.5')).toBe(dump('500', -3, '500m', 'DecimalSI'));
    expect(q(0.25)).toBe(dump('250', -3, '250m', 'DecimalSI'));
    expect(q('1.5Gi')).toBe(dump('1610612736', 0, '', 'BinarySI')); // stored as "1536Mi"
    expect(q('1024Mi')).toBe(dump('1073741824', 0, '1Gi', 'BinarySI')); // stored as "1Gi"
    expect(q('2000')).toBe(dump('2', 3, '2k', 'DecimalSI'));
    expect(q('1e3')).toBe(dump('1', 3, '1e3', 'DecimalExponent'));
    expect(q('0m')).toBe(dump('0', 0, '0', 'DecimalSI'));
    expect(q('512')).toBe(dump('512', 0, '512', 'DecimalSI'));
  });

  it('a ResourceList value is rounded up to milli units first (SetDefaults_ResourceList); other quantities are not', () => {
    expect(q('100u')).toBe(dump('1', -3, '1m', 'DecimalSI'));
    expect(q('1500u')).toBe(dump('2', -3, '2m', 'DecimalSI'));
    expect(q('0.0005')).toBe(dump('1', -3, '1m', 'DecimalSI'));
    expect(q('1n')).toBe(dump('1', -3, '1m', 'DecimalSI'));
    expect(spewValue('EmptyDirVolumeSource', { sizeLimit: '100u' })).toBe(
      `{Medium:(v1.StorageMedium) SizeLimit:(*resource.Quantity)${dump('100', -6, '100u', 'DecimalSI')}}`,
    );
  });

  it('beyond int64 an inf.Dec: its big.Int in 64-bit words, least significant first, at scale 9', () => {
    const dec = (neg: boolean, words: string, scale: number, format: string) =>
      `{i:(resource.int64Amount){value:(int64)0 scale:(resource.Scale)0} d:(resource.infDecAmount){Dec:(*inf.Dec){unscaled:(big.Int){neg:(bool)${neg} abs:(big.nat)[${words}]} scale:(inf.Scale)${scale}}} s:(string) Format:(resource.Format)${format}}`;
    expect(q('1Ei')).toBe(dec(false, '0 62500000', 9, 'BinarySI')); // 2^60 · 10^9
    expect(q('-12345678901234567890')).toBe(dec(true, '5097733592002180096 669260594', 9, 'DecimalSI'));
    // Capped at MaxInt64, stored as "9223372036854775807", decoded as a plain (DecimalSI) number.
    expect(q('8Ei')).toBe(dec(false, '18446744072709551616 499999999', 9, 'DecimalSI'));
  });

  it('a zero Quantity field goes over the wire as "0" (Marshal writes String())', () => {
    expect(spewValue('ResourceFieldSelector', { resource: 'limits.cpu' })).toBe(
      `{ContainerName:(string) Resource:(string)limits.cpu Divisor:(resource.Quantity)${dump('0', 0, '0', 'DecimalSI')}}`,
    );
  });
});

describe('computeHash = SafeEncodeString(FNV-32a(dump) [+ collisionCount])', () => {
  const tpl = {
    metadata: { labels: { app: 'x' } },
    spec: { containers: [{ name: 'c', image: 'i' }] },
  };

  it('hashes the dump, then the collisionCount as 4 little-endian bytes and 4 zero bytes', () => {
    const dump = spewTemplate(tpl);
    expect(dump.startsWith('(v1.PodTemplateSpec){ObjectMeta:(v1.ObjectMeta){Name:(string) ')).toBe(true);
    expect(computeHash(tpl)).toBe(safeEncodeString(String(fnv32a(enc(dump)))));
    const extra = new Uint8Array([0x05, 0x01, 0, 0, 0, 0, 0, 0]);
    expect(computeHash(tpl, 261)).toBe(safeEncodeString(String(fnv32a(extra, fnv32a(enc(dump))))));
    expect(computeHash(tpl, 0)).not.toBe(computeHash(tpl));
  });

  it('JSON key order and fields Go does not know do not change it', () => {
    const reordered = {
      spec: { containers: [{ image: 'i', name: 'c', bogus: 1 }] },
      metadata: { labels: { app: 'x' } },
    };
    expect(computeHash(reordered)).toBe(computeHash(tpl));
    expect(computeHash({ ...tpl, metadata: { labels: { app: 'y' } } })).not.toBe(computeHash(tpl));
  });
});

// Struct layouts of older k8s.io/api versions (core/v1/types.go, meta/v1 types.go at those tags):
// the fields 1.34 added since, removed again; 1.22's ObjectMeta still had ClusterName.
const drop = (e: string, ...names: string[]) =>
  e
    .split(' ')
    .filter((f) => !names.includes(f.slice(0, f.indexOf(':'))))
    .join(' ');
function layout(minor: 22 | 25 | 27): GoStructs {
  const b = GO_STRUCTS as Record<string, string>;
  const s: Record<string, string> = { ...b };
  s.PodSpec = drop(b.PodSpec as string, 'Resources', 'HostnameOverride');
  s.Container = drop(b.Container as string, 'RestartPolicy', 'RestartPolicyRules');
  s.PodSecurityContext = drop(
    b.PodSecurityContext as string,
    'SupplementalGroupsPolicy',
    'AppArmorProfile',
    'SELinuxChangePolicy',
  );
  if (minor <= 25) {
    s.PodSpec = drop(s.PodSpec, 'SchedulingGates', 'ResourceClaims');
    s.Container = drop(s.Container, 'ResizePolicy');
    s.ResourceRequirements = drop(b.ResourceRequirements as string, 'Claims');
  }
  if (minor <= 22) {
    s.PodSpec = drop(s.PodSpec, 'OS', 'HostUsers');
    s.ObjectMeta = (b.ObjectMeta as string).replace(' ManagedFields:', ' ClusterName:string ManagedFields:');
  }
  return s;
}

const BOOK = resolve(__dirname, '../../../../shared/kiamol-ch03');
const storedTemplate = (file: string, name: string) =>
  drive({ seed: 1 })
    .applyOk(readFileSync(resolve(BOOK, file), 'utf8'))
    .get('Deployment', name)?.spec.template;

describe.skipIf(!existsSync(BOOK))(`the book's manifests hash as on real clusters (${BOOK})`, () => {
  const hashAt = (minor: 22 | 25 | 27, t: unknown) => {
    const s = layout(minor);
    return safeEncodeString(String(fnv32a(enc(spewTemplate(t, (n) => s[n])))));
  };

  it('sleep-1 → 8f68bd59d (the student’s cluster: the 1.19–1.22 field set)', () => {
    expect(hashAt(22, storedTemplate('sleep/sleep1.yaml', 'sleep-1'))).toBe('8f68bd59d');
  });

  it('sleep-2 → bd8bc78c7 (1.19–1.22) and 6695c7cd68 (1.25), numbers-api → 7c599bfcf6 (1.27)', () => {
    const sleep2 = storedTemplate('sleep/sleep2.yaml', 'sleep-2');
    expect(hashAt(22, sleep2)).toBe('bd8bc78c7');
    expect(hashAt(25, sleep2)).toBe('6695c7cd68');
    expect(hashAt(27, storedTemplate('numbers/api.yaml', 'numbers-api'))).toBe('7c599bfcf6');
  });

  it('with 1.34 field set, the ReplicaSet the controller creates is named by the same printer', () => {
    const d = drive({ seed: 1 }).applyOk(readFileSync(resolve(BOOK, 'sleep/sleep1.yaml'), 'utf8'));
    d.advance(2_000);
    const rs = d.cluster.list('ReplicaSet', { namespace: 'default' }).map((o) => o.metadata.name);
    // 1.34 added fields to PodSpec, Container, ResourceRequirements and PodSecurityContext since
    // 1.22, so the value differs from the oracles above.
    expect(rs).toEqual(['sleep-1-5794978fd6']);
    expect(computeHash(storedTemplate('sleep/sleep1.yaml', 'sleep-1'))).toBe('5794978fd6');
  });
});
