// The simulated API server: create / update / updateStatus / delete with defaulting, validation,
// allocation, uid + creationTimestamp + resourceVersion + generation stamping, and graceful Pod
// deletion (deletionTimestamp; the kubelet finishes it). Every write emits a watch event through
// the store. Controllers and the cluster facade both write through here.
import { isKindName, KINDS } from '../api/kinds';
import type { K8sObject, KindName } from '../api/types';
import type { ApiError, ApiResult, DeleteOptions } from '../contract';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { ApiWriter, Clock, Rng } from '../runtime/interfaces';
import { flat, uuid } from '../runtime/rng';
import { ClusterIpAllocator, NodePortAllocator } from './allocators';
import { applyDefaults, withServiceAccountToken } from './defaults';
import { alreadyExists, badRequest, invalidError, namespaceNotFound, notFound } from './errors';
import { deepEqual } from './json';
import { allocateService, releaseService, type ServiceAllocators } from './services';
import type { Store } from './store';
import { validate } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: writes handle loosely typed objects.
type Any = any;

/** The 27-character alphabet of apimachinery's rand.String: no vowels, no 0, 1, 3. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const MAX_GENERATED_NAME_BASE = 58; // maxNameLength 63 - randomLength 5

export const ENDPOINTS_WARNING =
  'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const HAS_GENERATION = new Set<string>(['Deployment', 'ReplicaSet', 'Pod']);
const HAS_STATUS = new Set<string>(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Namespace', 'Node']);

export interface WriteOptions {
  /** A user write (kubectl): Pod specs are then immutable except for the allowed fields. */
  external?: boolean;
}

