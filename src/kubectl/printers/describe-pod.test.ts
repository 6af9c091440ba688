// Exact `kubectl describe` text for container resources, env, mounts and the Pod template, as
// kubectl v0.34.9 prints them [pkg/describe/describe.go describePod, describeContainers,
// describeResources, describeContainerEnvVars, describeContainerVolumes, DescribePodTemplate],
// driven through the terminal against the simulated cluster (seed 1).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../testing';

/** A Pod with limits only: the API server defaults its requests from them (SetDefaults_Pod). */
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: limits-only
spec:
  containers:
  - name: app
    image: kiamol/ch03-sleep
    command: ["sh", "-c", "echo one\\nsleep 3600"]
    args: ["--x"]
    ports:
    - containerPort: 80
      name: http
      hostPort: 8080
    resources:
      limits:
        memory: 1024Mi
        cpu: "0.5"
    env:
    - name: POD_NAME
      valueFrom:
        fieldRef:
          fieldPath: metadata.name
    - name: POD_IP
      valueFrom:
        fieldRef:
          fieldPath: status.podIP
    - name: MEM_MB
      valueFrom:
        resourceFieldRef:
          resource: limits.memory
          divisor: 1Mi
    - name: CPU_REQ
      valueFrom:
        resourceFieldRef:
          resource: requests.cpu
    - name: MULTI
      value: "a\\nb"
    volumeMounts:
    - name: scratch
      mountPath: /tmp
    - name: scratch
      mountPath: /data
      subPath: sub
      readOnly: true
  volumes:
  - name: scratch
    emptyDir:
      sizeLimit: 1024Mi
`;

/**
 * A Deployment whose template takes env from a config map and a secret, with resources. The
 * ConfigMap web-config does not exist and its refs are not optional, so the Pod stays Pending
 * (Waiting: CreateContainerConfigError) as on a real node; the template block prints the same.
 */
const DEP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: kiamol/ch03-numbers-web
        envFrom:
        - configMapRef:
            name: web-config
          prefix: CFG_
        - secretRef:
            name: web-secret
            optional: true
        env:
        - name: API_URL
          valueFrom:
            configMapKeyRef:
              name: web-config
              key: api.url
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: web-secret
              key: token
              optional: true
        - name: MY_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        resources:
          requests:
            memory: 64Mi
            cpu: 0.25
          limits:
            memory: 128Mi
        readinessProbe:
          httpGet:
            path: /healthz
            port: 80
`;

const apply = (yaml: string) => `cat <<'EOF' | kubectl apply -f -\n${yaml}EOF`;

/** The Pod Template's containers and volumes, as both `describe deployment` and `describe replicaset` print them for DEP. */
const DEP_TEMPLATE_BODY = [
  '  Containers:',
  '   web:',
  '    Image:      kiamol/ch03-numbers-web',
  '    Port:       <none>',
  '    Host Port:  <none>',
  '    Limits:',
  '      memory:  128Mi',
  '    Requests:',
  '      cpu:      250m',
  '      memory:   64Mi',
  '    Readiness:  http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
  '    Environment Variables from:',
  "      web-config  ConfigMap with prefix 'CFG_'  Optional: false",
  '      web-secret  Secret                        Optional: true',
  '    Environment:',
  "      API_URL:     <set to the key 'api.url' of config map 'web-config'>  Optional: false",
  "      TOKEN:       <set to the key 'token' in secret 'web-secret'>        Optional: true",
  '      MY_NAME:      (v1:metadata.name)',
  '    Mounts:        <none>',
  '  Volumes:         <none>',
  '  Node-Selectors:  <none>',
  '  Tolerations:     <none>',
];

