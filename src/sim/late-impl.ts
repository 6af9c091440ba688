// Importing this module binds the core's late parts (see ./late) for every cluster. It has no
// exports: the import is the point.
import { parseSelector } from './api/selector-parse';
import { applyOne } from './apiserver/apply';
import { defaultCronJob } from './apiserver/defaults-cronjob';
import { defaultDaemonSet } from './apiserver/defaults-daemonset';
import { defaultJob, defaultNewJob } from './apiserver/defaults-job';
import { defaultRest } from './apiserver/defaults-late';
import { defaultStatefulSet } from './apiserver/defaults-statefulset';
import { patchEphemeralContainers } from './apiserver/ephemeral';
import { correlateEvent } from './apiserver/events-correlator';
import { addDisruptionTarget, evictPod } from './apiserver/eviction';
import { compileFieldSelector } from './apiserver/field-selectors';
import { patchOne } from './apiserver/patch';
import { registerPolicy } from './apiserver/pdb-register';
import { buildPublished } from './apiserver/published-build';
import { computePodQOS } from './apiserver/qos';
import { admitServiceAccount, admitsUsualToken } from './apiserver/sa-admission-late';
import {
  allocateHealthCheck,
  allocateServiceUpdate,
  clusterIPError,
  dropTypeDependentFields,
  dryRunAllocators,
  ipFamilyFieldErrors,
  nodePortError,
} from './apiserver/service-late';
import { registerStorage } from './apiserver/storage-register';
import { validate } from './apiserver/validation';
import { pushAnnotationErrors } from './apiserver/validation-annotations';
import { validateCronJob } from './apiserver/validation-cronjob';
import { validateDaemonSet } from './apiserver/validation-daemonset';
import {
  pushContainerPortNameErrors,
  pushDeploymentTailErrors,
  pushSelectorErrors,
} from './apiserver/validation-deployment';
import { pushEndpointSubsetErrors } from './apiserver/validation-endpoints';
import { serviceIPWarnings } from './apiserver/validation-ip-warnings';
import { validateJob } from './apiserver/validation-job';
import { pushPodDnsErrors } from './apiserver/validation-pod-dns';
import { validateService } from './apiserver/validation-service';
import { validateStatefulSet } from './apiserver/validation-statefulset';
import type { PatchOptions } from './contract';
import { cronJobKeys, cronJobSync } from './controllers/cronjob-controller';
import { publisherKeys, publisherSync } from './controllers/daemonset-sync';
import { deploymentPause } from './controllers/deployment-paused';
import { deploymentRollout } from './controllers/deployment-rollout';
import { disruptionSync, isPdbKey, withPdbKeys } from './controllers/disruption';
import { reconcileMirroring } from './controllers/endpointslice-mirroring-sync';
import { nodeTaintKeys, nodeTaintSync } from './controllers/node-taints';
import { isPvKey, pvSync, withPvKeys } from './controllers/pv-controller';
import { replicaFailure } from './controllers/replicaset-failure';
import { spewHash } from './controllers/spew';
import { withPodEvictionKeys } from './controllers/taint-eviction';
import { envFailures, failMounts, mountFailures, startWithConfigErrors } from './kubelet/config-refs';
import { syncEphemeral } from './kubelet/ephemeral';
import { initAdmit, initKill, initRun } from './kubelet/init-containers';
import { createLifecycle } from './kubelet/lifecycle';
import { defaultProbes, probesDefaulted, pushProbeErrors } from './kubelet/probe-api';
import { programsOf } from './kubelet/program';
import { pullWaits } from './kubelet/pull-waits';
import { createFullScheduler } from './kubelet/scheduler-full';
import { provideLateParts } from './late';
import { CoreDns } from './net/dns';
import { iptablesModeSave, ipvsadmList, ipvsModeSave } from './net/iptables';
import { Tracer } from './net/trace';
import { runContainerProcess } from './workloads/oneshot';
import { runProbe } from './workloads/probe';

