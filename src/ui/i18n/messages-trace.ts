// The packet tracer's sentences (Trace.reasonCode, Hop.textCode from src/sim/net/trace*.ts and the
// traces src/sim/workloads makes itself, and the HTTP client's HttpError.code), in
// English: one message per key, which with the code's params renders to exactly the tracer's English
// text (messages-trace.test.ts holds the two together over real traces). The English page shows the
// tracer's own text, so this table is the reference the Korean one (`koTrace` in ./messages-ko) is
// checked against, and is not in any page chunk. `{name}` is a param: notation (an address, an object
// name, a chain) as it is, or a nested sentence; a list of sentences is joined by `; `.
export const enTrace = {
  // the hop kinds shown beside each step of the packet list
  'kind.dns-query': 'dns-query',
  'kind.dns-answer': 'dns-answer',
  'kind.dns-nxdomain': 'dns-nxdomain',
  'kind.send': 'send',
  'kind.rule': 'rule',
  'kind.no-rule': 'no-rule',
  'kind.dnat': 'dnat',
  'kind.reject': 'reject',
  'kind.forward': 'forward',
  'kind.deliver': 'deliver',
  'kind.reply': 'reply',
  'kind.drop': 'drop',
  // parts of sentences
  via: '{via}: {text}',
  viaLoopback: 'loopback {ip}',
  viaService: '{svc} → {dest}{kept}',
  noteKeptSource: ' (externalTrafficPolicy Local: the client source IP is kept)',
  noteTerminating: ' (Terminating, still running)',
  noteHostNetPending: ' (the hostNetwork Pod {pod} would, but it is {phase}, its container not started yet)',
  yourMachine: 'your machine',
  daemonApiServer: 'the API server',
  daemonKubelet: 'the kubelet',
  lostTcp: '{reason}; the SYN is never answered, so the connection times out',
  lostNoReply: '{reason}, so nothing answers',
  // hop labels
  echoReply: 'ICMP echo reply from {ip}',
  nobodyOwns: 'nobody owns {ip}',
  noRuleIcmp: 'no rule matches ICMP',
  noRuleFor: 'no rule for {ip}:{port}/{proto}',
  ipvsOwns: 'kube-ipvs0 on {node} owns {ip}',
  ipvsRule: '{vs}{note}',
  ipvsNoteLocal: " ({policy} Local: {node}'s endpoints)",
  ipvsNoteEvery: ' ({policy} Local, no endpoint on {node}: every endpoint)',
  ipvsNoteNone: ' ({policy} Local, no endpoint on {node}: no real servers)',
  noRealServer: 'ICMP port unreachable (no real server)',
  affinitySame:
    'affinity: {client} was sent to {ep} at {time}, {ago} s ago (timeout {timeout} s): same endpoint',
  affinityExpired:
    'affinity: {client} was sent to {ep} at {time}, {ago} s ago: past the {timeout} s timeout, so a fresh pick',
  affinityGone:
    'affinity: {client} was sent to {ep} at {time}, {ago} s ago: that endpoint is gone, so a fresh pick',
  sepPick: '{chain} → {sep} (1 of {n})',
  dropsAnswer: '{client} drops the answer from {ip}',
  noLocalDrop: 'DROP: {spn} has no local endpoints',
  hostNoRoute: 'no route to {ip} from your machine',
  hostNetDeliver: "{what}: delivered to the Pod {pod} on the node's network",
  dnsNoRecord: 'NOERROR (no {qtype} record) {question}',
  // verdicts
  noSource: '{src} does not exist, so nothing was sent',
  needsPort: '{proto} needs a destination port',
  dnsCname:
    '{question} is a CNAME for {target}, which has no address (the upstream resolver knows no such host)',
  dnsNoResolve: '{name} does not resolve: tried {tried}',
  dnsNoServer: '{name} does not resolve: tried no server',
  dnsSilence: 'the DNS query for {question} got no answer: {why}',
  dnsNobody: 'nothing answers DNS',
  silentKubeDns: 'the kube-dns Service has no ready CoreDNS endpoint',
  silentNo53: 'the Service {svc} ({ip}) has no UDP port 53',
  silentNotDns: 'the Service {svc} ({ip}) sends port 53 to Pods that are not CoreDNS',
  silentNoEndpoint: 'the Service {svc} ({ip}) has no ready endpoint',
  silentPod: 'nothing in Pod {pod} ({ip}) serves DNS',
  silentPodPhase: 'Pod {pod} ({ip}) is {phase}, not serving DNS',
  silentNode: 'nothing on node {node} ({ip}) serves DNS',
  silentNobody: 'nothing answers DNS on {ip}: no Service, Pod, node or resolver owns that address',
  hostNoListener: 'nothing on your machine listens on localhost:{port}',
  hostNodeUnreachable:
    "node {node}'s address {ip} is on a network your machine cannot reach (kind needs extraPortMappings)",
  hostClusterNet: '{ip} is inside the cluster network, which your machine has no route to',
  pingIpvs:
    'in IPVS mode every ClusterIP is bound to the kube-ipvs0 interface on each node, so {node} answers the ping for {ip} itself',
  pingClusterIP:
    'ICMP to a ClusterIP matches no kube-proxy rule, and no interface owns {ip}, so nothing answers',
  pingPod: '{ip} is Pod {pod}{note}; its network namespace answers the echo',
  pingNode: "{ip} is node {node}'s address; the node answers the ping",
  pingLocalhost: 'localhost is your own machine',
  ipvsDaemon: '{ip} is bound to kube-ipvs0 on {node}, and {daemon} listens on 0.0.0.0:{port} there',
  ipvsNoPort: '{svc} has no port {port}/{proto}; kube-ipvs0 on {node} owns {ip} but nothing listens there',
  noPort: '{svc} has no port {port}/{proto}, so no kube-proxy rule matches and no interface owns {ip}',
  ipvsLocalNone:
    '{svc} has internalTrafficPolicy: Local and no ready endpoint on node {node}, so kube-proxy leaves the IPVS virtual server {addr}:{port} there without real servers and IPVS answers ICMP port unreachable: connection refused',
  asymmetric:
    '{svc} has externalTrafficPolicy: Local and no ready endpoint on node {node}; kube-proxy (IPVS) gives the virtual server every endpoint instead (kubernetes#97081), so the packet reaches {dest} on another node without SNAT, but the answer goes from {ip} straight back to {client}, which never sent anything to {ip} and drops it',
  noLocal:
    '{svc} has {policy}: Local and no ready endpoint on node {node}, so kube-proxy there drops the packet ("{spn} has no local endpoints")',
  noEndpointsIpvs:
    '{spn} has no endpoints: its IPVS virtual server on {node} has no real servers, so IPVS answers ICMP port unreachable and the connection is refused at once',
  noEndpoints:
    "{spn} has no endpoints, so kube-proxy's REJECT rule answers icmp-port-unreachable and the connection is refused at once",
  podListens: 'Pod {pod}{note} listens on {port}/{proto} and answers',
  podRefusedTcp:
    'nothing in Pod {pod}{note} listens on {port}/{proto} (image {image}), so its kernel answers the SYN with RST: connection refused',
  podRefusedUdp:
    'nothing in Pod {pod}{note} listens on {port}/{proto} (image {image}), so its kernel answers ICMP port unreachable: connection refused',
  externalDelivered: "{ip} is {host} on the internet, reached through the node's default route (SNAT)",
  externalSilent: '{host} ({ip}) does not answer on {port}/{proto}',
  formerPod: '{ip} belonged to Pod {pod}, which was deleted; no Pod owns it now',
  nobodyOwnsIP: 'no Pod, node or host owns {ip}',
  nodeDaemon: '{daemon} listens on {ip}:{port} on node {node}',
  nodeNothingTcp: 'nothing on node {node} listens on {port}/{proto}{later}, so it answers RST',
  nodeNothingUdp:
    'nothing on node {node} listens on {port}/{proto}{later}, so it answers ICMP port unreachable',
  hostNetDelivered:
    "delivered to the Pod {pod} on node {node}'s network: it runs with hostNetwork, so its process listens on {port}/{proto} in the node's own network namespace, at {ip}",
  // traces made outside the tracer: a Pod's name lookup (src/sim/workloads/dns.ts: nslookup, and the
  // lookup before ping, nc, wget, curl) and a port-forward from the student's machine (http/client.ts)
  dnsNoRecords: '{question}: no {qtype} records',
  dnsResolvedOne: '{name} resolved after 1 DNS query to {server}',
  dnsResolved: '{name} resolved after {n} DNS queries to {server}',
  dnsAllNxdomain: 'no search domain made {name} resolve: every query came back NXDOMAIN',
  silentNoCoreDns: 'the Service {svc} ({ip}) has no ready CoreDNS endpoint',
  silentOn: 'nothing answers DNS on {ip}',
  silentOnNameserver: 'nothing answers DNS on the nameserver',
  pfNoListener: 'nothing listens on {port}',
  pfTunnel: 'port-forward tunnels localhost:{local} to port {port} inside the Pod',
  pfRefused: 'port-forward reached the Pod, but nothing listens on port {port} there',
  // the HTTP client's own errors (http/client.ts: HttpError.code), shown by the browser pane
  httpBadUrl: 'bad URL {url}',
  httpNoHost: 'Could not resolve host: {host}',
  httpNoAnswer: 'the server did not answer in time',
  httpReset: 'connection reset by peer',
  // the playground's own answer before the kubectl part has loaded (state/core.ts NOT_READY)
  appNotReady: 'the terminal is still starting; try again in a moment',
} as const;

export type TraceMessageKey = keyof typeof enTrace;
