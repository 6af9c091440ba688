// A JSON schema for the kinds the playground simulates (Deployment, DaemonSet, StatefulSet, Job, CronJob, Service, Endpoints, Pod,
// Namespace, ConfigMap, Secret, ServiceAccount),
// written from the Kubernetes 1.34 API reference: required fields, enums, and descriptions for hover.
// `additionalProperties: false` mirrors the API server's strict field validation (`kubectl apply`
// defaults to --validate=strict, so an unknown field such as `selecter:` is rejected).
type Schema = Record<string, unknown>;

const str = (description: string, extra: Schema = {}): Schema => ({ type: 'string', description, ...extra });
const int = (description: string, extra: Schema = {}): Schema => ({ type: 'integer', description, ...extra });
const bool = (description: string): Schema => ({ type: 'boolean', description });
const strMap = (description: string): Schema => ({
  type: 'object',
  description,
  additionalProperties: { type: ['string'] },
});
const obj = (description: string, properties: Schema, required: string[] = [], strict = true): Schema => ({
  type: 'object',
  description,
  properties,
  ...(required.length > 0 ? { required } : {}),
  ...(strict ? { additionalProperties: false } : {}),
});
const arr = (description: string, items: Schema, extra: Schema = {}): Schema => ({
  type: 'array',
  description,
  items,
  ...extra,
});
/** Free-form objects we do not simulate in detail (probes, resources, volumes, status). */
const free = (description: string): Schema => ({ type: 'object', description });

const port = (d: string) => int(d, { minimum: 1, maximum: 65535 });
const intOrString = (description: string): Schema => ({ type: ['integer', 'string'], description });

const metadata = obj('Standard object metadata: the name, namespace and labels of the object.', {
  name: str(
    'Name must be unique within a namespace. Pods, Services and Deployments use DNS-compatible names.',
  ),
  generateName: str('Prefix for a server-generated name, used when name is empty.'),
  namespace: str('The namespace the object lives in; "default" when not given.'),
  labels: strMap('Key/value pairs used by selectors: a Service selects Pods by their labels.'),
  annotations: strMap('Non-identifying metadata for tools.'),
  uid: str('Set by the server.'),
  resourceVersion: str('Set by the server; changes on every write.'),
  generation: int('Set by the server; increments when the spec changes.'),
  creationTimestamp: { type: ['string', 'null'], description: 'Set by the server.' },
  deletionTimestamp: str('Set by the server when the object is being deleted.'),
  deletionGracePeriodSeconds: int('Set by the server.'),
  ownerReferences: arr('Objects this one depends on (a Pod is owned by its ReplicaSet).', { type: 'object' }),
  finalizers: arr('Must be empty before the object is deleted.', { type: 'string' }),
  managedFields: arr('Set by the server (server-side apply bookkeeping).', { type: 'object' }),
});

const protocol = str('Network protocol: TCP (default), UDP or SCTP.', { enum: ['TCP', 'UDP', 'SCTP'] });

const containerPort = obj(
  'A port the container listens on (informational: traffic reaches any port the process opens).',
  {
    containerPort: port('Port number on the Pod IP, 1-65535.'),
    name: str('Name a Service targetPort can refer to (IANA_SVC_NAME, at most 15 characters).'),
    protocol,
    hostPort: port('Port on the node to expose the container on (rarely needed).'),
    hostIP: str('Host IP to bind the hostPort to.'),
  },
  ['containerPort'],
);

const container = obj(
  'A container in the Pod.',
  {
    name: str('Name of the container, unique within the Pod (DNS label).'),
    image: str('Container image, e.g. kiamol/ch03-sleep.'),
    imagePullPolicy: str('When to pull the image.', { enum: ['Always', 'IfNotPresent', 'Never'] }),
    command: arr('Entrypoint array (replaces the image ENTRYPOINT).', { type: 'string' }),
    args: arr('Arguments to the entrypoint (replace the image CMD).', { type: 'string' }),
    workingDir: str('Working directory.'),
    ports: arr('Ports the container exposes.', containerPort),
    env: arr(
      'Environment variables.',
      obj(
        'An environment variable.',
        { name: str('Variable name.'), value: str('Value.'), valueFrom: free('Source.') },
        ['name'],
      ),
    ),
    envFrom: arr('Sources of environment variables.', { type: 'object' }),
    resources: free('CPU and memory requests and limits.'),
    readinessProbe: free('Readiness probe: the Pod is an endpoint of its Services only when ready.'),
    livenessProbe: free('Liveness probe: the container is restarted when it fails.'),
    startupProbe: free('Startup probe.'),
    volumeMounts: arr('Volumes mounted into the container.', { type: 'object' }),
    securityContext: free('Security options.'),
    stdin: bool('Keep stdin open.'),
    tty: bool('Allocate a TTY.'),
  },
  ['name', 'image'],
);