// PersistentVolumeClaim, PersistentVolume and StorageClass join the served kinds (apiserver/storage-register).
registerStorage();
// PodDisruptionBudget (policy/v1) joins them (apiserver/pdb-register).
registerPolicy();

provideLateParts({
  buildPublished,
  // A user's CronJob (./controllers/cronjob-controller), the node lifecycle controller's
  // tainting (./controllers/node-taints) and the taint eviction controller
  // (./controllers/taint-eviction) ride on the publishers controller too.
  // The PV controller and the provisioners (./controllers/pv-controller) too: claims, volumes and
  // the Pods that use claims. And the disruption controller (./controllers/disruption): a user's
  // PodDisruptionBudgets and the Pods they select.
  // A Pod's status-only write (WatchEvent.statusWrite: the kubelet's, 15,000 of the benchmark's
  // 25,000 Pod writes) keeps its spec and is no deletion, so the taint eviction controller (a Pod
  // bound, unbound, added or deleted) and the PV controller (a Pod deleted) answer none for it;
  // the CronJob controller none for any Pod. The general path (SimClusterOptions.generalPaths)
  // asks them all.
  publisherKeys: (ev, api) =>
    ev.kind === 'Node'
      ? [...nodeTaintKeys(ev), ...publisherKeys(ev, api)]
      : ev.kind === 'Pod' && !api.general
        ? withPdbKeys(
            ev,
            api,
            ev.statusWrite
              ? publisherKeys(ev, api)
              : withPvKeys(ev, withPodEvictionKeys(ev, publisherKeys(ev, api))),
          )
        : withPdbKeys(
            ev,
            api,
            withPvKeys(ev, withPodEvictionKeys(ev, cronJobKeys(ev, publisherKeys(ev, api)))),
          ),
  publisherSync: (api, key, ctx) =>
    key.startsWith('CronJob/')
      ? cronJobSync(api, key, ctx)
      : key.startsWith('Node/')
        ? nodeTaintSync(key, ctx)
        : isPvKey(key)
          ? pvSync(api, key, ctx)
          : isPdbKey(key)
            ? disruptionSync(api, key, ctx)
            : publisherSync(api, key, ctx),
  applyOne,
  // PATCH pods/NAME/ephemeralcontainers (kubectl debug) takes the subresource's own strategy.
  patchOne: (api, kind, ns, name, type, body, opts) =>
    (opts as PatchOptions | undefined)?.subresource === 'ephemeralcontainers'
      ? patchEphemeralContainers(api, ns, name, type, body, opts)
      : patchOne(api, kind, ns, name, type, body, opts),
  validateService,
  validate,
  pushEndpointSubsetErrors,
  serviceIPWarnings,
  pushSelectorErrors,
  pushDeploymentTailErrors,
  pushContainerPortNameErrors,
  pushPodDnsErrors,
  CoreDns,
  Tracer,
  iptablesModeSave,
  ipvsModeSave,
  ipvsadmList,
  parseSelector,
  compileFieldSelector,
  programsOf,
  createLifecycle,
  initAdmit,
  initRun,
  initKill,
  pullWaits,
  envFailures,
  startWithConfigErrors,
  mountFailures,
  failMounts,
  runContainerProcess,
  runProbe,
  defaultProbes,
  probesDefaulted,
  pushProbeErrors,
  defaultRest,
  computePodQOS,
  admitServiceAccount,
  admitsUsualToken,
  dryRunAllocators,
  dropTypeDependentFields,
  allocateHealthCheck,
  allocateServiceUpdate,
  ipFamilyFieldErrors,
  nodePortError,
  clusterIPError,
  pushAnnotationErrors,
  spewHash,
  replicaFailure,
  defaultDaemonSet,
  validateDaemonSet,
  correlateEvent,
  deploymentPause,
  reconcileMirroring,
  deploymentRollout,
  defaultStatefulSet,
  validateStatefulSet,
  defaultJob,
  defaultNewJob,
  validateJob,
  defaultCronJob,
  validateCronJob,
  createFullScheduler,
  addDisruptionTarget,
  evictPod,
  syncEphemeral,
});
