// The facade the other layers (kubectl, state, ui) use to talk to the simulated cluster.
// Everything here is pure data in, pure data out; `createCluster` in ./cluster.ts implements it.
import type { K8sObject, KindName } from './api/types';

export type ProfileName = 'docker-desktop' | 'kind' | 'k3s';
export type ProxyMode = 'iptables' | 'ipvs';

export interface ClusterOptions {
  seed: number;
  profile?: ProfileName;
  proxyMode?: ProxyMode;
}

/** A stable object key, also the React Flow node id: `Pod/default/sleep-1-…`, `Node/docker-desktop`. */
export type ObjectKey = string;

export interface StatusCause {
  /** Field path from the object root, e.g. `spec.ports[0].port`. */
  field: string;
  /** `Required value`, `Invalid value: 0: must be between 1 and 65535, inclusive`, … */
  message: string;
  /** metav1.StatusCause's `reason` (its type), e.g. `DisruptionBudget` on a refused eviction. */
  reason?: string;
}

/** A `metav1.Status` failure, as the API server returns it. kubectl formats these (§B0). */
export interface ApiError {
  code: number; // 400 BadRequest, 404 NotFound, 409 AlreadyExists/Conflict, 422 Invalid
  /**
   * `Unknown` is metav1.StatusReasonUnknown (""): a plain error the server turned into a 500
   * (kubectl prints `Error from server: <message>`, without a reason).
   */
  reason:
    | 'BadRequest'
    | 'NotFound'
    | 'AlreadyExists'
    | 'Conflict'
    | 'Invalid'
    | 'MethodNotAllowed'
    /** 403: an admission plugin's refusal (`pods "x" is forbidden: …`). */
    | 'Forbidden'
    | 'InternalError'
    /** 429: an eviction a PodDisruptionBudget refuses (apiserver/eviction). */
    | 'TooManyRequests'
    | 'Unknown';
  /** The full server message, e.g. `services "x" not found` or `Service "x" is invalid: spec.ports: Required value`. */
  message: string;
  details?: { kind?: string; group?: string; name?: string; causes?: StatusCause[] };
}

export type ApiResult<T = K8sObject> =
  | { ok: true; object: T; warnings?: string[] }
  | { ok: false; error: ApiError };

export type ApplyOp = 'created' | 'configured' | 'unchanged';

export interface ApplyOutcome {
  /** Index of the document in the input list. */
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  result: { ok: true; op: ApplyOp; object: K8sObject } | { ok: false; error: ApiError };
  /** `v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice` etc. */
  warnings: string[];
}

export interface ListOptions {
  /** Omitted = all namespaces (for namespaced kinds). */
  namespace?: string;
  /** kubectl label selector syntax: `app=x,tier!=y,env in (a,b),!k`. */
  labelSelector?: string;
  fieldSelector?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Server-side dry run: see Cluster.delete. */
  dryRun?: boolean;
  /**
   * Through the Eviction subresource (`kubectl drain`): a running Pod first gets the
   * DisruptionTarget condition (EvictionByEvictionAPI), then the delete, once the Pod's
   * PodDisruptionBudget allows it: else 429 TooManyRequests (apiserver/eviction evictPod).
   */
  eviction?: boolean;
}

/**
 * Server-side dry run (`kubectl … --dry-run=server`, `?dryRun=All`) on apply / create / update /
 * delete: the request is defaulted, validated and admitted exactly as the real one (same errors),
 * and the answer is the object the server would have stored (a create's with uid and
 * creationTimestamp set and no resourceVersion; an update's with the stored resourceVersion; a
 * delete's as marked or as it was); nothing is stored or allocated, no resourceVersion moves, no
 * watch event, Event or ChangeBatch follows, no controller runs, and no random stream the real
 * writes use is drawn from (later real writes get the same names and addresses as without it).
 * A dry-run Service create shows the network address of the service range as its ClusterIP
 * (10.96.0.0) and dummy NodePorts from 32769 up, as the API server's dry-run allocators do.
 */
export interface DryRunOption {
  dryRun?: boolean;
}

/**
 * Cluster.patch's options: a dry run, and the subresource the PATCH goes to —
 * `ephemeralcontainers` (pods/NAME/ephemeralcontainers, what `kubectl debug` sends): only
 * spec.ephemeralContainers is taken from the patched Pod, validated by
 * ValidatePodEphemeralContainersUpdate (apiserver/ephemeral.ts).
 */
export interface PatchOptions extends DryRunOption {
  subresource?: 'ephemeralcontainers';
}

