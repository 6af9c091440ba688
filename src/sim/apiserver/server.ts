// The simulated API server: create / update / updateStatus / delete with defaulting, validation,
// allocation, uid + creationTimestamp + resourceVersion + generation stamping, and graceful Pod
// deletion (deletionTimestamp; the kubelet finishes it). Every write emits a watch event through
// the store. Controllers and the cluster facade both write through here.
import { isKindName, KINDS } from '../api/kinds';
import { FOREGROUND_DELETION } from '../api/owners';
import type { K8sObject, KindName } from '../api/types';
import type { ApiError, ApiResult, DeleteOptions } from '../contract';
import { late, latePartsLoaded } from '../late';
import type { Profile } from '../profiles';
import { rfc3339 } from '../runtime/clock';
import type { ApiWriter, Clock, Rng } from '../runtime/interfaces';
import { isOwn } from '../runtime/own';
import { flat, uuid } from '../runtime/rng';
import { ClusterIpAllocator, NodePortAllocator } from './allocators';
import { copyOwn, copyTop, keysAre } from './copy';
import {
  applyDefaultsInto,
  defaultPodFromTemplate,
  PodTemplateIndex,
  podStamp,
  SA_TOKEN_MOUNT_PATH,
  SA_TOKEN_PROJECTION,
  STAMP_SPEC_KEYS,
  stampPodSpec,
  templateDefaults,
} from './defaults';
import {
  alreadyExists,
  badRequest,
  type FieldError,
  invalidError,
  namespaceNotFound,
  notFound,
} from './errors';
import { deepEqual, deepEqualScalarsFirst } from './json';
import { Published } from './published';
import { admitPod } from './sa-admission';
import { compactKeys, equalExceptResourceVersion, onlyServedKeys, orderKeys } from './server-keys';
import {
  type Allocation,
  allocateService,
  releaseAllocation,
  releaseService,
  type ServiceAllocators,
} from './services';
import { Slot, type Store } from './store';

// biome-ignore lint/suspicious/noExplicitAny: writes handle loosely typed objects.
type Any = any;

/** The 27-character alphabet of apimachinery's rand.String: no vowels, no 0, 1, 3. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
const NAME_CODES = Array.from(NAME_ALPHABET, (ch) => ch.charCodeAt(0));
const MAX_GENERATED_NAME_BASE = 58; // maxNameLength 63 - randomLength 5

export const ENDPOINTS_WARNING =
  'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

const HAS_GENERATION = new Set<string>([
  'Deployment',
  'ReplicaSet',
  'Pod',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
]);
const HAS_STATUS = new Set<string>([
  'Deployment',
  'ReplicaSet',
  'Pod',
  'Service',
  'Namespace',
  'Node',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
]);

export interface WriteOptions {
  /** A user write (kubectl): Pod specs are then immutable except for the allowed fields. */
  external?: boolean;
  /** Server-side dry run (`?dryRun=All`): see ApiServer.create. */
  dryRun?: boolean;
}

export class ApiServer implements ApiWriter {
  readonly allocators: ServiceAllocators;
  private readonly uidRng: Rng;
  private readonly nameRng: Rng;
  /** Its own stream, so the token volumes' names never shift Pod names or uids. */
  private readonly saVolumeRng: Rng;
  /**
   * Every random draw of a dry-run write (uid, generated name, token volume suffix): a stream of
   * its own, so a dry run never shifts the names, uids or addresses of later real writes.
   */
  private readonly dryRunRng: Rng;
  /** Pod template defaults by content (defaults.ts PodTemplateIndex). */
  private readonly podTemplates = new PodTemplateIndex();
  /**
   * For tests (SimClusterOptions.generalPaths): every Pod from a template takes create's general
   * path, never stampPod; every applied document is decoded, defaulted and validated by the
   * general path, never apply-create's one pass.
   */
  general = false;

  constructor(
    readonly store: Store,
    private readonly clock: Clock,
    rng: Rng,
    readonly profile: Profile,
  ) {
    this.uidRng = rng.fork('uids');
    this.nameRng = rng.fork('pod-names');
    this.saVolumeRng = rng.fork('sa-token-volumes');
    this.dryRunRng = rng.fork('dry-run');
    this.allocators = {
      ips: new ClusterIpAllocator(profile.serviceCIDR, rng.fork('cluster-ips')),
      ports: new NodePortAllocator(rng.fork('node-ports')),
    };
  }

  /** `base` + 5 random characters; base truncated to 58 (apiserver SimpleNameGenerator). */
  generateName(base: string, rng: Rng = this.nameRng): string {
    const b = base.length > MAX_GENERATED_NAME_BASE ? base.slice(0, MAX_GENERATED_NAME_BASE) : base;
    return flat(b + this.randomSuffix(rng)); // flat: the name lives as long as the object
  }

  private randomSuffix(rng: Rng): string {
    // The five draws in order (arguments are evaluated left to right), made one string at once
    // rather than by four concatenations.
    const c = NAME_CODES;
    const n = c.length;
    return String.fromCharCode(
      c[rng.int(n)] as number,
      c[rng.int(n)] as number,
      c[rng.int(n)] as number,
      c[rng.int(n)] as number,
      c[rng.int(n)] as number,
    );
  }

