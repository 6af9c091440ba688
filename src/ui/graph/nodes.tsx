// The graph's node components. Each is memoised and reads only its own `data` (built once per source
// object by GraphDeriver), so 200 Pods re-render only when their Pod changed. Every node has one
// hidden source and one hidden target handle at its centre: React Flow needs handles to draw edges,
// and traffic is drawn centre to centre by the traffic edge.
import { Handle, type NodeProps, type NodeTypes, Position } from '@xyflow/react';
import { memo } from 'react';
import { useStore } from '../../state/store';
import { useT } from '../i18n';
import type { ClusterNodeData, EndpointsData, PodData, ServiceData, WorkloadData } from './derive';
import { KIND_NAMES } from './node-label';
import { ENDPOINT_LINES } from './sizes';

function Handles() {
  return (
    <>
      <Handle type="target" position={Position.Left} className="graph-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="graph-handle" isConnectable={false} />
    </>
  );
}

const PodNode = memo(function PodNode({ data, selected }: NodeProps & { data: PodData }) {
  const t = useT();
  const v = data.view;
  // labels on hover: what a Service selector is matched against
  const labels = Object.entries(data.labels)
    .map(([k, val]) => `${k}=${val}`)
    .join(', ');
  return (
    <div className={`gnode gnode-pod tone-${v.tone}${selected ? ' is-selected' : ''}`} title={labels}>
      <Handles />
      <div className="gnode-kind">
        Pod{data.dns ? <span className="gnode-tag">{t('graphDnsTag')}</span> : null}
      </div>
      <div className="gnode-name">{data.name}</div>
      <div className="gnode-line">
        <span className="gnode-ip">{data.ip ?? t('graphNoIP')}</span>
        <span
          className={`gnode-status tone-${v.tone}`}
          data-testid="pod-status"
          title={`${v.status} ${v.ready}`}
        >
          {v.status} {v.ready}
        </span>
      </div>
    </div>
  );
});

const ServiceNode = memo(function ServiceNode({ data, selected }: NodeProps & { data: ServiceData }) {
  const t = useT();
  return (
    <div className={`gnode gnode-service${data.dns ? ' is-dns' : ''}${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="gnode-kind">
        Service · {data.type}
        {data.dns ? <span className="gnode-tag">{t('graphDnsTag')}</span> : null}
      </div>
      <div className="gnode-name" title={data.name}>
        {data.name}
      </div>
      <div className="gnode-line">
        <span className="gnode-ip" data-testid="service-cluster-ip">
          {data.clusterIP}
        </span>
        <span className="gnode-ports" title={data.ports}>
          {data.ports}
        </span>
      </div>
      {data.external !== '<none>' ? <div className="gnode-line gnode-external">→ {data.external}</div> : null}
    </div>
  );
});

const EndpointsNode = memo(function EndpointsNode({
  data,
  selected,
  type,
}: NodeProps & { data: EndpointsData }) {
  const t = useT();
  const shown = data.addresses.slice(0, ENDPOINT_LINES);
  const more = data.addresses.length - shown.length;
  return (
    <div className={`gnode gnode-endpoints${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="gnode-kind">{type === 'endpointSlice' ? 'EndpointSlice' : 'Endpoints'}</div>
      <div className="gnode-name" title={data.name}>
        {data.name}
      </div>
      <ul className="gnode-addresses" data-testid="endpoint-addresses">
        {shown.length === 0 ? <li>&lt;none&gt;</li> : null}
        {shown.map((a) => {
          const text = `${a.ports.length > 0 ? a.ports.map((p) => `${a.ip}:${p}`).join(', ') : a.ip}${a.ready ? '' : ` (${t('graphNotReady')})`}`;
          return (
            <li key={a.ip} className={a.ready ? '' : 'not-ready'} title={text}>
              {text}
            </li>
          );
        })}
        {more > 0 ? <li>{t('graphMore', { count: more })}</li> : null}
      </ul>
    </div>
  );
});

const WorkloadNode = memo(function WorkloadNode({
  data,
  selected,
  type,
}: NodeProps & { data: WorkloadData }) {
  return (
    <div className={`gnode gnode-workload${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="gnode-kind">{KIND_NAMES[type ?? ''] ?? type}</div>
      <div className="gnode-name" title={data.name}>
        {data.name}
      </div>
      <div className="gnode-line">{data.replicas}</div>
    </div>
  );
});

const ClusterNodeGroup = memo(function ClusterNodeGroup({
  data,
  selected,
}: NodeProps & { data: ClusterNodeData }) {
  return (
    <div className={`gnode-group${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="gnode-group-title">
        Node <strong>{data.name}</strong> <span className="gnode-ip">{data.ip}</span>
      </div>
    </div>
  );
});

const KubeProxyNode = memo(function KubeProxyNode({ selected }: NodeProps) {
  const mode = useStore((s) => s.proxyMode);
  return (
    <div className={`gnode gnode-proxy${selected ? ' is-selected' : ''}`}>
      <Handles />
      <span className="gnode-kind">kube-proxy</span>{' '}
      <span>{mode === 'ipvs' ? 'IPVS · kube-ipvs0' : 'iptables · KUBE-SERVICES'}</span>
    </div>
  );
});

const HostNode = memo(function HostNode({ selected }: NodeProps) {
  const t = useT();
  return (
    <div className={`gnode gnode-host${selected ? ' is-selected' : ''}`}>
      <Handles />
      <div className="gnode-name">{t('graphHost')}</div>
      <div className="gnode-line">localhost</div>
      <div className="gnode-kind">{t('graphHostSub')}</div>
    </div>
  );
});

const ExternalNode = memo(function ExternalNode({ data }: NodeProps) {
  const t = useT();
  return (
    <div className="gnode gnode-external">
      <Handles />
      <div className="gnode-kind">{t('graphExternal')}</div>
      <div className="gnode-name">{String(data.name)}</div>
    </div>
  );
});

export const nodeTypes: NodeTypes = {
  pod: PodNode as NodeTypes[string],
  service: ServiceNode as NodeTypes[string],
  endpoints: EndpointsNode as NodeTypes[string],
  endpointSlice: EndpointsNode as NodeTypes[string],
  deployment: WorkloadNode as NodeTypes[string],
  replicaSet: WorkloadNode as NodeTypes[string],
  daemonSet: WorkloadNode as NodeTypes[string],
  statefulSet: WorkloadNode as NodeTypes[string],
  job: WorkloadNode as NodeTypes[string],
  cronJob: WorkloadNode as NodeTypes[string],
  clusterNode: ClusterNodeGroup as NodeTypes[string],
  kubeProxy: KubeProxyNode,
  host: HostNode,
  external: ExternalNode,
};
