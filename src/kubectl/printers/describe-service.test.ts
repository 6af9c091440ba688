// `kubectl describe svc` traffic lines (kubectl v0.34.9 pkg/describe/describe.go describeService):
// Session Affinity always, External Traffic Policy when set, Internal Traffic Policy when set,
// HealthCheck NodePort when non-zero — in that order, label column 26 wide (reference §B14).
import { describe, expect, it } from 'vitest';
import type { Service } from '../../sim/api/types';
import { describeService } from './describe-kinds';

function svc(spec: Partial<Service['spec']>): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'u', resourceVersion: '1', creationTimestamp: '' },
    spec: {
      type: 'LoadBalancer',
      clusterIP: '10.96.50.10',
      clusterIPs: ['10.96.50.10'],
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 30080 }],
      sessionAffinity: 'None',
      ...spec,
    },
    status: { loadBalancer: {} },
  };
}

const tail = (s: Service) =>
  describeService({ obj: s, events: [], now: 0, related: { endpointSlices: [] } })
    .split('\n')
    .filter((l) => /^(Session Affinity|External Traffic|Internal Traffic|HealthCheck)/.test(l));

describe('describe svc: affinity and traffic policy lines', () => {
  it('ClientIP affinity, Local external policy and the health check node port', () => {
    expect(
      tail(
        svc({
          sessionAffinity: 'ClientIP',
          externalTrafficPolicy: 'Local',
          internalTrafficPolicy: 'Cluster',
          healthCheckNodePort: 31999,
        }),
      ),
    ).toEqual([
      'Session Affinity:         ClientIP',
      'External Traffic Policy:  Local',
      'Internal Traffic Policy:  Cluster',
      'HealthCheck NodePort:     31999',
    ]);
  });

  it('no HealthCheck NodePort line for Cluster policy; Internal Traffic Policy Local', () => {
    expect(
      tail(
        svc({
          type: 'ClusterIP',
          internalTrafficPolicy: 'Local',
          ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
        }),
      ),
    ).toEqual(['Session Affinity:         None', 'Internal Traffic Policy:  Local']);
  });
});