const podSpec = obj(
  'What runs in the Pod.',
  {
    containers: arr('The containers of the Pod; at least one.', container, { minItems: 1 }),
    initContainers: arr('Containers that run to completion before the others start.', container),
    restartPolicy: str('Restart policy for the containers.', { enum: ['Always', 'OnFailure', 'Never'] }),
    terminationGracePeriodSeconds: int(
      'Seconds between SIGTERM and SIGKILL when the Pod is deleted (default 30).',
    ),
    dnsPolicy: str('How the Pod resolves names; ClusterFirst uses the cluster DNS (CoreDNS).', {
      enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
    }),
    dnsConfig: free('Extra DNS options (nameservers, searches, options).'),
    hostname: str('Pod hostname.'),
    subdomain: str('Subdomain (with a headless Service of that name, gives the Pod a DNS record).'),
    nodeName: str('Run on this node (skips the scheduler).'),
    nodeSelector: strMap('Run only on nodes with these labels.'),
    hostNetwork: bool("Use the node's network namespace."),
    serviceAccountName: str('Service account the Pod runs as.'),
    automountServiceAccountToken: bool('Mount the service account token.'),
    volumes: arr('Volumes the containers can mount.', { type: 'object' }),
    securityContext: free('Pod-level security options.'),
    affinity: free('Scheduling constraints.'),
    tolerations: arr('Taints the Pod tolerates.', { type: 'object' }),
  },
  ['containers'],
);

const labelSelector = obj('A label query over Pods.', {
  matchLabels: strMap('Pods must have all these labels (AND).'),
  matchExpressions: arr(
    'Set-based requirements.',
    obj(
      'A selector requirement.',
      {
        key: str('Label key.'),
        operator: str('Relation of the key to the values.', {
          enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'],
        }),
        values: arr('Values (empty for Exists / DoesNotExist).', { type: 'string' }),
      },
      ['key', 'operator'],
    ),
  ),
});

const podTemplate = obj(
  'The Pods to create: their labels must match the selector.',
  { metadata, spec: podSpec },
  [],
);

const status = free('Written by the cluster; ignored when you apply.');

const servicePort = obj(
  'A port the Service exposes.',
  {
    port: port('The port the Service listens on, on its ClusterIP.'),
    targetPort: intOrString('Port (number or the name of a containerPort) on the Pods; defaults to port.'),
    nodePort: int('Port on every node (NodePort / LoadBalancer), 30000-32767; random when omitted.', {
      minimum: 1,
      maximum: 65535,
    }),
    protocol,
    name: str('Required when there is more than one port (DNS label).'),
    appProtocol: str('Application protocol hint (e.g. http).'),
  },
  ['port'],
);