/**
 * The PATCH body types (Content-Type): `strategic` (application/strategic-merge-patch+json),
 * `merge` (RFC 7386 application/merge-patch+json), `json` (RFC 6902 application/json-patch+json).
 */
export type PatchType = 'strategic' | 'merge' | 'json';

/** One settled batch of changes, published to subscribers after each advance/apply. */
export interface ChangeBatch {
  at: number; // simulated ms
  added: ObjectKey[];
  updated: ObjectKey[];
  removed: ObjectKey[];
}

export type Listener = (batch: ChangeBatch) => void;

/**
 * One write the API server made to an object, as a watch stream carries it (watch.Event): every
 * create, update (status writes included) and removal, in write order, not merged per batch.
 */
export interface ObjectWatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** The object as written; for DELETED its last state, with the deletion's resourceVersion. */
  object: K8sObject;
  /** For MODIFIED, the object before the write (a label-selected watch turns a drop-out into DELETED). */
  old?: K8sObject | undefined;
  /** Simulated ms of the write. */
  at: number;
}

export type WatchListener = (event: ObjectWatchEvent) => void;

// ------------------------------------------------------------------ network

export type TraceSource =
  | { kind: 'pod'; key: ObjectKey } // a Pod's network namespace
  | { kind: 'node'; name: string } // a node's host network
  | { kind: 'host' }; // the student's machine, outside the cluster (localhost, port-forward)

export type TraceProtocol = 'ICMP' | 'TCP' | 'UDP';

/**
 * A graph endpoint for one hop: an object key (`Pod/default/x`, `Service/kube-system/kube-dns`,
 * `Node/docker-desktop`), `kube-proxy/<node>`, `host`, or `external:<hostname-or-ip>`.
 */
export type HopRef = string;

export type HopKind =
  | 'dns-query' // resolver → CoreDNS (through the kube-dns Service)
  | 'dns-answer' // CoreDNS → resolver: A / CNAME records
  | 'dns-nxdomain'
  | 'send' // packet leaves the source
  | 'rule' // a kube-proxy rule matched (or, for `no-rule`, none did)
  | 'no-rule'
  | 'dnat' // destination rewritten to an endpoint
  | 'reject' // REJECT rule: icmp-port-unreachable back to the client
  | 'forward' // crosses to another node
  | 'deliver' // arrives at the receiving Pod / node / external host
  | 'reply' // the answer travels back
  | 'drop'; // lost: nothing owns the address, or no route

export interface Hop {
  kind: HopKind;
  from: HopRef;
  to: HopRef;
  /** Short text for the graph label, e.g. `A? sleep-2.default.svc.cluster.local`. */
  label: string;
  /** `label` in machine form when it is prose (absent for notation such as `DNAT → 10.1.0.5:80`). */
  textCode?: TextCode;
  /** The iptables-save line that matched, when kind is rule / dnat / reject. */
  rule?: string;
  /** Simulated time offset from the trace start, in ms. */
  atMs: number;
}

export type Verdict =
  | 'delivered' // reached a listener (and it answered)
  | 'no-reply' // sent, nobody answered (ICMP to a ClusterIP in iptables mode)
  | 'refused' // connection refused: REJECT (no endpoints) or nothing listening
  | 'nxdomain' // name does not resolve
  | 'timeout'; // SYN to an unroutable address, never answered

export interface Trace {
  id: string;
  source: TraceSource;
  /** The destination as typed (name or IP). */
  destination: string;
  protocol: TraceProtocol;
  port?: number;
  /** The resolved address (ClusterIP, Pod IP, external IP), when resolution succeeded. */
  resolvedIP?: string;
  /** Final backend after DNAT, when there was one. */
  endpoint?: { ip: string; port: number; pod?: ObjectKey };
  hops: Hop[];
  verdict: Verdict;
  /** Plain words: "ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns 10.98.2.165, so nothing answers". */
  reason: string;
  /** `reason` in machine form, for the UI's message catalogue (src/ui/i18n/messages-trace.ts). */
  reasonCode?: TextCode;
  startedAt: number;
}

/**
 * A sentence in machine form: a message key of the UI's trace catalogue and its parameters. Notation
 * (addresses, object names, chains, rules) is passed as a string; a nested sentence as a TextCode; a
 * list of sentences is shown joined by `; `. Rendering the English message gives the core's English text.
 */
export interface TextCode {
  key: string;
  params: Record<string, TextParam>;
}
export type TextParam = string | number | TextCode | TextCode[];

export type DnsQType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

export interface DnsRecord {
  name: string; // FQDN without trailing dot, lowercase
  type: 'A' | 'AAAA' | 'CNAME' | 'SRV' | 'PTR';
  value: string; // IP, target name, or `0 100 53 kube-dns.kube-system.svc.cluster.local`
  ttl: number;
  /** Which object produced it (for the DNS table / graph). */
  owner?: ObjectKey;
}

