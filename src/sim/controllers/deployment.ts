// Deployment controller: claims its ReplicaSets (keeps those its selector matches, releases those
// it no longer matches, adopts matching orphans), keeps a ReplicaSet
// `<deployment>-<pod-template-hash>` per template, scales it, rolls updates with
// maxSurge/maxUnavailable, and writes status with the real condition reasons and messages.
// [K8S pkg/controller/deployment: deployment_controller.go, sync.go, rolling.go, recreate.go,
// progress.go, util/deployment_util.go; controller/controller_ref_manager.go]

import { ownedBy, ownerRefTo, scaledValue } from '../api/owners';
import type { Deployment, DeploymentCondition, K8sObject, KindName, ReplicaSet } from '../api/types';
import { copyWith, keysAre } from '../apiserver/copy';
import { deepEqual } from '../apiserver/json';
import type { Store } from '../apiserver/store';
import { late } from '../late';
import {
  type Controller,
  type ControllerContext,
  type KeyEntry,
  KeysByUid,
  keyRef,
  NO_KEYS,
  type WatchEvent,
} from '../runtime/interfaces';
import {
  controllerOf,
  forgetOrphan,
  hasKeys,
  type Labels,
  noteOrphan,
  type Orphans,
  sameLabels,
} from './claim';
import {
  DESIRED,
  MAX_REPLICAS,
  type NewRSCheck,
  newReplicaSetAnnotations,
  newReplicaSetInSync,
  REVISION,
  revisionOf,
  syncNewReplicaSet,
} from './deployment-annotations';
import { addSelecting, adoptsAny, claimReplicaSets, selectorOf } from './deployment-claim';
import { computeHash } from './deployment-hash';
import { awaitDeadline, planStatus, type StatusPlan, syncStatus } from './deployment-status';

// biome-ignore lint/suspicious/noExplicitAny: spec fields are loosely typed JSON.
type Any = any;

const HASH_LABEL = 'pod-template-hash';
const SOURCE = { component: 'deployment-controller' };

function resolveFenceposts(d: Deployment): { surge: number; unavailable: number } {
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge, d.spec.replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable, d.spec.replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable: Math.min(unavailable, d.spec.replicas) };
}

function byCreation(a: K8sObject, b: K8sObject): number {
  const t = a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp);
  return t !== 0 ? t : a.metadata.name.localeCompare(b.metadata.name);
}

/**
 * What a Deployment's spec alone decides: its pod-template-hash and rolling-update fenceposts.
 * Every spec change bumps metadata.generation, so one entry per Deployment uid, valid while
 * (generation, collisionCount) match, spares re-hashing the template on each of its syncs (a
 * revision-annotation update gives the Deployment a new template object with the same content).
 */
export interface SpecInfo {
  generation: number | undefined;
  collisionCount: number | undefined;
  hash: string;
  surge: number;
  unavailable: number;
  /** The Deployment's selector as a test (parsed once per generation). */
  match: (labels: Labels) => boolean;
  /** Due time of the progress-deadline requeue last asked for (pending until the clock gets there). */
  deadlineDue: number;
  /**
   * The Deployment's and its new ReplicaSet's annotation maps last found to agree on the revision
   * (nothing to update while both are the same objects: every write copies metadata, but a write
   * that does not change the annotations keeps the map).
   */
  revisionOk: object | undefined;
  revisionOkRS: object | undefined;
  /** The same for syncNewReplicaSet's no-op (./deployment-annotations). */
  annotationsOk: NewRSCheck | undefined;
  /** A conditions array last found without DeploymentPaused (status writes keep an unchanged one). */
  unpausedConds: readonly DeploymentCondition[] | undefined;
}

/** SpecInfo.revisionOk before any check (annotation maps may be undefined). */
const NOT_CHECKED: object = Object.freeze({});

/**
 * A Deployment whose last sync ended settled (see settledAfter): the resourceVersion it was stored
 * with then, and the progress deadline a sync of it would wait for (undefined: none).
 */
interface Settled {
  rv: string;
  deadline: number | undefined;
}

/** `general`: no sync is skipped as settled (tests compare the two). */
export function createDeploymentController(store: Store, general = false): Controller {
  return new DeploymentController(store, general);
}

const DEPLOYMENT_WATCHES: readonly KindName[] = ['Deployment', 'ReplicaSet'];

/**
 * A class, not a closure per cluster: every cluster's controller shares the methods, so V8's
 * feedback and optimized code for keysFor and reconcile carry over to a fresh cluster (a reset, a
 * lesson replay) instead of being compiled again for its new closures.
 */
