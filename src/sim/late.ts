// Parts of the core bound late: the packet tracer, CoreDNS's answers, the kube-proxy rule printers,
// apply (strict decoding against the API schema), patch and the label selector string parser. None of them is needed for the first graph —
// tracing, name lookups and rule views come from the terminal, the traffic controls and the
// inspector, and apply from kubectl — so the page loads them with the kubectl chunk (see
// src/state/core.ts) instead of in the JS that must arrive before the first paint. Headless code gets
// them through src/sim/cluster.ts, which imports ./late-impl.
import type { parseSelector } from './api/selector-parse';
import type { applyOne } from './apiserver/apply';
import type { defaultCronJob } from './apiserver/defaults-cronjob';
import type { defaultDaemonSet } from './apiserver/defaults-daemonset';
import type { defaultJob, defaultNewJob } from './apiserver/defaults-job';
import type { defaultRest } from './apiserver/defaults-late';
import type { defaultStatefulSet } from './apiserver/defaults-statefulset';
import type { correlateEvent } from './apiserver/events-correlator';
import type { addDisruptionTarget, evictPod } from './apiserver/eviction';
import type { compileFieldSelector } from './apiserver/field-selectors';
import type { patchOne } from './apiserver/patch';
import type { buildPublished } from './apiserver/published-build';
import type { computePodQOS } from './apiserver/qos';
import type { admitServiceAccount, admitsUsualToken } from './apiserver/sa-admission-late';
import type {
  allocateHealthCheck,
  allocateServiceUpdate,
  clusterIPError,
  dropTypeDependentFields,
  dryRunAllocators,
  ipFamilyFieldErrors,
  nodePortError,
} from './apiserver/service-late';
import type { validate } from './apiserver/validation';
import type { pushAnnotationErrors } from './apiserver/validation-annotations';
import type { validateCronJob } from './apiserver/validation-cronjob';
import type { validateDaemonSet } from './apiserver/validation-daemonset';
import type {
  pushContainerPortNameErrors,
  pushDeploymentTailErrors,
  pushSelectorErrors,
} from './apiserver/validation-deployment';
import type { pushEndpointSubsetErrors } from './apiserver/validation-endpoints';
import type { serviceIPWarnings } from './apiserver/validation-ip-warnings';
import type { validateJob } from './apiserver/validation-job';
import type { pushPodDnsErrors } from './apiserver/validation-pod-dns';
import type { validateService } from './apiserver/validation-service';
import type { validateStatefulSet } from './apiserver/validation-statefulset';
import type { publisherKeys, publisherSync } from './controllers/daemonset-sync';
import type { deploymentPause } from './controllers/deployment-paused';
import type { deploymentRollout } from './controllers/deployment-rollout';
import type { reconcileMirroring } from './controllers/endpointslice-mirroring-sync';
import type { replicaFailure } from './controllers/replicaset-failure';
import type { spewHash } from './controllers/spew';
import type { envFailures, failMounts, mountFailures, startWithConfigErrors } from './kubelet/config-refs';
import type { syncEphemeral } from './kubelet/ephemeral';
import type { initAdmit, initKill, initRun } from './kubelet/init-containers';
import type { createLifecycle } from './kubelet/lifecycle';
import type { defaultProbes, probesDefaulted, pushProbeErrors } from './kubelet/probe-api';
import type { programsOf } from './kubelet/program';
import type { pullWaits } from './kubelet/pull-waits';
import type { createFullScheduler } from './kubelet/scheduler-full';
import type { CoreDns } from './net/dns';
import type { iptablesModeSave, ipvsadmList, ipvsModeSave } from './net/iptables';
import type { Tracer } from './net/trace';
import type { runContainerProcess } from './workloads/oneshot';
import type { runProbe } from './workloads/probe';