describe('kubectl describe: container resources (docker-desktop CoreDNS)', () => {
  it('prints the CoreDNS Pod: Priority Class Name, named ports, Limits/Requests, probes, config and projected volumes', () => {
    const out = kdrive({ seed: 1 }).kubectl('describe pod -n kube-system coredns-66bc5c9577-f4tft').text();
    expect(out).toBe(
      [
        'Name:                 coredns-66bc5c9577-f4tft',
        'Namespace:            kube-system',
        'Priority:             2000000000',
        'Priority Class Name:  system-cluster-critical',
        'Service Account:      coredns',
        'Node:                 docker-desktop/192.168.65.3',
        'Start Time:           Thu, 01 Jan 2026 11:13:00 +0000',
        'Labels:               k8s-app=kube-dns',
        '                      pod-template-hash=66bc5c9577',
        'Annotations:          <none>',
        'Status:               Running',
        'IP:                   10.1.0.2',
        'IPs:',
        '  IP:           10.1.0.2',
        'Controlled By:  ReplicaSet/coredns-66bc5c9577',
        'Containers:',
        '  coredns:',
        '    Container ID:  containerd://2ec6d0005906d2cb41a1c0ce6d5d534529e5eb5c6419e9fd70de635fd748e65d',
        '    Image:         registry.k8s.io/coredns/coredns:v1.12.1',
        '    Image ID:      registry.k8s.io/coredns/coredns@sha256:31da9a55e4acf932612b13b24ae08cc5eaae51090e1ff6fa053efe1e85597225',
        '    Ports:         53/UDP (dns), 53/TCP (dns-tcp), 9153/TCP (metrics), 8080/TCP (liveness-probe), 8181/TCP (readiness-probe)',
        '    Host Ports:    0/UDP (dns), 0/TCP (dns-tcp), 0/TCP (metrics), 0/TCP (liveness-probe), 0/TCP (readiness-probe)',
        '    Args:',
        '      -conf',
        '      /etc/coredns/Corefile',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 11:13:02 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Limits:',
        '      memory:  170Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     70Mi',
        '    Liveness:     http-get http://:liveness-probe/health delay=60s timeout=5s period=10s #success=1 #failure=5',
        '    Readiness:    http-get http://:readiness-probe/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:',
        '      /etc/coredns from config-volume (ro)',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-xkqcr (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  config-volume:',
        '    Type:      ConfigMap (a volume populated by a ConfigMap)',
        '    Name:      coredns',
        '    Optional:  false',
        '  kube-api-access-xkqcr:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   Burstable',
        'Node-Selectors:              kubernetes.io/os=linux',
        'Tolerations:                 CriticalAddonsOnly op=Exists',
        '                             node-role.kubernetes.io/control-plane:NoSchedule',
        // DefaultTolerationSeconds admission adds these to the Pod (not to its template, below).
        '                             node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:                      <none>',
        '',
      ].join('\n'),
    );
  });

  it('the same through -l k8s-app=kube-dns, one block per Pod', () => {
    const d = kdrive({ seed: 1 });
    const one = d.kubectl('describe pod -n kube-system coredns-66bc5c9577-f4tft').text();
    const all = d.kubectl('describe pod -n kube-system -l k8s-app=kube-dns').text();
    expect(all.startsWith(`${one}\n`)).toBe(true);
    expect(
      all.match(
        /^ {4}Limits:\n {6}memory: {2}170Mi\n {4}Requests:\n {6}cpu: {8}100m\n {6}memory: {5}70Mi\n/gm,
      ),
    ).toHaveLength(2);
  });

  it('describe deployment coredns: the template block with resources, probes, config volume and Priority Class Name', () => {
    const out = kdrive({ seed: 1 }).kubectl('describe deploy -n kube-system coredns').text();
    expect(out).toBe(
      [
        'Name:                   coredns',
        'Namespace:              kube-system',
        'CreationTimestamp:      Thu, 01 Jan 2026 11:13:00 +0000',
        'Labels:                 k8s-app=kube-dns',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               k8s-app=kube-dns',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  1 max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:           k8s-app=kube-dns',
        '  Service Account:  coredns',
        '  Containers:',
        '   coredns:',
        '    Image:       registry.k8s.io/coredns/coredns:v1.12.1',
        '    Ports:       53/UDP (dns), 53/TCP (dns-tcp), 9153/TCP (metrics), 8080/TCP (liveness-probe), 8181/TCP (readiness-probe)',
        '    Host Ports:  0/UDP (dns), 0/TCP (dns-tcp), 0/TCP (metrics), 0/TCP (liveness-probe), 0/TCP (readiness-probe)',
        '    Args:',
        '      -conf',
        '      /etc/coredns/Corefile',
        '    Limits:',
        '      memory:  170Mi',
        '    Requests:',
        '      cpu:        100m',
        '      memory:     70Mi',
        '    Liveness:     http-get http://:liveness-probe/health delay=60s timeout=5s period=10s #success=1 #failure=5',
        '    Readiness:    http-get http://:readiness-probe/ready delay=0s timeout=1s period=10s #success=1 #failure=3',
        '    Environment:  <none>',
        '    Mounts:',
        '      /etc/coredns from config-volume (ro)',
        '  Volumes:',
        '   config-volume:',
        '    Type:               ConfigMap (a volume populated by a ConfigMap)',
        '    Name:               coredns',
        '    Optional:           false',
        '  Priority Class Name:  system-cluster-critical',
        '  Node-Selectors:       kubernetes.io/os=linux',
        '  Tolerations:          CriticalAddonsOnly op=Exists',
        '                        node-role.kubernetes.io/control-plane:NoSchedule',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   coredns-66bc5c9577 (2/2 replicas created)',
        'Events:          <none>',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe pod: limits only, env valueFrom, mounts', () => {
  it('requests defaulted from limits (canonical quantities), fieldRef/resourceFieldRef values, sorted mounts', () => {
    const d = kdrive({ seed: 1 });
    d.sh(apply(POD)).advance(10_000);
    expect(d.kubectl('describe pod limits-only').text()).toBe(
      [
        'Name:             limits-only',
        'Namespace:        default',
        'Priority:         0',
        'Service Account:  default',
        'Node:             docker-desktop/192.168.65.3',
        'Start Time:       Thu, 08 Jan 2026 09:30:00 +0000',
        'Labels:           <none>',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.1.0.4',
        'IPs:',
        '  IP:  10.1.0.4',
        'Containers:',
        '  app:',
        '    Container ID:  containerd://6d2e5d4255807d3200ea302777a9eedc5883cf87538433cbce930326b357f5c8',
        '    Image:         kiamol/ch03-sleep',
        '    Image ID:      docker.io/kiamol/ch03-sleep@sha256:d650690f5015edca59b282c8176791695d347267911f6156856ac9c083a3590d',
        '    Port:          80/TCP (http)',
        '    Host Port:     8080/TCP (http)',
        '    Command:',
        '      sh',
        '      -c',
        '      echo one',
        '      sleep 3600',
        '    Args:',
        '      --x',
        '    State:          Running',
        '      Started:      Thu, 08 Jan 2026 09:30:03 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Limits:',
        '      cpu:     500m',
        '      memory:  1Gi',
        '    Requests:',
        '      cpu:     500m',
        '      memory:  1Gi',
        '    Environment:',
        '      POD_NAME:  limits-only (v1:metadata.name)',
        '      POD_IP:     (v1:status.podIP)',
        '      MEM_MB:    1024 (limits.memory)',
        '      CPU_REQ:   1 (requests.cpu)',
        '      MULTI:     a',
        '                 b',
        '    Mounts:',
        '      /data from scratch (ro,path="sub")',
        '      /tmp from scratch (rw)',
        '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-mql67 (ro)',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:',
        '  scratch:',
        "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
        '    Medium:     ',
        '    SizeLimit:  1Gi',
        '  kube-api-access-mql67:',
        '    Type:                    Projected (a volume that contains injected data from multiple sources)',
        '    TokenExpirationSeconds:  3607',
        '    ConfigMapName:           kube-root-ca.crt',
        '    Optional:                false',
        '    DownwardAPI:             true',
        'QoS Class:                   Guaranteed',
        'Node-Selectors:              <none>',
        'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
        '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  10s   default-scheduler  Successfully assigned default/limits-only to docker-desktop',
        '  Normal  Pulling    10s   kubelet            Pulling image "kiamol/ch03-sleep"',
        '  Normal  Pulled     7s    kubelet            Successfully pulled image "kiamol/ch03-sleep" in 2.927s (2.927s including waiting). Image size: 7654321 bytes.',
        '  Normal  Created    7s    kubelet            Created container: app',
        '  Normal  Started    7s    kubelet            Started container app',
        '',
      ].join('\n'),
    );
  });
});

describe('kubectl describe deployment / replicaset: the Pod template', () => {
  it('deployment: envFrom with prefix, config map and secret keys, an unresolved fieldRef, resources', () => {
    const d = kdrive({ seed: 1 });
    d.sh(apply(DEP)).advance(10_000);
    expect(d.kubectl('describe deploy web').text()).toBe(
      [
        'Name:                   web',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 08 Jan 2026 09:30:00 +0000',
        'Labels:                 <none>',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=web',
        'Replicas:               1 desired | 1 updated | 1 total | 0 available | 1 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=web',
        ...DEP_TEMPLATE_BODY,
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      False   MinimumReplicasUnavailable',
        '  Progressing    True    ReplicaSetUpdated',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   web-7d96c86d86 (1/1 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  10s   deployment-controller  Scaled up replica set web-7d96c86d86 from 0 to 1',
        '',
      ].join('\n'),
    );
  });

  it('replicaset: the same template block', () => {
    const d = kdrive({ seed: 1 });
    d.sh(apply(DEP)).advance(10_000);
    expect(d.kubectl('describe rs -l app=web').text()).toBe(
      [
        'Name:           web-7d96c86d86',
        'Namespace:      default',
        'Selector:       app=web,pod-template-hash=7d96c86d86',
        'Labels:         app=web',
        '                pod-template-hash=7d96c86d86',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 1',
        '                deployment.kubernetes.io/max-replicas: 2',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/web',
        'Replicas:       1 current / 1 desired',
        // getPodStatusForController counts a Pending Pod as Waiting: web-config does not exist.
        'Pods Status:    0 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=web',
        '           pod-template-hash=7d96c86d86',
        ...DEP_TEMPLATE_BODY,
        'Events:',
        '  Type    Reason            Age   From                   Message',
        '  ----    ------            ----  ----                   -------',
        '  Normal  SuccessfulCreate  10s   replicaset-controller  Created pod: web-7d96c86d86-88bg2',
        '',
      ].join('\n'),
    );
  });
});