class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  readonly watches: readonly KindName[] = DEPLOYMENT_WATCHES;
  private readonly specInfo = new Map<string, SpecInfo>();
  private readonly orphans: Orphans = new Map();
  /** Per key: the Deployment's last sync ended settled, and no event has queued the key since. */
  private readonly settled = new Map<string, Settled>();
  /** The key being synced: the events of its own writes do not unsettle it. */
  private syncing: string | undefined = undefined;
  /** Each Deployment's key, one answer per Deployment for its own and its ReplicaSets' events. */
  private readonly ownKeys = new KeysByUid();
  constructor(
    private readonly store: Store,
    private readonly general: boolean,
  ) {}

  private infoFor(d: Deployment): SpecInfo {
    const generation = d.metadata.generation;
    const collisionCount = d.status?.collisionCount;
    const known = this.specInfo.get(d.metadata.uid);
    if (known && known.generation === generation && known.collisionCount === collisionCount) return known;
    const { surge, unavailable } = resolveFenceposts(d);
    const hash = computeHash(d.spec.template, collisionCount);
    const match = selectorOf(d);
    const info: SpecInfo = {
      generation,
      collisionCount,
      hash,
      surge,
      unavailable,
      match,
      deadlineDue: -1,
      revisionOk: NOT_CHECKED,
      revisionOkRS: NOT_CHECKED,
      annotationsOk: undefined,
      unpausedConds: undefined,
    };
    // Objects created without the API server (tests' raw store writes) may lack a generation.
    if (generation !== undefined) this.specInfo.set(d.metadata.uid, info);
    return info;
  }

  keysFor(ev: WatchEvent): string[] {
    const keys = this.deploymentKeys(ev);
    const syncing = this.syncing;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== syncing) this.settled.delete(keys[i] as string);
    return keys;
  }

  private deploymentKeys(ev: WatchEvent): string[] {
    const o = ev.object;
    const ownKeys = this.ownKeys;
    if (ev.kind === 'Deployment') {
      const keys = ownKeys.of(o.metadata.namespace as string, o.metadata.name, o.metadata.uid);
      if (ev.type === 'DELETED') {
        this.specInfo.delete(o.metadata.uid);
        ownKeys.drop(o.metadata.uid);
      }
      return keys;
    }
    const orphans = this.orphans;
    const ns = o.metadata.namespace ?? '';
    const ref = controllerOf(o.metadata.ownerReferences);
    const old = ev.old;
    // Most writes keep the ownerReferences array (status writes, scaling, annotations).
    const refsMoved = old !== undefined && old.metadata.ownerReferences !== o.metadata.ownerReferences;
    const oldRef = refsMoved ? controllerOf(old.metadata.ownerReferences) : ref;
    if (ev.type === 'DELETED') {
      if (!ref) forgetOrphan(orphans, ns, o.metadata.name);
    } else if (!ref) noteOrphan(orphans, ns, o.metadata.name);
    else if (refsMoved && !oldRef) forgetOrphan(orphans, ns, o.metadata.name);
    // The steady state: an owned ReplicaSet whose controller did not change (add/update/
    // deleteReplicaSet: "If it has a ControllerRef, that's all that matters").
    if (ref && (!refsMoved || oldRef?.uid === ref.uid))
      return ref.kind === 'Deployment' ? ownKeys.of(ns, ref.name, ref.uid) : NO_KEYS;
    const keys: string[] = [];
    // The ControllerRef changed: sync the old controller too.
    if (oldRef?.kind === 'Deployment' && oldRef.uid !== ref?.uid) keys.push(`${ns}/${oldRef.name}`);
    if (ref) {
      if (ref.kind === 'Deployment') keys.push(`${ns}/${ref.name}`);
      return keys;
    }
    // An orphan: the Deployments whose selector matches it may adopt it (updateReplicaSet:
    // only when its labels or controller changed). No controller cares about a deleted orphan,
    // and none adopts one being deleted.
    if (ev.type === 'DELETED' || o.metadata.deletionTimestamp) return keys;
    if (ev.type === 'MODIFIED' && !oldRef && old && sameLabels(old, o)) return keys;
    addSelecting(this.store, ns, o.metadata.labels, keys);
    return keys;
  }

  reconcile(key: string, ctx: ControllerContext, at?: KeyEntry): void {
    const store = this.store;
    // Through the key's ref on its queue entry: no split of the key, no name lookup while the
    // Deployment's slot is live.
    const d = store.getRef(keyRef('Deployment', key, at)) as Deployment | undefined;
    // A Deployment being deleted adopts and releases nothing (ClaimObject), and the simulator
    // skips its status-only sync (syncStatusOnly).
    if (!d || d.metadata.deletionTimestamp) return;
    const info = this.infoFor(d);
    const s = this.settled.get(key);
    if (s !== undefined && s.rv === d.metadata.resourceVersion) {
      // Settled and untouched since: the sync would write nothing and at most wait for the
      // progress deadline (past it, it writes ProgressDeadlineExceeded: run).
      const nowMs = ctx.clock.now();
      if (s.deadline === undefined) return;
      if (nowMs < s.deadline) {
        awaitDeadline(ctx, d, info, s.deadline, nowMs);
        return;
      }
    }
    this.settled.delete(key);
    this.syncing = key;
    try {
      const after = syncDeployment(store, d, ctx, info, this.orphans);
      if (after && !this.general) this.settled.set(key, after);
    } finally {
      this.syncing = undefined;
    }
  }
}