export class ApiServer implements ApiWriter {
  readonly allocators: ServiceAllocators;
  private readonly uidRng: Rng;
  private readonly nameRng: Rng;
  /** Its own stream, so the token volumes' names never shift Pod names or uids. */
  private readonly saVolumeRng: Rng;

  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    rng: Rng,
    readonly profile: Profile,
  ) {
    this.uidRng = rng.fork('uids');
    this.nameRng = rng.fork('pod-names');
    this.saVolumeRng = rng.fork('sa-token-volumes');
    this.allocators = {
      ips: new ClusterIpAllocator(profile.serviceCIDR, rng.fork('cluster-ips')),
      ports: new NodePortAllocator(rng.fork('node-ports')),
    };
  }

  /** `base` + 5 random characters; base truncated to 58 (apiserver SimpleNameGenerator). */
  generateName(base: string): string {
    const b = base.length > MAX_GENERATED_NAME_BASE ? base.slice(0, MAX_GENERATED_NAME_BASE) : base;
    return flat(b + this.randomSuffix(this.nameRng)); // flat: the name lives as long as the object
  }

  private randomSuffix(rng: Rng): string {
    let s = '';
    for (let i = 0; i < 5; i++) s += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
    return s;
  }

  newUid(): string {
    return uuid(this.uidRng);
  }

  create(
    input: K8sObject,
    /** `uid`: boot objects bring their own (from their own rng), so user objects' uids do not shift. */
    opts: { fieldManager?: string; createdAt?: number; uid?: string } = {},
  ): ApiResult {
    if (!isKindName(input.kind))
      return { ok: false, error: badRequest(`no kind "${input.kind}" is registered`) };
    const kind = input.kind;
    const info = KINDS[kind];
    const meta: Any = { ...(input.metadata ?? {}) };
    if (info.namespaced) {
      meta.namespace = meta.namespace || 'default';
      if (!this.store.get('Namespace', undefined, meta.namespace)) {
        return { ok: false, error: namespaceNotFound(meta.namespace) };
      }
    } else delete meta.namespace;
    if (!meta.name && meta.generateName) {
      for (let i = 0; i < 8; i++) {
        meta.name = this.generateName(meta.generateName);
        if (!this.store.get(kind, meta.namespace, meta.name)) break;
      }
    }
    let obj: K8sObject = { ...input, apiVersion: info.apiVersion, kind, metadata: meta };
    if (HAS_STATUS.has(kind) && kind !== 'Node') delete (obj as Any).status;
    obj = applyDefaults(obj);
    const errs = validate(obj);
    if (errs.length > 0) return { ok: false, error: invalidError(kind, meta.name ?? '', errs) };
    if (this.store.get(kind, meta.namespace, meta.name))
      return { ok: false, error: alreadyExists(kind, meta.name) };
    // Mirror Pods (static manifests) bypass the ServiceAccount admission plugin.
    if (kind === 'Pod' && !meta.annotations?.['kubernetes.io/config.mirror'])
      obj = { ...obj, spec: withServiceAccountToken(obj.spec, () => this.randomSuffix(this.saVolumeRng)) };
    if (kind === 'Service') {
      const r = allocateService(this.allocators, obj, undefined);
      if (!r.ok) return { ok: false, error: invalidError(kind, meta.name, r.errors) };
      obj = { ...obj, spec: r.spec };
    }
    const created = opts.createdAt ?? this.clock.now();
    const stamped: Any = {
      ...obj,
      metadata: {
        ...obj.metadata,
        uid: opts.uid ?? this.newUid(),
        resourceVersion: '',
        creationTimestamp: rfc3339(created),
        ...(HAS_GENERATION.has(kind) ? { generation: 1 } : {}),
      },
    };
    delete stamped.metadata.deletionTimestamp;
    delete stamped.metadata.deletionGracePeriodSeconds;
    const stored = this.store.put(orderKeys(stamped));
    return withWarnings(stored, kind);
  }

  update(input: K8sObject, opts: WriteOptions = {}): ApiResult {
    if (!isKindName(input.kind))
      return { ok: false, error: badRequest(`no kind "${input.kind}" is registered`) };
    const kind = input.kind;
    const old = this.store.get(kind, input.metadata?.namespace, input.metadata?.name);
    if (!old) return { ok: false, error: notFound(kind, input.metadata?.name ?? '') };
    let obj: K8sObject = {
      ...input,
      apiVersion: KINDS[kind].apiVersion,
      metadata: {
        ...input.metadata,
        uid: old.metadata.uid,
        creationTimestamp: old.metadata.creationTimestamp,
        ...(old.metadata.namespace !== undefined ? { namespace: old.metadata.namespace } : {}),
        ...(old.metadata.deletionTimestamp !== undefined
          ? { deletionTimestamp: old.metadata.deletionTimestamp }
          : {}),
        ...(old.metadata.deletionGracePeriodSeconds !== undefined
          ? { deletionGracePeriodSeconds: old.metadata.deletionGracePeriodSeconds }
          : {}),
      },
    };
    if (HAS_STATUS.has(kind)) obj = { ...obj, status: old.status };
    obj = applyDefaults(obj);
    if (opts.external && kind === 'Pod') {
      const errs = podUpdateErrors(old, obj);
      if (errs) return { ok: false, error: invalidError(kind, old.metadata.name, [errs]) };
    }
    const errs = validate(obj, old);
    if (errs.length > 0) return { ok: false, error: invalidError(kind, old.metadata.name, errs) };
    if (kind === 'Service') {
      const r = allocateService(this.allocators, obj, old);
      if (!r.ok) return { ok: false, error: invalidError(kind, old.metadata.name, r.errors) };
      obj = { ...obj, spec: r.spec };
      releaseService(this.allocators, old, obj);
    }
    if (HAS_GENERATION.has(kind)) {
      const gen = old.metadata.generation ?? 1;
      const changed = !deepEqual(old.spec, obj.spec);
      obj = { ...obj, metadata: { ...obj.metadata, generation: changed ? gen + 1 : gen } };
    }
    if (deepEqual(stripRv(obj), stripRv(old))) return { ok: true, object: old };
    return withWarnings(this.store.put(orderKeys(obj)), kind);
  }

  updateStatus(input: K8sObject): ApiResult {
    const kind = input.kind as KindName;
    const old = this.store.get(kind, input.metadata?.namespace, input.metadata?.name);
    if (!old) return { ok: false, error: notFound(kind, input.metadata?.name ?? '') };
    if (deepEqual(old.status, input.status)) return { ok: true, object: old };
    return { ok: true, object: this.store.put({ ...old, status: input.status }) };
  }

  /** Internal write that replaces spec/metadata without user-facing checks (the scheduler's bind). */
  bindPod(pod: K8sObject, nodeName: string, status?: unknown): ApiResult {
    const old = this.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!old) return { ok: false, error: notFound('Pod', pod.metadata.name) };
    const next: K8sObject = { ...old, spec: { ...old.spec, nodeName } };
    if (status !== undefined) next.status = status;
    return { ok: true, object: this.store.put(next) };
  }

  delete(kind: KindName, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult {
    if (!isKindName(kind)) return { ok: false, error: badRequest(`no kind "${kind}" is registered`) };
    const ns = KINDS[kind].namespaced ? namespace || 'default' : undefined;
    const old = this.store.get(kind, ns, name);
    if (!old) return { ok: false, error: notFound(kind, name) };
    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(old);
    if (kind === 'Namespace' && ['default', 'kube-system', 'kube-public', 'kube-node-lease'].includes(name)) {
      return {
        ok: false,
        error: {
          code: 403,
          reason: 'BadRequest',
          message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
        },
      };
    }
    if (kind === 'Pod' && old.spec?.nodeName && opts.gracePeriodSeconds !== 0) {
      if (old.metadata.deletionTimestamp) return { ok: true, object: old };
      const grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30;
      const marked = this.store.put({
        ...old,
        metadata: {
          ...old.metadata,
          deletionTimestamp: rfc3339(this.clock.now() + grace * 1000),
          deletionGracePeriodSeconds: grace,
        },
      });
      return { ok: true, object: marked };
    }
    if (kind === 'Service') releaseService(this.allocators, old);
    if (kind === 'Namespace') this.deleteNamespaceContents(name);
    const last = this.store.remove(kind, ns, name) as K8sObject;
    return withWarnings(last, kind);
  }

  private orphanDependents(owner: K8sObject): void {
    for (const d of [...this.store.byOwner(owner.metadata.uid)]) {
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      const meta: Any = { ...d.metadata, ownerReferences: refs };
      if (refs.length === 0) delete meta.ownerReferences;
      this.store.put({ ...d, metadata: meta });
    }
  }

  private deleteNamespaceContents(ns: string): void {
    for (const kind of Object.keys(KINDS) as KindName[]) {
      if (!KINDS[kind].namespaced) continue;
      for (const o of [...this.store.byNamespace(kind, ns)]) {
        this.delete(kind, ns, o.metadata.name, { gracePeriodSeconds: 0 });
      }
    }
  }
}

