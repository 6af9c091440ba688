// Test-only: the hand-written Endpoints the chapter pairs with a selector-less Service
// (numbers-services/api-service-headless.yaml, reference §C5): one address outside the cluster,
// port 80. Written as a client would send it, with the store's fields still empty.
import type { Endpoints } from '../api/types';

export const manualEndpoints = (name: string): Endpoints =>
  ({
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name, namespace: 'default', uid: '', resourceVersion: '', creationTimestamp: '' },
    subsets: [{ addresses: [{ ip: '192.168.123.234' }], ports: [{ port: 80, protocol: 'TCP' }] }],
  }) as Endpoints;