const MATCH_LABELS_KEYS: readonly string[] = ['matchLabels'];
const TEMPLATE_KEYS: readonly string[] = ['metadata', 'spec'];
const LABELS_KEYS: readonly string[] = ['labels'];

/** The new ReplicaSet's selector: the Deployment's with the hash label in its matchLabels. */
export function newSelector(sel: Any, hash: string): Any {
  const matchLabels = copyWith(sel.matchLabels, HASH_LABEL, hash);
  return keysAre(sel, MATCH_LABELS_KEYS) ? { matchLabels } : copyWith(sel, 'matchLabels', matchLabels);
}

/** The new ReplicaSet's template: the Deployment's with `labels` (the hash label's) in its metadata. */
export function newTemplate(tpl: Any, labels: Any): Any {
  const meta = tpl.metadata;
  const metadata = keysAre(meta, LABELS_KEYS) ? { labels } : copyWith(meta, 'labels', labels);
  return keysAre(tpl, TEMPLATE_KEYS) ? { metadata, spec: tpl.spec } : copyWith(tpl, 'metadata', metadata);
}

/** ReplicaSets whose controller is `d`, least recently written first. */
function ownedReplicaSets(store: Store, d: Deployment): ReplicaSet[] {
  return ownedBy(store, d, 'ReplicaSet') as ReplicaSet[];
}

export function scaleRS(
  ctx: ControllerContext,
  d: Deployment,
  rs: ReplicaSet,
  to: number,
  surge: number,
): ReplicaSet {
  const from = rs.spec.replicas;
  if (from === to) return rs;
  const annotations = {
    ...(rs.metadata.annotations ?? {}),
    [DESIRED]: String(d.spec.replicas),
    [MAX_REPLICAS]: String(d.spec.replicas + surge),
  };
  const r = ctx.api.update({
    ...rs,
    metadata: { ...rs.metadata, annotations },
    spec: { ...rs.spec, replicas: to },
  });
  if (!r.ok) return rs;
  const word = to > from ? 'up' : 'down';
  ctx.events.record(
    d,
    'Normal',
    'ScalingReplicaSet',
    `Scaled ${word} replica set ${rs.metadata.name} from ${from} to ${to}`,
    SOURCE,
  );
  return r.object as ReplicaSet;
}