function withWarnings(object: K8sObject, kind: KindName): ApiResult {
  return kind === 'Endpoints' ? { ok: true, object, warnings: [ENDPOINTS_WARNING] } : { ok: true, object };
}

function stripRv(o: K8sObject): K8sObject {
  return { ...o, metadata: { ...o.metadata, resourceVersion: '' } };
}

/** apiVersion, kind, metadata, spec, status first (how the API server serialises objects). */
function orderKeys(o: Any): Any {
  const { apiVersion, kind, metadata, spec, status, ...rest } = o;
  const out: Any = { apiVersion, kind, metadata, ...rest };
  if (spec !== undefined) out.spec = spec;
  if (status !== undefined) out.status = status;
  return out;
}

const POD_MUTABLE_MSG =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function podUpdateErrors(old: K8sObject, next: K8sObject): { field: string; message: string } | undefined {
  const strip = (s: Any) => ({
    ...s,
    nodeName: undefined,
    containers: (s?.containers ?? []).map((c: Any) => ({ ...c, image: undefined })),
    activeDeadlineSeconds: undefined,
    tolerations: undefined,
    terminationGracePeriodSeconds: undefined,
  });
  if (JSON.stringify(strip(old.spec)) === JSON.stringify(strip(next.spec))) return undefined;
  return { field: 'spec', message: `Forbidden: ${POD_MUTABLE_MSG}` };
}

export type { ApiError };