  newUid(): string {
    return uuid(this.uidRng);
  }

  /**
   * A dry run (`opts.dryRun`) is defaulted, validated and admitted as the real create is, and
   * answers the object the server would store, with its uid, creationTimestamp and generated name
   * and no resourceVersion; nothing is written, allocated or drawn from the real writes' random
   * streams. [K8S apiserver registry/generic/registry/store.go create: FillObjectMetaSystemFields
   * and the name generation run before the storage call; dryrun.go DryRunnableStorage.Create
   * answers a copy of the object (KeyExists if present) instead of writing it]
   */
  create(
    input: K8sObject,
    /** `uid`: boot objects bring their own (from their own rng), so user objects' uids do not shift. */
    opts: {
      fieldManager?: string;
      createdAt?: number;
      uid?: string;
      dryRun?: boolean;
      /**
       * `input` is what defaulting gives (apply's usual Deployment or Service, ./apply-create),
       * known to pass validation (a Service's with its cluster IP allocated), its top level and
       * metadata the caller's to keep: neither step runs again.
       */
      prepared?: boolean;
    } = {},
  ): ApiResult {
    const dry = opts.dryRun === true;
    if (!isKindName(input.kind))
      return { ok: false, error: badRequest(`no kind "${input.kind}" is registered`) };
    const kind = input.kind;
    if (kind === 'Pod' && !dry && opts.createdAt === undefined && opts.uid === undefined && !this.general) {
      const stamped = this.stampPod(input);
      if (stamped) return stamped;
    }
    const info = KINDS[kind];
    const prepared = opts.prepared === true;
    const meta: Any = prepared ? input.metadata : copyOwn(input.metadata);
    if (info.namespaced) {
      meta.namespace = meta.namespace || 'default';
      if (!this.store.get('Namespace', undefined, meta.namespace)) {
        return { ok: false, error: namespaceNotFound(meta.namespace) };
      }
    } else delete meta.namespace;
    let nameIsFree = false; // a generated name already looked up (nothing is written before the check below)
    if (!meta.name && meta.generateName) {
      meta.name = this.freeName(kind, meta.namespace, meta.generateName, dry ? this.dryRunRng : this.nameRng);
      nameIsFree = meta.name !== undefined;
      meta.name ??= this.lastName;
    }
    // One top-level copy, owned here: the steps below assign its fields instead of copying it
    // again (orderKeys puts the keys in their final order at the end). copyOwn, not a spread:
    // keys are added to these copies (see copy.ts).
    let obj: Any;
    if (prepared) obj = input;
    else if (SPEC_AND_STATUS_DEFAULTED.has(kind) && onlyServedKeys(input)) {
      // The usual input: no other keys, and defaulting sets spec and status, so the stored
      // object has exactly these five keys; written as a literal rather than copied.
      obj = { apiVersion: info.apiVersion, kind, metadata: meta, spec: input.spec, status: undefined };
    } else {
      obj = copyOwn(input);
      obj.apiVersion = info.apiVersion;
      obj.kind = kind;
      obj.metadata = meta;
      // A created object's status is the default one (the status the client sent is dropped).
      if (HAS_STATUS.has(kind) && kind !== 'Node') obj.status = undefined;
    }
    // A Pod from a stored object's template (a controller's create) gets the template's defaults,
    // computed once per template (defaults.ts defaultPodFromTemplate).
    const tpl =
      kind === 'Pod' && this.storedTemplateSpec(input, meta)
        ? defaultPodFromTemplate(obj, this.podTemplates)
        : undefined;
    const pre = tpl && obj.spec;
    if (!tpl && !prepared) applyDefaultsInto(obj);
    // A user's DaemonSet (the boot's are lazy entries): its defaults, bound late (defaults-daemonset).
    if (kind === 'DaemonSet') late().defaultDaemonSet(obj);
    else if (kind === 'StatefulSet') late().defaultStatefulSet(obj);
    // A Job's generated selector needs its uid (jobStrategy PrepareForCreate): drawn there.
    else if (kind === 'Job') opts = late().defaultNewJob(obj, opts, this, dry);
    else if (kind === 'CronJob') late().defaultCronJob(obj);
    // A Service's IPs and ports are allocated first (BeginCreate, before BeforeCreate validates and
    // the storage finds the name taken); a failure answers alone, and what was taken goes back
    // when a later step fails. [K8S apiserver registry/generic/registry/store.go create]
    const allocs = kind === 'Service' && (dry ? late().dryRunAllocators(this.allocators) : this.allocators);
    let alloc: Allocation | undefined;
    if (allocs) {
      const r = allocateService(allocs, obj);
      if (!r.ok) return r;
      obj.spec = r.spec;
      alloc = r.alloc;
    }
    // Mutating admission, before the registry validates: the ServiceAccount plugin (./sa-admission).
    const denied =
      kind === 'Pod' &&
      admitPod(this.store, obj, input.metadata?.name, opts.createdAt, () =>
        this.randomSuffix(dry ? this.dryRunRng : this.saVolumeRng),
      );
    if (denied) return { ok: false, error: denied };
    // The template's spec with the usual token volume validated with no cause once: this Pod's
    // spec differs from that one only in the volume's random name, which no check depends on
    // (see tokenAdded), so only its metadata is validated.
    const usual = tpl?.noTokenNames === true && tokenAdded(obj.spec, pre, tpl.spec);
    const errs = prepared ? NO_ERRORS : validateWrite(obj, undefined, this, false, usual && tpl.clean);
    if (usual && errs.length === 0) tpl.clean = true;
    const error =
      errs.length > 0
        ? invalidError(kind, meta.name ?? '', errs)
        : !nameIsFree && this.store.get(kind, meta.namespace, meta.name)
          ? alreadyExists(kind, meta.name)
          : undefined;
    if (error) {
      if (allocs && alloc) releaseAllocation(allocs, alloc);
      return { ok: false, error };
    }
    const created = opts.createdAt ?? this.clock.now();
    // obj.metadata is `meta`, or the Namespace defaulting's own copy of it: ours either way.
    const m: Any = obj.metadata;
    m.uid = opts.uid ?? (dry ? uuid(this.dryRunRng) : this.newUid());
    m.resourceVersion = '';
    m.creationTimestamp = rfc3339(created);
    if (HAS_GENERATION.has(kind)) m.generation = 1;
    if (Object.hasOwn(m, 'deletionTimestamp')) delete m.deletionTimestamp;
    if (Object.hasOwn(m, 'deletionGracePeriodSeconds')) delete m.deletionGracePeriodSeconds;
    // Stored as spread copies of what was built: a spread lays every key out inside the object,
    // and later spreads of the stored object (every controller's write) are fast on that layout.
    if (dry) {
      // No storage write stamps it: the answer has no resourceVersion (omitempty).
      delete m.resourceVersion;
      obj.metadata = copyOwn(m);
      return withWarnings(compactKeys(obj), kind);
    }
    obj.metadata = copyOwn(m);
    // Handed over: compactKeys answers a new top level (a prepared input is one already, in
    // order: the caller's) and the metadata above is new, and neither is kept or changed here
    // after the write (m, read below, is another object).
    const stored = this.store.putOwned(prepared ? obj : compactKeys(obj));
    // The root-ca-cert-publisher and serviceaccount controllers fill a new namespace at once
    // (and kube-system holds CoreDNS's ConfigMap): see ./published.
    if (kind === 'Namespace') publishNamespaceObjects(this, m.name, stored);
    return withWarnings(stored, kind);
  }