/** The first ReplicaSet labelled with `hash` (Array.find without a closure per sync). */
function findByHash(all: readonly ReplicaSet[], hash: string): ReplicaSet | undefined {
  for (let i = 0; i < all.length; i++) {
    const rs = all[i] as ReplicaSet;
    if (rs.metadata.labels?.[HASH_LABEL] === hash) return rs;
  }
  return undefined;
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's but for the
 * pod-template-hash label (EqualIgnoreHash). The one labelled with the current hash is such a
 * ReplicaSet and is looked up first; the others are compared only when there is none (an adopted
 * ReplicaSet made by hand, or one made before a collisionCount bump changed the hash).
 */
function findNewReplicaSet(
  all: readonly ReplicaSet[],
  hash: string,
  template: unknown,
): ReplicaSet | undefined {
  const labelled = findByHash(all, hash);
  if (labelled || all.length === 0) return labelled;
  const want = withoutHash(template);
  let found: ReplicaSet | undefined;
  for (let i = 0; i < all.length; i++) {
    const rs = all[i] as ReplicaSet;
    if (found && byCreation(rs, found) >= 0) continue;
    if (deepEqual(withoutHash(rs.spec.template), want)) found = rs;
  }
  return found;
}

/** A pod template without its pod-template-hash label (an emptied label map omitted, as nil). */
function withoutHash(template: unknown): unknown {
  const t = template as Any;
  const labels = t?.metadata?.labels as Record<string, string> | undefined;
  if (!labels || !Object.hasOwn(labels, HASH_LABEL)) return t;
  const { [HASH_LABEL]: _, ...rest } = labels;
  const { labels: _l, ...meta } = t.metadata;
  return { ...t, metadata: hasKeys(rest) ? { ...meta, labels: rest } : meta };
}

/**
 * Some condition has reason DeploymentPaused (Array.some without a closure per sync); an array
 * without one is remembered in `info`.
 */
function pausedCondition(conds: readonly DeploymentCondition[] | undefined, info: SpecInfo): boolean {
  if (conds === undefined) return false;
  for (let i = 0; i < conds.length; i++)
    if ((conds[i] as DeploymentCondition).reason === 'DeploymentPaused') return true;
  info.unpausedConds = conds;
  return false;
}

/** Shared by every sync whose Deployment has no old ReplicaSets (never written to). */
const NO_OLDS: readonly ReplicaSet[] = Object.freeze([]);

/**
 * The revision the Deployment's annotation is updated to: its newest ReplicaSet's, when the
 * Deployment does not carry it yet. Its answer depends on the two annotation maps alone: a pair
 * found in agreement is remembered in `info`.
 */
function revisionUpdate(d: Deployment, newRS: ReplicaSet, info: SpecInfo): string | undefined {
  if (info.revisionOk === d.metadata.annotations && info.revisionOkRS === newRS.metadata.annotations)
    return undefined;
  const rev = newRS.metadata.annotations?.[REVISION];
  if (rev && d.metadata.annotations?.[REVISION] !== rev) return rev;
  info.revisionOk = d.metadata.annotations;
  info.revisionOkRS = newRS.metadata.annotations;
  return undefined;
}

/**
 * Whether a sync of the Deployment `d` as stored, with `newRS` (as stored) its only ReplicaSet,
 * would write nothing: not paused, nothing to adopt, the ReplicaSet in sync with it and at its
 * size, the revision carried, and the status it would compute the stored one. Then what that sync
 * would still do: wait for the progress deadline, if there is one ahead.
 */
function settledAfter(
  store: Store,
  d: Deployment,
  newRS: ReplicaSet,
  info: SpecInfo,
  orphans: Orphans,
  nowMs: number,
): Settled | undefined {
  const conds = d.status?.conditions;
  if (d.spec.paused || (conds !== info.unpausedConds && pausedCondition(conds, info))) return undefined;
  if (newRS.spec.replicas !== d.spec.replicas || !info.match(newRS.metadata.labels)) return undefined;
  if (adoptsAny(store, d.metadata.namespace ?? '', info.match, orphans)) return undefined;
  if (!newReplicaSetInSync(d, newRS, NO_OLDS, info) || revisionUpdate(d, newRS, info) !== undefined)
    return undefined;
  const plan: StatusPlan = { deadline: undefined };
  const all = [newRS];
  if (planStatus(d, all, newRS, newRS, false, info, nowMs, plan) !== undefined) return undefined;
  return { rv: d.metadata.resourceVersion, deadline: plan.deadline };
}

/**
 * The Deployment's sync; what a sync of the state it leaves would do, when that is nothing but
 * waiting (see settledAfter), else undefined.
 */
function syncDeployment(
  store: Store,
  d: Deployment,
  ctx: ControllerContext,
  info: SpecInfo,
  orphans: Orphans,
): Settled | undefined {
  const rev0 = store.revision;
  const all = ownedReplicaSets(store, d);
  claimReplicaSets(store, ctx, d, all, info.match, orphans);
  /** Nothing released or adopted: `all` are its ReplicaSets as stored. */
  const claimed = store.revision === rev0;
  const { hash, surge, unavailable } = info;
  let newRS = findNewReplicaSet(all, hash, d.spec.template);
  // The steady state (one ReplicaSet, the current one) needs no list of old ones.
  const olds =
    all.length === 1 && newRS ? (NO_OLDS as ReplicaSet[]) : all.filter((rs) => rs !== newRS).sort(byCreation);
  if (newRS) newRS = syncNewReplicaSet(ctx, d, newRS, olds, info);
  let created = false;
  // Paused, or resumed with its DeploymentPaused condition still on (./deployment-paused, late:
  // only a user's write pauses a Deployment).
  const conds = d.status?.conditions;
  if (d.spec.paused || (conds !== info.unpausedConds && pausedCondition(conds, info))) {
    const p = late().deploymentPause;
    d = p.conditions(ctx, d);
    if (d.spec.paused) {
      p.sync(store, ctx, d, newRS, olds as ReplicaSet[], info);
      return undefined;
    }
  }

  if (!newRS) {
    const rsName = `${d.metadata.name}-${hash}`;
    const clash = store.get('ReplicaSet', d.metadata.namespace, rsName);
    if (clash) {
      // Hash collision with a ReplicaSet we do not own: bump collisionCount and try again.
      ctx.api.updateStatus({
        ...d,
        status: { ...d.status, collisionCount: (d.status?.collisionCount ?? 0) + 1 },
      });
      return undefined;
    }
    const oldActive = olds.reduce((n, rs) => n + rs.spec.replicas, 0);
    let replicas = d.spec.replicas;
    if (d.spec.strategy.type === 'Recreate') replicas = oldActive > 0 ? 0 : d.spec.replicas;
    else if (oldActive > 0)
      replicas = Math.max(0, Math.min(d.spec.replicas, d.spec.replicas + surge - oldActive));
    const revision = Math.max(0, ...all.map(revisionOf)) + 1;
    const tpl: Any = d.spec.template;
    const labels = copyWith(tpl.metadata?.labels, HASH_LABEL, hash);
    const annotations = newReplicaSetAnnotations(d);
    annotations[DESIRED] = String(d.spec.replicas);
    annotations[MAX_REPLICAS] = String(
      d.spec.replicas + (d.spec.strategy.type === 'RollingUpdate' ? surge : 0),
    );
    annotations[REVISION] = String(revision);
    const rs = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.metadata.namespace,
        labels,
        annotations,
        ownerReferences: [ownerRefTo(d)],
      },
      spec: {
        replicas,
        // Built by assignment (copyWith), not as spreads: a spread copy's shape depends on the
        // state of its site's inline cache, so ReplicaSets made early in a page's first cluster
        // had shapes no later cluster's had (see ../apiserver/copy).
        // The usual selector ({matchLabels}), template ({metadata, spec}) and template metadata
        // ({labels}) as literals of those keys (copy.ts keysAre), anything else by copyWith.
        selector: newSelector(d.spec.selector, hash),
        template: newTemplate(tpl, labels),
        ...(d.spec.minReadySeconds !== undefined ? { minReadySeconds: d.spec.minReadySeconds } : {}),
      },
    } as unknown as ReplicaSet;
    const r = ctx.api.create(rs);
    if (!r.ok) return undefined;
    newRS = r.object as ReplicaSet;
    created = true;
    if (replicas > 0) {
      ctx.events.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${rsName} from 0 to ${replicas}`,
        SOURCE,
      );
    }
  }

  if (newRS) {
    // With no old ReplicaSet both strategies only scale the new one; a rollout between
    // ReplicaSets (only after a student's template change) is bound late (./deployment-rollout).
    if (olds.length === 0) newRS = scaleRS(ctx, d, newRS, d.spec.replicas, surge);
    else newRS = late().deploymentRollout.roll(store, ctx, d, newRS, olds, surge, unavailable);
    // Revision annotation on the Deployment follows its newest ReplicaSet.
    const rev = revisionUpdate(d, newRS, info);
    if (rev !== undefined) {
      // The metadata by copyWith: a Deployment without annotations (the boot's CoreDNS) gains the
      // key, and a spread given a new key made a map per call, on which syncStatus deoptimized in
      // every fresh cluster.
      const annotations = copyWith(d.metadata.annotations, REVISION, rev);
      const r = ctx.api.update({ ...d, metadata: copyWith(d.metadata, 'annotations', annotations) });
      if (r.ok) d = r.object as Deployment;
    }
    // Only old ReplicaSets can be idle ones, so fewer than the limit can never exceed it.
    if (olds.length > (d.spec.revisionHistoryLimit ?? 10)) late().deploymentRollout.cleanupOld(ctx, d, olds);
  }
  // Most syncs write nothing before the status: then `d` and `all` are still what the store holds.
  const after = syncStatus(store, ctx, d, all, store.revision === rev0, newRS, created, info);
  // Its only ReplicaSet, as stored: the one it found (scaleRS and syncNewReplicaSet answer what
  // they wrote) or created.
  const only = claimed && newRS && (created ? all.length === 0 : all.length === 1);
  return after && only
    ? settledAfter(store, after, newRS as ReplicaSet, info, orphans, ctx.clock.now())
    : undefined;
}