export interface LateParts {
  /** The contents of the objects published into each namespace (kube-root-ca.crt, default SA, coredns). */
  buildPublished: typeof buildPublished;
  /** The DaemonSet controller of the boot DaemonSets and the republishers (controllers/publishers). */
  publisherKeys: typeof publisherKeys;
  publisherSync: typeof publisherSync;
  applyOne: typeof applyOne;
  /** Server-side PATCH (JSON, merge and strategic merge patch). */
  patchOne: typeof patchOne;
  /** ValidateService / ValidateServiceUpdate (only a user's Services can fail them). */
  validateService: typeof validateService;
  /** An Endpoints address's IP checks (only a user's Endpoints can fail them). */
  /** The API server's validation of every write (server.ts; the boot's objects are valid by construction). */
  validate: typeof validate;
  /** validateEndpointSubsets in full (only a user's Endpoints can fail it). */
  pushEndpointSubsetErrors: typeof pushEndpointSubsetErrors;
  /** GetWarningsForService's IP/CIDR warnings (a user's Service write; not yet sent by server.ts). */
  serviceIPWarnings: typeof serviceIPWarnings;
  /** A Deployment's or ReplicaSet's label selector checks, and a Deployment's strategy and timings. */
  pushSelectorErrors: typeof pushSelectorErrors;
  pushDeploymentTailErrors: typeof pushDeploymentTailErrors;
  /** A Pod spec's dnsConfig (validatePodDNSConfig; only the student's Pods have one). */
  pushPodDnsErrors: typeof pushPodDnsErrors;
  /** A container port's name (an IANA service name, unique in the container). */
  pushContainerPortNameErrors: typeof pushContainerPortNameErrors;
  /** The label selector string parser (Store.list with a labelSelector). */
  parseSelector: typeof parseSelector;
  /** Field selectors: parse, the kind's field label conversion, its field set (Store.list). */
  compileFieldSelector: typeof compileFieldSelector;
  CoreDns: typeof CoreDns;
  Tracer: typeof Tracer;
  iptablesModeSave: typeof iptablesModeSave;
  ipvsModeSave: typeof ipvsModeSave;
  ipvsadmList: typeof ipvsadmList;
  /**
   * Containers whose process ends (the kubelet's lifecycle.ts, what each container runs, and the
   * workloads' command tables that run it): only Pods the student creates have them.
   */
  programsOf: typeof programsOf;
  createLifecycle: typeof createLifecycle;
  /** spec.initContainers and sidecars (kubelet/init-containers.ts; only the student's Pods have them). */
  initAdmit: typeof initAdmit;
  initRun: typeof initRun;
  initKill: typeof initKill;
  /** Containers waiting on their image, and the pull back-off (kubelet/pull-waits.ts). */
  pullWaits: typeof pullWaits;
  runContainerProcess: typeof runContainerProcess;
  /**
   * ConfigMaps and Secrets a Pod reads that do not exist (the kubelet's CreateContainerConfigError
   * and FailedMount; only the student's Pods read any but kube-root-ca.crt).
   */
  envFailures: typeof envFailures;
  startWithConfigErrors: typeof startWithConfigErrors;
  mountFailures: typeof mountFailures;
  failMounts: typeof failMounts;
  /** One run of a container's probe (only Pods the student writes have probes). */
  runProbe: typeof runProbe;
  /** Probe defaulting and validation (the API server's; only the student's Pods have probes). */
  defaultProbes: typeof defaultProbes;
  probesDefaulted: typeof probesDefaulted;
  pushProbeErrors: typeof pushProbeErrors;
  /**
   * The defaulting of env, lifecycle hooks, volumes and ephemeral containers, and the Pod-only
   * requests and host ports (only the student's objects have them).
   */
  defaultRest: typeof defaultRest;
  /** The ServiceAccount admission plugin's lookup, automount choice and init-container mounts. */
  admitServiceAccount: typeof admitServiceAccount;
  /** Whether that plugin only mounts the token, the usual way (the API server's Pod stamps). */
  admitsUsualToken: typeof admitsUsualToken;
  /** A Pod's QoS class by quantity value (the boot's own Pods get ./apiserver/defaults' bootQOS). */
  computePodQOS: typeof computePodQOS;
  /** The allocators of a server-side dry run (only kubectl asks for one). */
  dryRunAllocators: typeof dryRunAllocators;
  /** Service fields a type change drops (only a user's write updates a Service). */
  dropTypeDependentFields: typeof dropTypeDependentFields;
  /** healthCheckNodePort of a LoadBalancer with Local traffic policy (only the student's). */
  allocateHealthCheck: typeof allocateHealthCheck;
  /** A Service update's allocation (BeginUpdate: only a user's write updates a Service). */
  allocateServiceUpdate: typeof allocateServiceUpdate;
  /** initIPFamilyFields' checks and the allocators' refusals (only a user's Service fails them). */
  ipFamilyFieldErrors: typeof ipFamilyFieldErrors;
  nodePortError: typeof nodePortError;
  clusterIPError: typeof clusterIPError;
  /** ValidateAnnotations (keys, 256 KiB in total). */
  pushAnnotationErrors: typeof pushAnnotationErrors;
  /**
   * FNV-32a of go-spew's dump of a pod template, the pod-template-hash before collisionCount (its
   * Go struct tables are ~4 KiB gzip; the boot-time templates' are kept in controllers/deployment-hash).
   */
  spewHash: typeof spewHash;
  /** A refused Pod create: ReplicaFailure conditions and the rate-limited retry (controllers/replicaset-failure). */
  replicaFailure: typeof replicaFailure;
  /** A user's DaemonSet: SetDefaults_DaemonSet and the strategy's TemplateGeneration (boot's are lazy). */
  defaultDaemonSet: typeof defaultDaemonSet;
  /** ValidateDaemonSet / ValidateDaemonSetUpdate (only a user's DaemonSet is written). */
  validateDaemonSet: typeof validateDaemonSet;
  /**
   * Event recording through client-go's EventCorrelator (similar-event aggregation, the per-object
   * spam filter): both need 10 or 25 Events about one object, which the boot never records.
   */
  correlateEvent: typeof correlateEvent;
  /** A paused Deployment's sync and its DeploymentPaused/Resumed conditions (only a user pauses one). */
  deploymentPause: typeof deploymentPause;
  /** A user's StatefulSet: SetDefaults_StatefulSet and ValidateStatefulSet(Update) (the controller: daemonset-sync). */
  defaultStatefulSet: typeof defaultStatefulSet;
  validateStatefulSet: typeof validateStatefulSet;
  /** A user's Job: SetDefaults_Job + generateSelector and ValidateJob(Update) (the controller: daemonset-sync). */
  defaultJob: typeof defaultJob;
  defaultNewJob: typeof defaultNewJob;
  validateJob: typeof validateJob;
  /** A user's CronJob: SetDefaults_CronJob and ValidateCronJob(Create|Update) (the controller: late-impl's publisher dispatch). */
  defaultCronJob: typeof defaultCronJob;
  validateCronJob: typeof validateCronJob;
  /** A Deployment's rollout between ReplicaSets and the old ones' clean-up (only after a student's change). */
  deploymentRollout: typeof deploymentRollout;
  /** The EndpointSlice mirroring controller's sync (only a student's Endpoints are mirrored). */
  reconcileMirroring: typeof reconcileMirroring;
  /** kube-scheduler's default profile for the Pods created after boot (kubelet/scheduler-full). */
  createFullScheduler: typeof createFullScheduler;
  /** The DisruptionTarget condition of an eviction (apiserver/eviction; only `kubectl drain` evicts). */
  addDisruptionTarget: typeof addDisruptionTarget;
  /** POST pods/NAME/eviction: the PodDisruptionBudget check, then the delete (apiserver/eviction). */
  evictPod: typeof evictPod;
  /**
   * The kubelet's ephemeral containers (kubectl debug adds them through PATCH
   * pods/NAME/ephemeralcontainers: `patchOne` with `subresource`, apiserver/ephemeral).
   */
  syncEphemeral: typeof syncEphemeral;
}

let parts: LateParts | undefined;

/** Called once by ./late-impl when its module is evaluated. */
export function provideLateParts(p: LateParts): void {
  parts = p;
}

export function latePartsLoaded(): boolean {
  return parts !== undefined;
}

/** The late parts; throws if ./late-impl was never imported (a wiring bug, not user input). */
export function late(): LateParts {
  if (!parts)
    throw new Error(
      'sim/late-impl is not loaded (src/sim/cluster imports it; the page loads it with kubectl)',
    );
  return parts;
}