/** One DNS question and the server's answer, as a resolver sees it. */
export interface DnsAnswer {
  question: string;
  qtype: DnsQType;
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'TIMEOUT';
  records: DnsRecord[];
  authoritative: boolean;
}

export interface TraceRequest {
  source: TraceSource;
  /** Name or IP, as typed. Names are resolved through the source's resolv.conf (musl rules). */
  destination: string;
  protocol: TraceProtocol;
  port?: number;
}

export interface ClusterNet {
  /** Every record CoreDNS would serve now, sorted by name then type. */
  dnsRecords(): DnsRecord[];
  /** One query straight to CoreDNS (no search list). */
  query(name: string, qtype: DnsQType): DnsAnswer;
  /** The Pod's /etc/resolv.conf text. */
  resolvConf(podKey: ObjectKey): string;
  /**
   * musl getaddrinfo: the queries tried, in order, and the address found (if any). `server`: the
   * graph node of the nameserver that answered the last question (the first one listed when none
   * did); absent for /etc/hosts, address literals and resolvers outside a Pod. `timeoutMs`: how
   * long musl waits for a question nobody answers (resolv.conf `options timeout:`, 5 s).
   */
  resolve(
    source: TraceSource,
    name: string,
  ): { queries: DnsAnswer[]; ip?: string; canonicalName?: string; server?: HopRef; timeoutMs?: number };
  /** Follow one packet / connection attempt; the seeded load-balancing rng picks the endpoint. */
  trace(req: TraceRequest): Trace;
  /** `iptables-save` text (nat + filter tables) on that node. */
  iptablesSave(nodeName: string): string;
}

export interface Cluster {
  readonly seed: number;
  readonly profile: ProfileName;
  readonly proxyMode: ProxyMode;
  readonly net: ClusterNet;

  /** Simulated wall clock, epoch ms. */
  now(): number;
  /** Move simulated time forward, running every timer and controller due on the way. */
  advance(ms: number): void;
  /** Run controllers until no work is queued at the current instant (no time passes). */
  runUntilIdle(): void;

  /** `kubectl apply` semantics per document; documents are plain objects from YAML/JSON. */
  apply(docs: unknown[], opts?: { namespace?: string; source?: string; dryRun?: boolean }): ApplyOutcome[];
  /** `kubectl create` semantics (AlreadyExists if present). `dryRun`: see DryRunOption. */
  create(doc: unknown, opts?: { namespace?: string; dryRun?: boolean }): ApiResult;
  /**
   * `kubectl replace -f`: a PUT of the document (strict decoding, NotFound if absent, the stored
   * resourceVersion filled in when the document has none, Conflict when it names another).
   * `saveConfig`: --save-config writes the last-applied annotation. `dryRun`: see DryRunOption.
   */
  replace(doc: unknown, opts?: { namespace?: string; dryRun?: boolean; saveConfig?: boolean }): ApiResult;
  /** Replace an existing object (scale, label, rollout restart); validation applies. `dryRun`: see DryRunOption. */
  update(obj: K8sObject, opts?: DryRunOption): ApiResult;
  /**
   * PATCH `body` (the request body as sent, JSON text) onto the stored object on the server side:
   * the patch is applied there (strategic merge with the built-in types' merge keys), then the
   * ordinary update runs (defaulting, validation, immutable fields). Unknown fields are dropped
   * and answered as `warnings` (field validation Warn). Used by kubectl patch, annotate and set.
   * `dryRun`: see DryRunOption; `subresource`: see PatchOptions.
   */
  patch(
    kind: KindName,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: string,
    opts?: PatchOptions,
  ): ApiResult;
  /** `opts.dryRun`: see DryRunOption. */
  delete(kind: KindName, namespace: string | undefined, name: string, opts?: DeleteOptions): ApiResult;

  get(kind: KindName, namespace: string | undefined, name: string): K8sObject | undefined;
  /** Sorted by namespace, then name (etcd key order). */
  list(kind: KindName, opts?: ListOptions): K8sObject[];

  subscribe(listener: Listener): () => void;
  /**
   * A watch on one kind (`kubectl get -w`): one event per write to an object of `kind`, in any
   * namespace (the watcher filters), from now on, in write order. Events are handed over once the
   * operation that wrote them (advance, apply, …) has settled, before its ChangeBatch; the returned
   * function ends the watch and nothing reaches the listener after it. Costs writes nothing while
   * no watch is open.
   */
  watch(kind: KindName, listener: WatchListener): () => void;
}