const serviceSpec = obj('How the Service is reached and which Pods receive the traffic.', {
  type: str(
    'ClusterIP (default): a virtual IP inside the cluster. NodePort: also a port on every node. LoadBalancer: also an external address. ExternalName: a DNS alias (CNAME).',
    { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
  ),
  selector: strMap(
    'Traffic goes to Pods whose labels match all of these. No selector: manage Endpoints yourself.',
  ),
  ports: arr('The ports the Service exposes.', servicePort),
  clusterIP: str(
    'The virtual IP; allocated when omitted. "None" makes a headless Service (DNS returns Pod IPs).',
  ),
  clusterIPs: arr('ClusterIPs (dual stack).', { type: 'string' }),
  externalName: str('For type ExternalName: the DNS name the Service is an alias for.'),
  externalIPs: arr('Extra IPs the Service is reachable on.', { type: 'string' }),
  externalTrafficPolicy: str('Cluster: any node forwards to any Pod. Local: only to Pods on that node.', {
    enum: ['Cluster', 'Local'],
  }),
  internalTrafficPolicy: str('Cluster or Local routing for traffic from inside the cluster.', {
    enum: ['Cluster', 'Local'],
  }),
  sessionAffinity: str('ClientIP pins a client to one Pod.', { enum: ['None', 'ClientIP'] }),
  sessionAffinityConfig: free('Session affinity timeout.'),
  loadBalancerIP: str('Requested external IP (deprecated).'),
  loadBalancerSourceRanges: arr('Allowed client CIDRs.', { type: 'string' }),
  loadBalancerClass: str('Which load-balancer implementation handles the Service.'),
  publishNotReadyAddresses: bool('Publish Pods in DNS before they are ready.'),
  ipFamilyPolicy: str('IP family policy.', { enum: ['SingleStack', 'PreferDualStack', 'RequireDualStack'] }),
  ipFamilies: arr('IP families.', { type: 'string', enum: ['IPv4', 'IPv6'] }),
  allocateLoadBalancerNodePorts: bool('Allocate node ports for a LoadBalancer (default true).'),
});

const deploymentSpec = obj(
  'The desired state: how many Pods, which ones (selector) and what they run (template).',
  {
    replicas: int('Number of Pods (default 1).', { minimum: 0 }),
    selector: labelSelector,
    template: podTemplate,
    strategy: free('RollingUpdate (default) or Recreate.'),
    minReadySeconds: int('Seconds a new Pod must be ready before it counts as available.'),
    revisionHistoryLimit: int('Old ReplicaSets to keep (default 10).'),
    progressDeadlineSeconds: int('Seconds before a stalled rollout is reported (default 600).'),
    paused: bool('Pause the rollout.'),
  },
  ['selector', 'template'],
);

const daemonSetSpec = obj(
  'The desired state: which Pods (selector) run on every eligible node, and what they run (template).',
  {
    selector: labelSelector,
    template: podTemplate,
    updateStrategy: obj('How a template change replaces the Pods.', {
      type: str('RollingUpdate (default): node by node. OnDelete: only when a Pod is deleted.', {
        enum: ['RollingUpdate', 'OnDelete'],
      }),
      rollingUpdate: obj('RollingUpdate settings.', {
        maxUnavailable: intOrString(
          'Nodes whose Pod may be unavailable during the update (number or percent, default 1).',
        ),
        maxSurge: intOrString(
          'Nodes that may run an extra new Pod during the update (number or percent, default 0).',
        ),
      }),
    }),
    minReadySeconds: int('Seconds a new Pod must be ready before it counts as available.'),
    revisionHistoryLimit: int('Old revisions to keep (default 10).'),
  },
  ['selector', 'template'],
);

const statefulSetSpec = obj(
  'The desired state: how many Pods, each with a stable name <statefulset>-<ordinal> and DNS name under the governing headless Service (serviceName).',
  {
    replicas: int('Number of Pods (default 1).', { minimum: 0 }),
    selector: labelSelector,
    template: podTemplate,
    volumeClaimTemplates: arr(
      'PersistentVolumeClaims each Pod gets (<claim>-<statefulset>-<ordinal>); not simulated: no claim objects are made.',
      { type: 'object' },
    ),
    serviceName: str(
      'The headless Service that gives each Pod its DNS name: <pod>.<serviceName>.<namespace>.svc.cluster.local.',
    ),
    podManagementPolicy: str(
      'OrderedReady (default): Pods are created one by one, each after the previous is Running and Ready, and removed in reverse. Parallel: all at once.',
      { enum: ['OrderedReady', 'Parallel'] },
    ),
    updateStrategy: obj('How a template change replaces the Pods.', {
      type: str(
        'RollingUpdate (default): from the highest ordinal down. OnDelete: only when a Pod is deleted.',
        {
          enum: ['RollingUpdate', 'OnDelete'],
        },
      ),
      rollingUpdate: obj('RollingUpdate settings.', {
        partition: int('Only Pods with an ordinal at or above the partition are updated (default 0).', {
          minimum: 0,
        }),
        maxUnavailable: intOrString(
          'Alpha in 1.34 (MaxUnavailableStatefulSet, off): dropped by the API server.',
        ),
      }),
    }),
    revisionHistoryLimit: int('Old revisions to keep (default 10).'),
    minReadySeconds: int('Seconds a new Pod must be ready before it counts as available.'),
    persistentVolumeClaimRetentionPolicy: obj(
      'What happens to the claims when the StatefulSet is deleted or scaled down.',
      {
        whenDeleted: str('Retain (default) or Delete.', { enum: ['Retain', 'Delete'] }),
        whenScaled: str('Retain (default) or Delete.', { enum: ['Retain', 'Delete'] }),
      },
    ),
    ordinals: obj('The ordinals the Pods are numbered from.', {
      start: int('The first ordinal (default 0).', { minimum: 0 }),
    }),
  },
  ['selector', 'template'],
);

const endpointAddress = obj(
  'An endpoint address.',
  {
    ip: str('The IP of the endpoint.'),
    hostname: str('Hostname of the endpoint.'),
    nodeName: str('Node hosting the endpoint.'),
    targetRef: free('The object providing the endpoint (usually a Pod).'),
  },
  ['ip'],
);

const endpointsSubset = obj('A group of addresses sharing the same ports.', {
  addresses: arr('Ready addresses.', endpointAddress),
  notReadyAddresses: arr('Addresses that are not ready yet.', endpointAddress),
  ports: arr(
    'Ports of the endpoints.',
    obj(
      'An endpoint port.',
      { port: port('Port number.'), name: str('Port name.'), protocol, appProtocol: str('') },
      ['port'],
    ),
  ),
});

// batch/v1 JobSpec (k8s.io/api v0.34.9 batch/v1 types.go doc comments, shortened).
const jobSpec = obj(
  'The desired state: Pods that run to completion (restartPolicy Never or OnFailure), retried with a back-off until backoffLimit.',
  {
    parallelism: int('Pods running at once (default 1).', { minimum: 0 }),
    completions: int('Successful Pods needed (default 1; unset with parallelism set: any one success).', {
      minimum: 0,
    }),
    activeDeadlineSeconds: int('Seconds after the start before the Job is failed (DeadlineExceeded).', {
      minimum: 0,
    }),
    backoffLimit: int('Failed Pods before the Job is failed (default 6).', { minimum: 0 }),
    selector: labelSelector,
    manualSelector: bool('Keep your own selector (default false: the server generates one from the uid).'),
    template: podTemplate,
    ttlSecondsAfterFinished: int('Seconds after the Job finishes before it is deleted.', { minimum: 0 }),
    completionMode: str('NonIndexed (default) or Indexed (not simulated).', {
      enum: ['NonIndexed', 'Indexed'],
    }),
    suspend: bool('true: no Pods are created (running ones are deleted).'),
    podReplacementPolicy: str(
      'When a replacement Pod is made: TerminatingOrFailed (default) or Failed (once the old Pod has fully failed).',
      { enum: ['TerminatingOrFailed', 'Failed'] },
    ),
    podFailurePolicy: free('Rules on exit codes and Pod conditions (not simulated).'),
    successPolicy: free('When an Indexed Job counts as succeeded (not simulated).'),
    backoffLimitPerIndex: int('Per-index back-off limit of an Indexed Job (not simulated).'),
    maxFailedIndexes: int('Failed indexes before an Indexed Job fails (not simulated).'),
    managedBy: str('The controller that manages the Job (only the built-in one here).'),
  },
  ['template'],
);

// batch/v1 CronJobSpec (k8s.io/api v0.34.9 batch/v1 types.go doc comments, shortened).
const cronJobSpec = obj(
  'The desired state: a Job made from jobTemplate at each time of the cron schedule.',
  {
    schedule: str(
      'The cron schedule: 5 fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @every 1h…',
    ),
    timeZone: str("The IANA time zone of the schedule (default: the controller's, UTC here)."),
    startingDeadlineSeconds: int('Seconds after a missed start during which the Job may still start.', {
      minimum: 0,
    }),
    concurrencyPolicy: str(
      'While a Job still runs: Allow (default) another, Forbid it, or Replace the running one.',
      {
        enum: ['Allow', 'Forbid', 'Replace'],
      },
    ),
    suspend: bool('true: no new Jobs start (default false).'),
    jobTemplate: obj('The Job each run makes.', { metadata, spec: jobSpec }, ['spec']),
    successfulJobsHistoryLimit: int('Completed Jobs to keep (default 3).', { minimum: 0 }),
    failedJobsHistoryLimit: int('Failed Jobs to keep (default 1).', { minimum: 0 }),
  },
  ['schedule', 'jobTemplate'],
);

function kindSchema(
  apiVersion: string,
  kind: string,
  description: string,
  extra: Schema,
  required: string[],
): Schema {
  return {
    type: 'object',
    description,
    properties: {
      apiVersion: str(`API version: ${apiVersion}.`, { enum: [apiVersion] }),
      kind: str(`Kind: ${kind}.`, { enum: [kind] }),
      metadata,
      status,
      ...extra,
    },
    required: ['apiVersion', 'kind', 'metadata', ...required],
    additionalProperties: false,
  };
}

const kinds: Record<string, Schema> = {
  Deployment: kindSchema(
    'apps/v1',
    'Deployment',
    'A Deployment manages a ReplicaSet, which keeps the wanted number of Pods running.',
    { spec: deploymentSpec },
    ['spec'],
  ),
  DaemonSet: kindSchema(
    'apps/v1',
    'DaemonSet',
    'A DaemonSet runs one Pod on every node that can take it (a node-level agent).',
    { spec: daemonSetSpec },
    ['spec'],
  ),
  StatefulSet: kindSchema(
    'apps/v1',
    'StatefulSet',
    'A StatefulSet runs Pods with stable names (web-0, web-1, …) and, under a headless Service, stable DNS names.',
    { spec: statefulSetSpec },
    ['spec'],
  ),
  Job: kindSchema(
    'batch/v1',
    'Job',
    'A Job runs Pods until a number of them succeed (a one-off command), retrying failed ones.',
    { spec: jobSpec },
    ['spec'],
  ),
  CronJob: kindSchema(
    'batch/v1',
    'CronJob',
    'A CronJob runs a Job on a cron schedule (minutes, hours, days…).',
    { spec: cronJobSpec },
    ['spec'],
  ),
  Service: kindSchema(
    'v1',
    'Service',
    'A Service gives a stable virtual IP and DNS name to a set of Pods chosen by a label selector.',
    { spec: serviceSpec },
    [],
  ),
  Endpoints: kindSchema(
    'v1',
    'Endpoints',
    'The addresses behind a Service (maintained by the endpoints controller for Services with a selector).',
    { subsets: arr('Groups of addresses and ports.', endpointsSubset) },
    [],
  ),
  Pod: kindSchema(
    'v1',
    'Pod',
    'A Pod: one or more containers sharing a network namespace and IP.',
    { spec: podSpec },
    ['spec'],
  ),
  ConfigMap: kindSchema(
    'v1',
    'ConfigMap',
    'Configuration data as key/value pairs, for Pods to read as environment variables or files.',
    {
      data: strMap("UTF-8 values by key (keys: letters, digits, '-', '_' or '.')."),
      binaryData: strMap('Binary values by key, base64-encoded.'),
      immutable: bool('When true, data and binaryData can no longer change.'),
    },
    [],
  ),
  Secret: kindSchema(
    'v1',
    'Secret',
    'Sensitive data (passwords, tokens, keys): values are base64-encoded in data.',
    {
      data: strMap('Values by key, base64-encoded.'),
      stringData: strMap('Plain-text values, merged into data by the server (write-only).'),
      type: str(
        'How the data is used: Opaque (default), kubernetes.io/tls, kubernetes.io/dockerconfigjson …',
      ),
      immutable: bool('When true, data can no longer change.'),
    },
    [],
  ),
  ServiceAccount: kindSchema(
    'v1',
    'ServiceAccount',
    'An identity for processes in Pods; every namespace has one named "default".',
    {
      secrets: arr('Secrets Pods using this account may use.', { type: 'object' }),
      imagePullSecrets: arr("Secrets used to pull the Pods' images.", { type: 'object' }),
      automountServiceAccountToken: bool("Whether Pods get this account's API token mounted."),
    },
    [],
  ),
  Namespace: kindSchema(
    'v1',
    'Namespace',
    'A namespace scopes names: Services resolve as <name>.<namespace>.svc.cluster.local.',
    { spec: obj('Namespace spec.', { finalizers: arr('Finalizers.', { type: 'string' }) }) },
    [],
  ),
};

export const K8S_SCHEMA_URI = 'inmemory://schemas/kubernetes-playground.json';

/** One schema for every document: `kind` picks the object schema (if/then), unknown kinds are flagged. */
export const k8sSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Kubernetes object (playground)',
  type: 'object',
  properties: {
    apiVersion: str(
      'API group and version: v1 for Pods, Services, Endpoints, Namespaces, ConfigMaps, Secrets and ServiceAccounts; apps/v1 for Deployments, DaemonSets and StatefulSets; batch/v1 for Jobs and CronJobs.',
      {
        enum: ['v1', 'apps/v1', 'batch/v1'],
      },
    ),
    kind: str(
      'The kind of object. The playground simulates Deployment, DaemonSet, StatefulSet, Job, CronJob, Service, Endpoints, Pod, Namespace, ConfigMap, Secret and ServiceAccount.',
      {
        enum: Object.keys(kinds),
      },
    ),
  },
  required: ['apiVersion', 'kind'],
  allOf: Object.entries(kinds).map(([kind, schema]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON schema keyword
    then: schema,
  })),
};

/**
 * The schema with its title and every `description` (the hover's and completion's text) in another
 * language: `tr` maps each English description, keeping it when it has no translation.
 */
export function localizedSchema(title: string, tr: (english: string) => string): Schema {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    const out: Schema = {};
    for (const [k, x] of Object.entries(v))
      out[k] = k === 'description' && typeof x === 'string' ? tr(x) : walk(x);
    return out;
  };
  return { ...(walk(k8sSchema) as Schema), title };
}

/** Every description in the schema (for the translation's completeness test). */
export function schemaDescriptions(): string[] {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        if (k === 'description' && typeof x === 'string') out.add(x);
        else walk(x);
      }
  };
  walk(k8sSchema);
  return [...out];
}
