// The editor schema's hover and completion texts (../editor/k8s-schema.ts descriptions) in Korean,
// keyed by the English text, and the schema's title. Loaded with the Korean UI only (monaco-setup.ts).
// Field names, kinds and values stay as YAML spells them (spec, targetPort, ClusterIP, RollingUpdate),
// as the Korean Kubernetes docs keep them; schema-ko.test.ts checks every description has its line.
export const SCHEMA_TITLE_KO = '쿠버네티스 객체 (놀이터)';

export const SCHEMA_KO: Readonly<Record<string, string>> = {
  'API group and version: v1 for Pods, Services, Endpoints, Namespaces, ConfigMaps, Secrets and ServiceAccounts; apps/v1 for Deployments, DaemonSets and StatefulSets; batch/v1 for Jobs and CronJobs.':
    'API 그룹과 버전: Pod, Service, Endpoints, Namespace, ConfigMap, Secret, ServiceAccount는 v1, Deployment, DaemonSet, StatefulSet은 apps/v1, Job과 CronJob은 batch/v1.',
  'The kind of object. The playground simulates Deployment, DaemonSet, StatefulSet, Job, CronJob, Service, Endpoints, Pod, Namespace, ConfigMap, Secret and ServiceAccount.':
    '객체의 종류. 놀이터는 Deployment, DaemonSet, StatefulSet, Job, CronJob, Service, Endpoints, Pod, Namespace, ConfigMap, Secret, ServiceAccount를 시뮬레이션합니다.',
  'A Deployment manages a ReplicaSet, which keeps the wanted number of Pods running.':
    'Deployment는 ReplicaSet을 관리하고, ReplicaSet은 원하는 수의 Pod가 계속 실행되게 합니다.',
  'API version: apps/v1.': 'API 버전: apps/v1.',
  'Kind: Deployment.': '종류: Deployment.',
  'Standard object metadata: the name, namespace and labels of the object.':
    '표준 객체 메타데이터: 객체의 이름, 네임스페이스, 레이블.',
  'Name must be unique within a namespace. Pods, Services and Deployments use DNS-compatible names.':
    '이름은 네임스페이스 안에서 고유해야 합니다. Pod, Service, Deployment는 DNS 호환 이름을 씁니다.',
  'Prefix for a server-generated name, used when name is empty.':
    '서버가 만드는 이름의 접두사. name이 비어 있을 때 쓰입니다.',
  'The namespace the object lives in; "default" when not given.':
    '객체가 속한 네임스페이스. 지정하지 않으면 "default".',
  'Key/value pairs used by selectors: a Service selects Pods by their labels.':
    '셀렉터가 쓰는 키/값 쌍: Service는 레이블로 Pod를 선택합니다.',
  'Non-identifying metadata for tools.': '도구를 위한 식별용이 아닌 메타데이터.',
  'Set by the server.': '서버가 설정합니다.',
  'Set by the server; changes on every write.': '서버가 설정합니다. 쓸 때마다 바뀝니다.',
  'Set by the server; increments when the spec changes.': '서버가 설정합니다. spec이 바뀌면 증가합니다.',
  'Set by the server when the object is being deleted.': '객체가 삭제되는 중일 때 서버가 설정합니다.',
  'Objects this one depends on (a Pod is owned by its ReplicaSet).':
    '이 객체가 의존하는 객체 (Pod는 자신의 ReplicaSet이 소유합니다).',
  'Must be empty before the object is deleted.': '객체가 삭제되기 전에 비어 있어야 합니다.',
  'Set by the server (server-side apply bookkeeping).': '서버가 설정합니다 (서버 측 적용의 기록).',
  'Written by the cluster; ignored when you apply.': '클러스터가 씁니다. 적용할 때는 무시됩니다.',
  'The desired state: how many Pods, which ones (selector) and what they run (template).':
    '원하는 상태: Pod를 몇 개, 어떤 Pod를(selector) 만들고 무엇을 실행할지(template).',
  'Number of Pods (default 1).': 'Pod 수 (기본값 1).',
  'A label query over Pods.': 'Pod에 대한 레이블 조건.',
  'Pods must have all these labels (AND).': 'Pod에 이 레이블이 모두 있어야 합니다 (AND).',
  'Set-based requirements.': '집합 기반 조건.',
  'A selector requirement.': '셀렉터 조건 하나.',
  'Label key.': '레이블 키.',
  'Relation of the key to the values.': '키와 값의 관계.',
  'Values (empty for Exists / DoesNotExist).': '값 (Exists / DoesNotExist일 때는 비움).',
  'The Pods to create: their labels must match the selector.': '만들 Pod: 레이블이 셀렉터와 맞아야 합니다.',
  'What runs in the Pod.': 'Pod에서 실행할 것.',
  'The containers of the Pod; at least one.': 'Pod의 컨테이너. 하나 이상.',
  'A container in the Pod.': 'Pod의 컨테이너 하나.',
  'Name of the container, unique within the Pod (DNS label).':
    '컨테이너 이름. Pod 안에서 고유해야 합니다 (DNS 레이블).',
  'Container image, e.g. kiamol/ch03-sleep.': '컨테이너 이미지. 예: kiamol/ch03-sleep.',
  'When to pull the image.': '이미지를 언제 받을지.',
  'Entrypoint array (replaces the image ENTRYPOINT).': '진입점 배열 (이미지의 ENTRYPOINT를 대체).',
  'Arguments to the entrypoint (replace the image CMD).': '진입점에 넘길 인수 (이미지의 CMD를 대체).',
  'Working directory.': '작업 디렉터리.',
  'Ports the container exposes.': '컨테이너가 노출하는 포트.',
  'A port the container listens on (informational: traffic reaches any port the process opens).':
    '컨테이너가 수신 대기하는 포트 (정보용: 프로세스가 연 포트라면 어느 포트로든 트래픽이 닿습니다).',
  'Port number on the Pod IP, 1-65535.': 'Pod IP의 포트 번호, 1-65535.',
  'Name a Service targetPort can refer to (IANA_SVC_NAME, at most 15 characters).':
    'Service의 targetPort가 가리킬 수 있는 이름 (IANA_SVC_NAME, 최대 15자).',
  'Network protocol: TCP (default), UDP or SCTP.': '네트워크 프로토콜: TCP (기본값), UDP, SCTP.',
  'Port on the node to expose the container on (rarely needed).':
    '컨테이너를 노출할 노드의 포트 (거의 쓰지 않음).',
  'Host IP to bind the hostPort to.': 'hostPort를 바인딩할 호스트 IP.',
  'Environment variables.': '환경 변수.',
  'An environment variable.': '환경 변수 하나.',
  'Variable name.': '변수 이름.',
  'Value.': '값.',
  'Source.': '출처.',
  'Sources of environment variables.': '환경 변수의 출처.',
  'CPU and memory requests and limits.': 'CPU와 메모리의 요청량과 제한량.',
  'Readiness probe: the Pod is an endpoint of its Services only when ready.':
    '준비성 프로브: Pod는 준비되었을 때만 자신의 Service의 엔드포인트가 됩니다.',
  'Liveness probe: the container is restarted when it fails.':
    '활성 프로브: 실패하면 컨테이너가 다시 시작됩니다.',
  'Startup probe.': '시작 프로브.',
  'Volumes mounted into the container.': '컨테이너에 마운트할 볼륨.',
  'Security options.': '보안 옵션.',
  'Keep stdin open.': 'stdin을 열어 둡니다.',
  'Allocate a TTY.': 'TTY를 할당합니다.',
  'Containers that run to completion before the others start.':
    '다른 컨테이너가 시작하기 전에 끝까지 실행되는 컨테이너.',
  'Restart policy for the containers.': '컨테이너의 재시작 정책.',
  'Seconds between SIGTERM and SIGKILL when the Pod is deleted (default 30).':
    'Pod를 삭제할 때 SIGTERM과 SIGKILL 사이의 초 (기본값 30).',
  'How the Pod resolves names; ClusterFirst uses the cluster DNS (CoreDNS).':
    'Pod가 이름을 해석하는 방식. ClusterFirst는 클러스터 DNS(CoreDNS)를 씁니다.',
  'Extra DNS options (nameservers, searches, options).': '추가 DNS 옵션 (nameservers, searches, options).',
  'Pod hostname.': 'Pod 호스트 이름.',
  'Subdomain (with a headless Service of that name, gives the Pod a DNS record).':
    '하위 도메인 (같은 이름의 헤드리스 Service가 있으면 Pod에 DNS 레코드가 생깁니다).',
  'Run on this node (skips the scheduler).': '이 노드에서 실행합니다 (스케줄러를 거치지 않음).',
  'Run only on nodes with these labels.': '이 레이블이 있는 노드에서만 실행합니다.',
  "Use the node's network namespace.": '노드의 네트워크 네임스페이스를 씁니다.',
  'Service account the Pod runs as.': 'Pod가 실행될 때 쓰는 서비스 어카운트.',
  'Mount the service account token.': '서비스 어카운트 토큰을 마운트합니다.',
  'Volumes the containers can mount.': '컨테이너가 마운트할 수 있는 볼륨.',
  'Pod-level security options.': 'Pod 수준 보안 옵션.',
  'Scheduling constraints.': '스케줄링 제약.',
  'Taints the Pod tolerates.': 'Pod가 허용하는 테인트.',
  'RollingUpdate (default) or Recreate.': 'RollingUpdate (기본값) 또는 Recreate.',
  'Seconds a new Pod must be ready before it counts as available.':
    '새 Pod가 사용 가능으로 세어지기 전에 준비 상태로 있어야 하는 초.',
  'Old ReplicaSets to keep (default 10).': '보관할 이전 ReplicaSet 수 (기본값 10).',
  'Seconds before a stalled rollout is reported (default 600).':
    '멈춘 롤아웃을 보고하기까지의 초 (기본값 600).',
  'Pause the rollout.': '롤아웃을 일시정지합니다.',
  'A DaemonSet runs one Pod on every node that can take it (a node-level agent).':
    'DaemonSet은 받을 수 있는 모든 노드에서 Pod를 하나씩 실행합니다 (노드 수준 에이전트).',
  'Kind: DaemonSet.': '종류: DaemonSet.',
  'The desired state: which Pods (selector) run on every eligible node, and what they run (template).':
    '원하는 상태: 조건에 맞는 모든 노드에서 어떤 Pod를(selector) 실행하고 무엇을 실행할지(template).',
  'How a template change replaces the Pods.': 'template이 바뀔 때 Pod를 교체하는 방식.',
  'RollingUpdate (default): node by node. OnDelete: only when a Pod is deleted.':
    'RollingUpdate (기본값): 노드 하나씩. OnDelete: Pod가 삭제될 때만.',
  'RollingUpdate settings.': 'RollingUpdate 설정.',
  'Nodes whose Pod may be unavailable during the update (number or percent, default 1).':
    '업데이트 중에 Pod가 사용 불가일 수 있는 노드 수 (숫자 또는 백분율, 기본값 1).',
  'Nodes that may run an extra new Pod during the update (number or percent, default 0).':
    '업데이트 중에 새 Pod를 하나 더 실행할 수 있는 노드 수 (숫자 또는 백분율, 기본값 0).',
  'Old revisions to keep (default 10).': '보관할 이전 리비전 수 (기본값 10).',
  'A StatefulSet runs Pods with stable names (web-0, web-1, …) and, under a headless Service, stable DNS names.':
    'StatefulSet은 고정된 이름(web-0, web-1, …)의 Pod를 실행하고, 헤드리스 Service 아래에서 고정된 DNS 이름을 줍니다.',
  'Kind: StatefulSet.': '종류: StatefulSet.',
  'The desired state: how many Pods, each with a stable name <statefulset>-<ordinal> and DNS name under the governing headless Service (serviceName).':
    '원하는 상태: Pod를 몇 개 실행할지. 각 Pod는 고정된 이름 <statefulset>-<ordinal>과, 관리하는 헤드리스 Service(serviceName) 아래의 DNS 이름을 가집니다.',
  'PersistentVolumeClaims each Pod gets (<claim>-<statefulset>-<ordinal>); not simulated: no claim objects are made.':
    '각 Pod가 받는 PersistentVolumeClaim (<claim>-<statefulset>-<ordinal>). 시뮬레이션하지 않음: 클레임 객체는 만들어지지 않습니다.',
  'The headless Service that gives each Pod its DNS name: <pod>.<serviceName>.<namespace>.svc.cluster.local.':
    '각 Pod에 DNS 이름을 주는 헤드리스 Service: <pod>.<serviceName>.<namespace>.svc.cluster.local.',
  'OrderedReady (default): Pods are created one by one, each after the previous is Running and Ready, and removed in reverse. Parallel: all at once.':
    'OrderedReady (기본값): Pod를 하나씩, 앞의 Pod가 Running이고 Ready가 된 뒤에 만들고, 역순으로 지웁니다. Parallel: 한꺼번에.',
  'RollingUpdate (default): from the highest ordinal down. OnDelete: only when a Pod is deleted.':
    'RollingUpdate (기본값): 가장 높은 서수부터 내려가며. OnDelete: Pod가 삭제될 때만.',
  'Only Pods with an ordinal at or above the partition are updated (default 0).':
    '서수가 partition 이상인 Pod만 업데이트됩니다 (기본값 0).',
  'Alpha in 1.34 (MaxUnavailableStatefulSet, off): dropped by the API server.':
    '1.34에서 알파 (MaxUnavailableStatefulSet, 꺼짐): API 서버가 버립니다.',
  'What happens to the claims when the StatefulSet is deleted or scaled down.':
    'StatefulSet이 삭제되거나 축소될 때 클레임을 어떻게 할지.',
  'Retain (default) or Delete.': 'Retain (기본값) 또는 Delete.',
  'The ordinals the Pods are numbered from.': 'Pod 번호가 시작하는 서수.',
  'The first ordinal (default 0).': '첫 서수 (기본값 0).',
  'A Job runs Pods until a number of them succeed (a one-off command), retrying failed ones.':
    'Job은 정해진 수의 Pod가 성공할 때까지 Pod를 실행하고 (일회성 명령), 실패한 Pod는 다시 시도합니다.',
  'API version: batch/v1.': 'API 버전: batch/v1.',
  'Kind: Job.': '종류: Job.',
  'The desired state: Pods that run to completion (restartPolicy Never or OnFailure), retried with a back-off until backoffLimit.':
    '원하는 상태: 끝까지 실행되는 Pod (restartPolicy Never 또는 OnFailure). backoffLimit까지 백오프하며 다시 시도합니다.',
  'Pods running at once (default 1).': '동시에 실행되는 Pod 수 (기본값 1).',
  'Successful Pods needed (default 1; unset with parallelism set: any one success).':
    '필요한 성공 Pod 수 (기본값 1. 설정하지 않고 parallelism만 설정하면 하나만 성공해도 됨).',
  'Seconds after the start before the Job is failed (DeadlineExceeded).':
    '시작 후 Job이 실패로 처리되기까지의 초 (DeadlineExceeded).',
  'Failed Pods before the Job is failed (default 6).':
    'Job이 실패로 처리되기 전까지 허용하는 실패 Pod 수 (기본값 6).',
  'Keep your own selector (default false: the server generates one from the uid).':
    '직접 정한 셀렉터를 유지합니다 (기본값 false: 서버가 uid로 만듭니다).',
  'Seconds after the Job finishes before it is deleted.': 'Job이 끝난 뒤 삭제되기까지의 초.',
  'NonIndexed (default) or Indexed (not simulated).':
    'NonIndexed (기본값) 또는 Indexed (시뮬레이션하지 않음).',
  'true: no Pods are created (running ones are deleted).':
    'true: Pod를 만들지 않습니다 (실행 중인 Pod는 삭제됨).',
  'When a replacement Pod is made: TerminatingOrFailed (default) or Failed (once the old Pod has fully failed).':
    '교체 Pod를 만드는 시점: TerminatingOrFailed (기본값) 또는 Failed (이전 Pod가 완전히 실패한 뒤).',
  'Rules on exit codes and Pod conditions (not simulated).':
    '종료 코드와 Pod 컨디션에 대한 규칙 (시뮬레이션하지 않음).',
  'When an Indexed Job counts as succeeded (not simulated).':
    'Indexed Job이 성공으로 처리되는 조건 (시뮬레이션하지 않음).',
  'Per-index back-off limit of an Indexed Job (not simulated).':
    'Indexed Job의 인덱스별 백오프 한도 (시뮬레이션하지 않음).',
  'Failed indexes before an Indexed Job fails (not simulated).':
    'Indexed Job이 실패하기 전까지 허용하는 실패 인덱스 수 (시뮬레이션하지 않음).',
  'The controller that manages the Job (only the built-in one here).':
    'Job을 관리하는 컨트롤러 (여기서는 내장 컨트롤러만).',
  'A CronJob runs a Job on a cron schedule (minutes, hours, days…).':
    'CronJob은 cron 일정(분, 시, 일…)에 따라 Job을 실행합니다.',
  'Kind: CronJob.': '종류: CronJob.',
  'The desired state: a Job made from jobTemplate at each time of the cron schedule.':
    '원하는 상태: cron 일정의 각 시각에 jobTemplate으로 만드는 Job.',
  'The cron schedule: 5 fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @every 1h…':
    'cron 일정: 필드 5개 (분 시 일 월 요일) 또는 @hourly, @daily, @every 1h…',
  "The IANA time zone of the schedule (default: the controller's, UTC here).":
    '일정의 IANA 시간대 (기본값: 컨트롤러의 시간대, 여기서는 UTC).',
  'Seconds after a missed start during which the Job may still start.':
    '시작 시각을 놓친 뒤에도 Job을 시작할 수 있는 초.',
  'While a Job still runs: Allow (default) another, Forbid it, or Replace the running one.':
    'Job이 아직 실행 중일 때: 다른 Job을 허용(Allow, 기본값), 금지(Forbid), 실행 중인 Job을 교체(Replace).',
  'true: no new Jobs start (default false).': 'true: 새 Job을 시작하지 않습니다 (기본값 false).',
  'The Job each run makes.': '실행할 때마다 만드는 Job.',
  'Completed Jobs to keep (default 3).': '보관할 완료된 Job 수 (기본값 3).',
  'Failed Jobs to keep (default 1).': '보관할 실패한 Job 수 (기본값 1).',
  'A Service gives a stable virtual IP and DNS name to a set of Pods chosen by a label selector.':
    'Service는 레이블 셀렉터로 고른 Pod 집합에 고정된 가상 IP와 DNS 이름을 줍니다.',
  'API version: v1.': 'API 버전: v1.',
  'Kind: Service.': '종류: Service.',
  'How the Service is reached and which Pods receive the traffic.':
    'Service에 접근하는 방법과 트래픽을 받을 Pod.',
  'ClusterIP (default): a virtual IP inside the cluster. NodePort: also a port on every node. LoadBalancer: also an external address. ExternalName: a DNS alias (CNAME).':
    'ClusterIP (기본값): 클러스터 안의 가상 IP. NodePort: 모든 노드의 포트도. LoadBalancer: 외부 주소도. ExternalName: DNS 별칭 (CNAME).',
  'Traffic goes to Pods whose labels match all of these. No selector: manage Endpoints yourself.':
    '레이블이 이 값과 모두 맞는 Pod로 트래픽이 갑니다. 셀렉터가 없으면 Endpoints를 직접 관리합니다.',
  'The ports the Service exposes.': 'Service가 노출하는 포트.',
  'A port the Service exposes.': 'Service가 노출하는 포트 하나.',
  'The port the Service listens on, on its ClusterIP.': 'Service가 자신의 ClusterIP에서 수신 대기하는 포트.',
  'Port (number or the name of a containerPort) on the Pods; defaults to port.':
    'Pod의 포트 (번호 또는 containerPort의 이름). 기본값은 port.',
  'Port on every node (NodePort / LoadBalancer), 30000-32767; random when omitted.':
    '모든 노드의 포트 (NodePort / LoadBalancer), 30000-32767. 생략하면 무작위.',
  'Required when there is more than one port (DNS label).': '포트가 둘 이상이면 필수 (DNS 레이블).',
  'Application protocol hint (e.g. http).': '애플리케이션 프로토콜 힌트 (예: http).',
  'The virtual IP; allocated when omitted. "None" makes a headless Service (DNS returns Pod IPs).':
    '가상 IP. 생략하면 할당됩니다. "None"은 헤드리스 Service를 만듭니다 (DNS가 Pod IP를 돌려줌).',
  'ClusterIPs (dual stack).': 'ClusterIP 목록 (듀얼 스택).',
  'For type ExternalName: the DNS name the Service is an alias for.':
    'ExternalName 유형일 때: Service가 별칭이 되는 DNS 이름.',
  'Extra IPs the Service is reachable on.': 'Service에 접근할 수 있는 추가 IP.',
  'Cluster: any node forwards to any Pod. Local: only to Pods on that node.':
    'Cluster: 어느 노드든 어느 Pod로든 전달합니다. Local: 그 노드의 Pod로만.',
  'Cluster or Local routing for traffic from inside the cluster.':
    '클러스터 안에서 오는 트래픽의 라우팅: Cluster 또는 Local.',
  'ClientIP pins a client to one Pod.': 'ClientIP는 클라이언트 하나를 Pod 하나에 고정합니다.',
  'Session affinity timeout.': '세션 어피니티 타임아웃.',
  'Requested external IP (deprecated).': '요청하는 외부 IP (지원 중단).',
  'Allowed client CIDRs.': '허용하는 클라이언트 CIDR.',
  'Which load-balancer implementation handles the Service.': 'Service를 처리하는 로드밸런서 구현.',
  'Publish Pods in DNS before they are ready.': '준비되기 전에도 Pod를 DNS에 게시합니다.',
  'IP family policy.': 'IP 패밀리 정책.',
  'IP families.': 'IP 패밀리.',
  'Allocate node ports for a LoadBalancer (default true).':
    'LoadBalancer에 노드 포트를 할당합니다 (기본값 true).',
  'The addresses behind a Service (maintained by the endpoints controller for Services with a selector).':
    'Service 뒤의 주소 (셀렉터가 있는 Service는 엔드포인트 컨트롤러가 관리).',
  'Kind: Endpoints.': '종류: Endpoints.',
  'Groups of addresses and ports.': '주소와 포트의 묶음.',
  'A group of addresses sharing the same ports.': '같은 포트를 쓰는 주소 묶음 하나.',
  'Ready addresses.': '준비된 주소.',
  'An endpoint address.': '엔드포인트 주소 하나.',
  'The IP of the endpoint.': '엔드포인트의 IP.',
  'Hostname of the endpoint.': '엔드포인트의 호스트 이름.',
  'Node hosting the endpoint.': '엔드포인트를 호스팅하는 노드.',
  'The object providing the endpoint (usually a Pod).': '엔드포인트를 제공하는 객체 (보통 Pod).',
  'Addresses that are not ready yet.': '아직 준비되지 않은 주소.',
  'Ports of the endpoints.': '엔드포인트의 포트.',
  'An endpoint port.': '엔드포인트 포트 하나.',
  'Port number.': '포트 번호.',
  'Port name.': '포트 이름.',
  'A Pod: one or more containers sharing a network namespace and IP.':
    'Pod: 네트워크 네임스페이스와 IP를 함께 쓰는 하나 이상의 컨테이너.',
  'Kind: Pod.': '종류: Pod.',
  'Configuration data as key/value pairs, for Pods to read as environment variables or files.':
    '키/값 쌍으로 된 설정 데이터. Pod가 환경 변수나 파일로 읽습니다.',
  'Kind: ConfigMap.': '종류: ConfigMap.',
  "UTF-8 values by key (keys: letters, digits, '-', '_' or '.').":
    "키별 UTF-8 값 (키: 영문자, 숫자, '-', '_', '.').",
  'Binary values by key, base64-encoded.': '키별 바이너리 값, base64 인코딩.',
  'When true, data and binaryData can no longer change.':
    'true이면 data와 binaryData를 더 이상 바꿀 수 없습니다.',
  'Sensitive data (passwords, tokens, keys): values are base64-encoded in data.':
    '민감한 데이터 (비밀번호, 토큰, 키): data의 값은 base64로 인코딩됩니다.',
  'Kind: Secret.': '종류: Secret.',
  'Values by key, base64-encoded.': '키별 값, base64 인코딩.',
  'Plain-text values, merged into data by the server (write-only).':
    '평문 값. 서버가 data에 합칩니다 (쓰기 전용).',
  'How the data is used: Opaque (default), kubernetes.io/tls, kubernetes.io/dockerconfigjson …':
    '데이터의 용도: Opaque (기본값), kubernetes.io/tls, kubernetes.io/dockerconfigjson …',
  'When true, data can no longer change.': 'true이면 data를 더 이상 바꿀 수 없습니다.',
  'An identity for processes in Pods; every namespace has one named "default".':
    'Pod 안 프로세스의 신원. 모든 네임스페이스에 "default"라는 이름의 어카운트가 하나 있습니다.',
  'Kind: ServiceAccount.': '종류: ServiceAccount.',
  'Secrets Pods using this account may use.': '이 어카운트를 쓰는 Pod가 쓸 수 있는 Secret.',
  "Secrets used to pull the Pods' images.": 'Pod의 이미지를 받을 때 쓰는 Secret.',
  "Whether Pods get this account's API token mounted.": 'Pod에 이 어카운트의 API 토큰을 마운트할지.',
  'A namespace scopes names: Services resolve as <name>.<namespace>.svc.cluster.local.':
    '네임스페이스는 이름의 범위를 나눕니다: Service는 <name>.<namespace>.svc.cluster.local로 해석됩니다.',
  'Kind: Namespace.': '종류: Namespace.',
  'Namespace spec.': 'Namespace의 spec.',
  'Finalizers.': '파이널라이저.',
};