  /** The last name freeName drew (the 8th, taken, when it found none free). */
  private lastName = '';

  /**
   * generateName's name for a new object: up to 8 draws until one is free (then returned; else
   * undefined, `lastName` the last drawn). Nothing is written before the caller's check.
   */
  private freeName(kind: KindName, ns: string | undefined, base: string, rng: Rng): string | undefined {
    for (let i = 0; i < 8; i++) {
      const name = this.generateName(base, rng);
      this.lastName = name;
      if (!this.store.get(kind, ns, name)) return name;
    }
    return undefined;
  }

  /**
   * A controller's Pod from its stored template, the usual way (a ReplicaSet's: generateName,
   * namespace, labels, annotations and ownerReferences, nothing else; a template already known to
   * validate clean with the usual token volume, which admission adds: see tokenAdded), built as
   * create's general path would build it, without its copies: the template's defaulted spec is
   * stamped with this Pod's token volume (defaults.ts podStamp), the metadata checked once per
   * (labels, annotations, generateName). The same random draws in the same order: the name, the
   * token volume's, the uid. Undefined, before any draw or write, for any other Pod.
   */
  private stampPod(input: K8sObject): ApiResult | undefined {
    if (!latePartsLoaded() || !onlyServedKeys(input)) return undefined;
    const im: Any = input.metadata;
    const withAnnotations = stampedMetaKeys(im);
    if (withAnnotations === undefined || !this.storedTemplateSpec(input, im)) return undefined;
    const annotations = im.annotations;
    if (annotations?.['kubernetes.io/config.mirror']) return undefined;
    const e = templateDefaults(input.spec, false, this.podTemplates);
    const stamp = e.late && e.clean ? podStamp(e) : null;
    const ns: string = im.namespace;
    if (
      stamp === null ||
      !this.store.get('Namespace', undefined, ns) ||
      !late().admitsUsualToken(this.store, ns, e.spec)
    )
      return undefined;
    const base: string = im.generateName;
    const free = this.freeName('Pod', ns, base, this.nameRng);
    const name = free ?? this.lastName;
    const spec = stampPodSpec(e, stamp, `kube-api-access-${this.randomSuffix(this.saVolumeRng)}`);
    const labels = im.labels;
    const ownerReferences = im.ownerReferences;
    // Key order as create's: the request's metadata keys, then name, uid, resourceVersion,
    // creationTimestamp, generation.
    const metadata: Any = withAnnotations
      ? {
          generateName: base,
          namespace: ns,
          labels,
          annotations,
          ownerReferences,
          name,
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
          generation: 1,
        }
      : {
          generateName: base,
          namespace: ns,
          labels,
          ownerReferences,
          name,
          uid: '',
          resourceVersion: '',
          creationTimestamp: '',
          generation: 1,
        };
    const obj: Any = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata,
      spec,
      status: { phase: 'Pending', qosClass: e.qos },
    };
    if (
      stamp.validLabels !== labels ||
      stamp.validAnnotations !== annotations ||
      stamp.validGenerateName !== base
    ) {
      const errs = validateWrite(obj, undefined, this, false, true);
      if (errs.length > 0) return { ok: false, error: invalidError('Pod', name, errs) };
      stamp.validLabels = labels;
      stamp.validAnnotations = annotations;
      stamp.validGenerateName = base;
    }
    if (free === undefined && this.store.get('Pod', ns, name))
      return { ok: false, error: alreadyExists('Pod', name) };
    metadata.uid = this.newUid();
    metadata.creationTimestamp = rfc3339(this.clock.now());
    return { ok: true, object: this.store.putOwned(obj) };
  }

  /**
   * Whether the Pod `input` is being created from the pod template of its controller as the store
   * holds it (input.spec is that very object: a ReplicaSet's, Job's, DaemonSet's or StatefulSet's
   * Pods), so its spec never changes (stored objects are immutable snapshots).
   */
  private storedTemplateSpec(input: K8sObject, meta: Any): boolean {
    // meta: the request's metadata copy (its ownerReferences are the input's).
    const spec = input.spec;
    const refs = meta.ownerReferences;
    if (typeof spec !== 'object' || spec === null || !Array.isArray(refs)) return false;
    for (let i = 0; i < refs.length; i++) {
      const ref = refs[i];
      if (ref?.controller !== true) continue;
      // By uid: written objects only (a lazy boot entry is not built by this look-up).
      const owner: Any = typeof ref.uid === 'string' ? this.store.getByUid(ref.uid) : undefined;
      return owner !== undefined && owner.spec?.template?.spec === spec;
    }
    return false;
  }

  /**
   * A dry run (`opts.dryRun`) runs every step of the real update and answers the object the
   * update would store, keeping the stored object's resourceVersion; nothing is written or
   * allocated or released. [K8S apiserver registry/generic/registry/dryrun.go GuaranteedUpdate:
   * tryUpdate on the stored object, its answer copied out instead of written]
   */
  update(input: K8sObject, opts: WriteOptions = {}): ApiResult {
    const dry = opts.dryRun === true;
    if (!isKindName(input.kind))
      return { ok: false, error: badRequest(`no kind "${input.kind}" is registered`) };
    const kind = input.kind;
    const old = this.store.get(kind, input.metadata?.namespace, input.metadata?.name);
    if (!old) return { ok: false, error: notFound(kind, input.metadata?.name ?? '') };
    const om = old.metadata;
    // One copy of the top level and of metadata, owned here and filled in by assignment (the same
    // key order as spreading the fields in). System fields come from the stored object.
    // A spread (not copyOwn): a controller's metadata already has these keys (copy.ts).
    const meta: Any = { ...input.metadata };
    meta.uid = om.uid;
    meta.creationTimestamp = om.creationTimestamp;
    if (om.namespace !== undefined) meta.namespace = om.namespace;
    if (om.deletionTimestamp !== undefined) meta.deletionTimestamp = om.deletionTimestamp;
    if (om.deletionGracePeriodSeconds !== undefined)
      meta.deletionGracePeriodSeconds = om.deletionGracePeriodSeconds;
    const obj: Any = copyTop(input);
    obj.apiVersion = KINDS[kind].apiVersion;
    obj.metadata = meta;
    if (HAS_STATUS.has(kind)) obj.status = old.status;
    applyDefaultsInto(obj, true);
    if (kind === 'DaemonSet') late().defaultDaemonSet(obj, old);
    else if (kind === 'StatefulSet') late().defaultStatefulSet(obj, old);
    else if (kind === 'Job') late().defaultJob(obj, old);
    else if (kind === 'CronJob') late().defaultCronJob(obj, old);
    // A Service's allocation (BeginUpdate) runs before PrepareForUpdate drops the fields a type
    // change leaves behind and before validation; what it took goes back if validation fails.
    // Only a user's write updates a Service (kubectl: the late parts are loaded).
    const allocs = kind === 'Service' && (dry ? late().dryRunAllocators(this.allocators) : this.allocators);
    if (allocs) {
      const r = allocateService(allocs, obj, old);
      if (!r.ok) return r;
      obj.spec = r.spec;
      late().dropTypeDependentFields(obj, old);
      const errs = validateWrite(obj, old);
      if (errs.length > 0) {
        releaseAllocation(allocs, r.alloc);
        return { ok: false, error: invalidError(kind, om.name, errs) };
      }
      if (!dry) releaseService(this.allocators, old, obj);
    } else {
      // A user's Pod update also meets ValidatePodUpdate's rules (validation-pod-update, late).
      const errs = validateWrite(obj, old, this, opts.external === true && kind === 'Pod');
      if (errs.length > 0) return { ok: false, error: invalidError(kind, om.name, errs) };
    }
    if (HAS_GENERATION.has(kind)) {
      const gen = om.generation ?? 1;
      // obj.metadata is `meta` (only Namespaces get a new metadata from defaulting).
      obj.metadata.generation = deepEqual(old.spec, obj.spec) ? gen : gen + 1;
    }
    if (equalExceptResourceVersion(obj, old)) return { ok: true, object: old };
    // The last finalizer of an object marked for deletion with no grace left was removed: the
    // update deletes it (the store's deleteWithoutFinalizers): watchers see it go.
    if (om.deletionTimestamp !== undefined && om.finalizers?.length && !obj.metadata.finalizers?.length) {
      if (om.deletionGracePeriodSeconds === 0) {
        if (dry) return withWarnings(orderKeys(withResourceVersion(obj, om.resourceVersion)), kind);
        if (kind === 'Service') releaseService(this.allocators, obj);
        return withWarnings(this.store.remove(kind, om.namespace, om.name) as K8sObject, kind);
      }
    }
    if (dry) return withWarnings(orderKeys(withResourceVersion(obj, om.resourceVersion)), kind);
    // obj is copyTop's new object and `meta` our spread copy, held by no one else: handed over.
    // A metadata that defaulting replaced (Namespace, DaemonSet) takes the copying write.
    const out = orderKeys(obj);
    return withWarnings(out.metadata === meta ? this.store.putOwned(out) : this.store.put(out), kind);
  }

  /**
   * A controller's write of an Endpoints or EndpointSlice version it built itself (the Endpoints
   * and EndpointSlice controllers'): what `update(obj)` (over `old`, the stored object the caller
   * read) or `create(obj)` (no `old`) would answer and store, key for key, without their copies of
   * the input. `obj` is handed over: it and its metadata are fresh objects no one else holds, and
   * neither they nor any part of `obj` is changed after the call. An update's metadata is `old`'s
   * (its keys in its order, the same system fields) with other values; a create's names the object
   * (no generateName draw). Anything else, or before the late parts load (validation differs
   * then), takes the general path (also for SimClusterOptions.generalPaths). `changed`: the
   * caller found a field whose JSON differs from `old`'s (ApiWriter.writeOwn).
   */
  writeOwn(obj: K8sObject, old: K8sObject | undefined, changed = false): ApiResult {
    const kind = obj.kind;
    if (
      this.general ||
      !latePartsLoaded() ||
      (kind !== 'Endpoints' && kind !== 'EndpointSlice') ||
      obj.apiVersion !== KINDS[kind].apiVersion
    )
      return old === undefined ? this.create(obj) : this.update(obj);
    const m: Any = obj.metadata;
    if (old === undefined) return this.createOwn(obj, kind, m);
    const om = old.metadata;
    if (
      m.uid !== om.uid ||
      m.creationTimestamp !== om.creationTimestamp ||
      m.namespace !== om.namespace ||
      m.deletionTimestamp !== om.deletionTimestamp ||
      m.deletionGracePeriodSeconds !== om.deletionGracePeriodSeconds ||
      this.store.get(kind, om.namespace, om.name) !== old ||
      m.name !== om.name
    )
      return this.update(obj);
    // update's steps on its copies, here on `obj` itself: its metadata would be a copy of `m`
    // (the system fields it sets are m's already), its top level a copy of `obj`.
    const subsets = (obj as Any).subsets;
    applyDefaultsInto(obj, true);
    const errs = validateWrite(obj, old, this, false);
    if (errs.length > 0) return { ok: false, error: invalidError(kind, om.name, errs) };
    // The no-op check, unless the caller found a difference (`changed`) that defaulting kept
    // (the only thing it replaces is an Endpoints' subsets array: the same one, nothing changed).
    // A JSON difference is one for equalExceptResourceVersion too: deepEqual's equal values have
    // equal JSON.
    const known = changed && (obj as Any).subsets === subsets;
    if (!known && equalExceptResourceVersion(obj, old)) return { ok: true, object: old };
    if (om.deletionTimestamp !== undefined && om.finalizers?.length && !m.finalizers?.length)
      return this.update(obj); // the update that deletes (rare): the general path
    return withWarnings(this.store.putOwned(orderKeys(obj)), kind);
  }

  /** writeOwn's create: create's steps on `obj` itself (see create). */
  private createOwn(obj: K8sObject, kind: KindName, m: Any): ApiResult {
    if (typeof m.name !== 'string' || m.name === '' || !KINDS[kind].namespaced) return this.create(obj);
    m.namespace = m.namespace || 'default';
    if (!this.store.get('Namespace', undefined, m.namespace))
      return { ok: false, error: namespaceNotFound(m.namespace) };
    applyDefaultsInto(obj);
    const errs = validateWrite(obj);
    if (errs.length > 0) return { ok: false, error: invalidError(kind, m.name, errs) };
    if (this.store.get(kind, m.namespace, m.name)) return { ok: false, error: alreadyExists(kind, m.name) };
    m.uid = this.newUid();
    m.resourceVersion = '';
    m.creationTimestamp = rfc3339(this.clock.now());
    if (Object.hasOwn(m, 'deletionTimestamp')) delete m.deletionTimestamp;
    if (Object.hasOwn(m, 'deletionGracePeriodSeconds')) delete m.deletionGracePeriodSeconds;
    return withWarnings(this.store.putOwned(orderKeys(obj)), kind);
  }

  updateStatus(input: K8sObject): ApiResult {
    const kind = input.kind as KindName;
    const old = this.store.get(kind, input.metadata?.namespace, input.metadata?.name);
    if (!old) return { ok: false, error: notFound(kind, input.metadata?.name ?? '') };
    if (deepEqualScalarsFirst(old.status, input.status)) return { ok: true, object: old };
    // A new top level and metadata (the stored object's are shared with its readers): handed over.
    const next: Any = copyTop(old);
    next.metadata = { ...old.metadata };
    next.status = input.status;
    return { ok: true, object: this.store.putOwned(next) };
  }

  /**
   * `updateStatus` of `status` for the stored object under (kind, namespace, name), for a trusted
   * writer that reads views (the kubelet: Store.view): the same checks (the object exists; a status
   * equal to the stored one writes nothing) and the same version written, as a status version
   * whose object is built on first read (store.ts StatusVersion). Returns the view of the object
   * as stored after the write (the new version's, or the unchanged one's), undefined when none is.
   * (updateStatus stamps nothing else: no managedFields, no generation.)
   */
  putStatus(kind: KindName, namespace: string, name: string, status: unknown): K8sObject | undefined {
    const e = this.store.entry(kind, namespace, name);
    if (e === undefined) return undefined;
    if (!(e instanceof Slot)) {
      // A lazy entry (a boot object no one wrote whole yet): the ordinary write.
      const input = copyTop(e.object());
      input.status = status;
      const r = this.updateStatus(input);
      return r.ok ? r.object : undefined;
    }
    return this.putStatusIn(e, kind, namespace, status);
  }

  /** `putStatus` for a writer holding the live slot of the object (Slot.live: no name lookup). */
  putStatusIn(slot: Slot, kind: KindName, namespace: string, status: unknown): K8sObject {
    const old = slot.view();
    if (!statusDiffers(old.status, status) && deepEqualScalarsFirst(old.status, status)) return old;
    return this.store.putStatus(kind, namespace, slot, status);
  }

  /** Internal write that replaces spec/metadata without user-facing checks (the scheduler's bind). */
  bindPod(pod: K8sObject, nodeName: string, status?: unknown): ApiResult {
    const old = this.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    if (!old) return { ok: false, error: notFound('Pod', pod.metadata.name) };
    // The spec and metadata of a Pod made from a controller's template (stampPod) as literals in
    // their key order, any other as copies: each kept by every later version of the Pod
    // (copy.ts keysAre).
    const os: Any = old.spec;
    let spec: Any;
    if (keysAre(os, STAMP_SPEC_KEYS))
      spec = {
        containers: os.containers,
        restartPolicy: os.restartPolicy,
        terminationGracePeriodSeconds: os.terminationGracePeriodSeconds,
        dnsPolicy: os.dnsPolicy,
        securityContext: os.securityContext,
        schedulerName: os.schedulerName,
        enableServiceLinks: os.enableServiceLinks,
        preemptionPolicy: os.preemptionPolicy,
        priority: os.priority,
        serviceAccountName: os.serviceAccountName,
        serviceAccount: os.serviceAccount,
        tolerations: os.tolerations,
        volumes: os.volumes,
        nodeName,
      };
    else {
      spec = copyOwn(os); // gains nodeName (copy.ts)
      spec.nodeName = nodeName;
    }
    const om: Any = old.metadata;
    const next: Any = copyTop(old);
    // New, as the top level: handed over below.
    next.metadata = keysAre(om, STAMPED_META)
      ? {
          generateName: om.generateName,
          namespace: om.namespace,
          labels: om.labels,
          ownerReferences: om.ownerReferences,
          name: om.name,
          uid: om.uid,
          resourceVersion: om.resourceVersion,
          creationTimestamp: om.creationTimestamp,
          generation: om.generation,
        }
      : { ...om };
    next.spec = spec;
    if (status !== undefined) next.status = status;
    return { ok: true, object: this.store.putOwned(next) };
  }

  /**
   * A dry run (`opts.dryRun`) answers what the delete would: the object marked for deletion
   * (graceful Pod, finalizers) or the object as it was, after the same checks; nothing is
   * written, removed, orphaned or released. [K8S apiserver registry/generic/registry/dryrun.go
   * Delete and GuaranteedUpdate with dryRun]
   */
  delete(kind: KindName, namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult {
    if (!isKindName(kind)) return { ok: false, error: badRequest(`no kind "${kind}" is registered`) };
    const dry = opts.dryRun === true;
    const ns = KINDS[kind].namespaced ? namespace || 'default' : undefined;
    const old = this.store.get(kind, ns, name);
    if (!old) return { ok: false, error: notFound(kind, name) };
    if (opts.propagationPolicy === 'Orphan' && !dry) this.orphanDependents(old);
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
    // Finalizers hold a deleted object, marked, until an update removes the last one (which
    // deletes it). A foreground delete adds foregroundDeletion, which the garbage collector
    // removes once the dependents are gone (controllers/gc.ts); any other policy drops it.
    // Pods and Namespaces keep their own deletion paths.
    // [K8S registry/generic/registry/store.go deletionFinalizersForGarbageCollection, markAsDeleting]
    if (kind !== 'Pod' && kind !== 'Namespace') {
      const held = (old.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_DELETION);
      if (opts.propagationPolicy === 'Foreground') held.push(FOREGROUND_DELETION);
      if (held.length > 0) return { ok: true, object: this.markForDeletion(old, held, dry) };
    }
    if (kind === 'Pod' && old.spec?.nodeName && opts.gracePeriodSeconds !== 0) {
      if (old.metadata.deletionTimestamp) return { ok: true, object: old };
      const grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30;
      const next: K8sObject = {
        ...old,
        metadata: {
          ...old.metadata,
          deletionTimestamp: rfc3339(this.clock.now() + grace * 1000),
          deletionGracePeriodSeconds: grace,
        },
      };
      return { ok: true, object: dry ? next : this.store.put(next) };
    }
    if (dry) return withWarnings(old, kind);
    if (kind === 'Service') releaseService(this.allocators, old);
    if (kind === 'Namespace') this.deleteNamespaceContents(name);
    const last = this.store.remove(kind, ns, name) as K8sObject;
    return withWarnings(last, kind);
  }

  /** markAsDeleting (deletionTimestamp now, no grace left, generation bumped once) with `finalizers`. */
  private markForDeletion(old: K8sObject, finalizers: string[], dry: boolean): K8sObject {
    const meta: Any = { ...old.metadata };
    if (!meta.deletionTimestamp) {
      if (meta.generation > 0) meta.generation += 1;
      meta.deletionTimestamp = rfc3339(this.clock.now());
    }
    meta.deletionGracePeriodSeconds = 0;
    meta.finalizers = finalizers;
    if (deepEqual(meta, old.metadata)) return old;
    return dry ? { ...old, metadata: meta } : this.store.put({ ...old, metadata: meta });
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

/** `o` (an update's own copy) with metadata.resourceVersion set: a dry-run update's answer. */
function withResourceVersion(o: Any, rv: string | undefined): Any {
  const meta: Any = { ...o.metadata };
  if (rv !== undefined) meta.resourceVersion = rv;
  o.metadata = meta;
  return o;
}

/**
 * Whether admission gave the Pod spec `spec` the ServiceAccount token volume the usual way and
 * nothing else: `pre`, the copy of the template's defaulted spec `d` it admitted, with its
 * containers (the same array) each given one more mount, the token volume appended to d's volumes,
 * and d's imagePullSecrets. With no name in d starting kube-api-access- (the caller checked), the
 * token volume's random name is then a new, valid volume name that only the new mounts name: the
 * validation of two such specs finds the same causes.
 */
function tokenAdded(spec: Any, pre: Any, d: Any): boolean {
  if (spec === pre || spec.imagePullSecrets !== d.imagePullSecrets) return false;
  const cs = spec.containers;
  if (cs !== pre.containers || !Array.isArray(cs) || cs.length === 0) return false;
  if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0) return false;
  const vols = spec.volumes;
  const dv: Any[] = Array.isArray(d.volumes) ? d.volumes : [];
  if (!Array.isArray(vols) || vols.length !== dv.length + 1) return false;
  for (let i = 0; i < dv.length; i++) if (vols[i] !== dv[i]) return false;
  const v = vols[dv.length];
  if (v?.projected !== SA_TOKEN_PROJECTION || typeof v.name !== 'string') return false;
  const dc: Any[] = d.containers;
  for (let i = 0; i < cs.length; i++) {
    const ms = cs[i]?.volumeMounts;
    const before = dc[i]?.volumeMounts;
    const n = Array.isArray(before) ? before.length : 0;
    if (!Array.isArray(ms) || ms.length !== n + 1) return false;
    for (let j = 0; j < n; j++) if (ms[j] !== before[j]) return false;
    const m = ms[n];
    if (m?.name !== v.name || m.mountPath !== SA_TOKEN_MOUNT_PATH || m.readOnly !== true) return false;
  }
  return true;
}

const NO_ERRORS: FieldError[] = []; // never written: callers only read its length

/**
 * The API server's validation of a write, bound late (validation.ts and its parts are ~2 KiB gzip
 * the first paint does not need): before the late parts load only the boot's own objects are
 * written, and those are valid by construction (tests, which run with the late parts loaded,
 * validate every boot object on every profile).
 */
function validateWrite(
  obj: K8sObject,
  old?: K8sObject,
  api?: ApiServer,
  podUpdate = false,
  podSpecValid = false,
): FieldError[] {
  if (!latePartsLoaded()) return NO_ERRORS;
  const l = late();
  const k = obj.kind;
  return (
    (k === 'DaemonSet'
      ? l.validateDaemonSet
      : k === 'StatefulSet'
        ? l.validateStatefulSet
        : k === 'Job'
          ? l.validateJob
          : k === 'CronJob'
            ? l.validateCronJob
            : l.validate) as typeof l.validate
  )(obj, old, api, podUpdate, podSpecValid);
  // The storage kinds are defaulted and admitted there too (apiserver/storage-api: the store's
  // StorageClasses for DefaultStorageClass), on the server's own copy.
}

/**
 * The answer to a write, with the warnings the kind's strategy adds: Endpoints' deprecation, and a
 * Service's non-standard IPs and CIDRs (GetWarningsForService, bound late: the boot's Services,
 * written before the late parts load, have none).
 */
function withWarnings(object: K8sObject, kind: KindName): ApiResult {
  if (kind === 'Endpoints') return { ok: true, object, warnings: [ENDPOINTS_WARNING] };
  if (kind === 'Service' && latePartsLoaded()) {
    const warnings = late().serviceIPWarnings(object.spec);
    if (warnings.length > 0) return { ok: true, object, warnings };
  }
  return { ok: true, object };
}

/**
 * For stampPod: whether a Pod request's metadata has exactly the keys generateName, namespace,
 * labels, annotations (optional) and ownerReferences, in that order (a ReplicaSet's), with a
 * generateName and a namespace; undefined if not, else whether annotations is there.
 */
function stampedMetaKeys(m: Any): boolean | undefined {
  if (typeof m !== 'object' || m === null) return undefined;
  let i = 0;
  let annotations = false;
  for (const k in m) {
    if (!isOwn(m, k)) return undefined;
    const want = i === 3 && k === 'annotations' ? k : STAMPED_META_KEYS[annotations ? i - 1 : i];
    if (k !== want) return undefined;
    if (k === 'annotations') annotations = true;
    i++;
  }
  if (i !== (annotations ? 5 : 4)) return undefined;
  if (typeof m.generateName !== 'string' || m.generateName === '') return undefined;
  if (typeof m.namespace !== 'string' || m.namespace === '') return undefined;
  if (annotations && (typeof m.annotations !== 'object' || m.annotations === null)) return undefined;
  return annotations;
}

const STAMPED_META_KEYS = ['generateName', 'namespace', 'labels', 'ownerReferences'];

/** Kinds whose defaulting always sets spec and status (and leaves metadata in place). */
const SPEC_AND_STATUS_DEFAULTED = new Set<string>(['Pod', 'Deployment', 'ReplicaSet', 'Service']);

export type { ApiError };

/**
 * What a new namespace holds at once: the kube-root-ca.crt ConfigMap, the default ServiceAccount
 * and, in kube-system, CoreDNS's ConfigMap (lazy entries, ./published). Apart from the create it
 * serves: the create is hot and its optimized code deoptimized on this boot-only branch (an array
 * spread over each namespace's names) in every fresh cluster.
 */
function publishNamespaceObjects(api: ApiServer, ns: string, stored: K8sObject): void {
  api.store.addLazy('ConfigMap', ns, new Published('kube-root-ca.crt', stored, api));
  api.store.addLazy('ServiceAccount', ns, new Published('default', stored, api));
  if (ns === 'kube-system') api.store.addLazy('ConfigMap', ns, new Published('coredns', stored, api));
}

/** A stamped Pod's metadata keys without annotations (stampPod), in order. */
const STAMPED_META: readonly string[] = [
  'generateName',
  'namespace',
  'labels',
  'ownerReferences',
  'name',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
];

/**
 * True when the Pod statuses `a` and `b` surely differ for deepEqual: one of the fields each kubelet
 * status write changes (phase, hostIP, podIP: admission, the sandbox, the start) holds values that
 * are not the same and not both objects, i.e. deepEqual of that key is false (or one side lacks a
 * key the other has set, which deepEqual's key counts tell apart). Named loads of three keys, where
 * deepEqualScalarsFirst walks every key of `a` by for-in and keyed loads first. False: not known
 * (deepEqual decides).
 */
export function statusDiffers(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return false;
  const x = a as { phase?: unknown; hostIP?: unknown; podIP?: unknown };
  const y = b as { phase?: unknown; hostIP?: unknown; podIP?: unknown };
  return differsAt(x.phase, y.phase) || differsAt(x.hostIP, y.hostIP) || differsAt(x.podIP, y.podIP);
}

/** deepEqual of one key's values is false: not the same value, and not two objects to compare. */
function differsAt(x: unknown, y: unknown): boolean {
  return x !== y && (typeof x !== 'object' || x === null || typeof y !== 'object' || y === null);
}
