// What a screen reader hears for graph nodes and relation lines, in English and Korean: kind names as
// Kubernetes spells them (never the graph's internal type ids), the cluster's own pieces translated.
import { describe, expect, it } from 'vitest';
import { en, type MessageKey } from '../i18n/messages';
import { ko } from '../i18n/messages-ko';
import { edgeLabel, nodeLabel } from './node-label';

const tIn =
  (cat: Record<MessageKey, string>) =>
  (key: MessageKey, vars?: Record<string, string | number>): string =>
    cat[key].replace(/\{(\w+)\}/g, (m, n: string) => String(vars?.[n] ?? m));

describe('graph aria labels', () => {
  it('English: the kind and the name', () => {
    const t = tIn(en);
    expect(nodeLabel(t, 'deployment', 'sleep-1')).toBe('Deployment sleep-1');
    expect(nodeLabel(t, 'replicaSet', 'sleep-1-5d8f')).toBe('ReplicaSet sleep-1-5d8f');
    expect(nodeLabel(t, 'endpointSlice', 'sleep-2-abcde')).toBe('EndpointSlice sleep-2-abcde');
    expect(nodeLabel(t, 'kubeProxy', 'docker-desktop')).toBe('kube-proxy on docker-desktop');
    expect(nodeLabel(t, 'clusterNode', 'docker-desktop')).toBe('Node docker-desktop');
    expect(nodeLabel(t, 'host', 'localhost')).toBe('Your machine');
    expect(edgeLabel(t, 'selects', 'Service sleep-2', 'Pod sleep-2-x')).toBe(
      'Service sleep-2 selects Pod sleep-2-x',
    );
  });

  it('Korean: kind names kept, the rest translated', () => {
    const t = tIn(ko);
    expect(nodeLabel(t, 'deployment', 'sleep-1')).toBe('Deployment sleep-1');
    expect(nodeLabel(t, 'kubeProxy', 'docker-desktop')).toBe('docker-desktop의 kube-proxy');
    expect(nodeLabel(t, 'clusterNode', 'kind-worker')).toBe('노드 kind-worker');
    expect(nodeLabel(t, 'external', 'raw.githubusercontent.com')).toBe(
      'raw.githubusercontent.com (클러스터 밖)',
    );
    expect(edgeLabel(t, 'owns', 'Deployment sleep-1', 'ReplicaSet sleep-1-5d8f')).toBe(
      'Deployment sleep-1이(가) ReplicaSet sleep-1-5d8f을(를) 소유함',
    );
  });
});
