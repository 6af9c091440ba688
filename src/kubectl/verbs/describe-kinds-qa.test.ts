// What a student types after `kubectl get endpointslices` in §3.5 (describe the slice), and the
// describe flags and kinds the per-kind tests do not reach, through the real terminal session:
//  - describeEndpointSliceV1 [kubectl v0.34.9 pkg/describe/describe.go]
//  - genericDescriber for a kind without its own describer (Event) [same file: printUnstructuredContent]
//  - --show-events=false: no events fetched, so no Events section (`if events != nil`)
import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Event, Pod } from '../../sim/api/types';
import { camelSplit, smartLabelFor } from '../printers/describe-generic';
import { kdrive } from '../testing';

function sleep2(seed = 1) {
  const d = kdrive({ seed });
  d.kubectl('apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml').advance(30_000);
  const pod = d.pods({ namespace: 'default', labelSelector: 'app=sleep-2' })[0] as Pod;
  const slice = d.cluster.list('EndpointSlice', {
    namespace: 'default',
    labelSelector: 'kubernetes.io/service-name=sleep-2',
  })[0] as EndpointSlice;
  return { d, pod, slice };
}

describe('kubectl describe endpointslice', () => {
  it('prints the ports table and each endpoint as describeEndpointSliceV1 does', () => {
    const { d, pod, slice } = sleep2();
    const trigger = slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time'];
    d.kubectl('describe endpointslice -l kubernetes.io/service-name=sleep-2');
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toBe(
      [
        `Name:         ${slice.metadata.name}`,
        'Namespace:    default',
        'Labels:       endpointslice.kubernetes.io/managed-by=endpointslice-controller.k8s.io',
        '              kubernetes.io/service-name=sleep-2',
        `Annotations:  endpoints.kubernetes.io/last-change-trigger-time: ${trigger}`,
        'AddressType:  IPv4',
        'Ports:',
        '  Name     Port  Protocol',
        '  ----     ----  --------',
        '  <unset>  80    TCP',
        'Endpoints:',
        `  - Addresses:  ${pod.status?.podIP}`,
        '    Conditions:',
        '      Ready:    true',
        '    Hostname:   <unset>',
        `    TargetRef:  Pod/${pod.metadata.name}`,
        '    NodeName:   docker-desktop',
        '    Zone:       <unset>',
        'Events:         <none>',
        '',
      ].join('\n'),
    );
  });

  it('a slice with no endpoints and no ports (the Deployment deleted) says so on one line each', () => {
    const { d, slice } = sleep2();
    d.kubectl('delete deploy sleep-2').advance(5_000);
    d.kubectl(`describe endpointslices ${slice.metadata.name}`);
    const out = d.stdout();
    expect(out).toContain('\nAddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
    expect(out.endsWith('\n')).toBe(true);
  });
});

describe('kubectl describe --show-events=false', () => {
  it('leaves the Events section out for a Service, a Pod and an EndpointSlice', () => {
    const { d, pod } = sleep2();
    for (const what of [
      'svc sleep-2',
      `pod ${pod.metadata.name}`,
      'endpointslice -l kubernetes.io/service-name=sleep-2',
    ]) {
      d.kubectl(`describe ${what} --show-events=false`);
      expect(d.exitCode()).toBe(0);
      expect(d.stdout()).not.toContain('Events:');
      expect(d.stdout().endsWith('\n')).toBe(true);
      d.kubectl(`describe ${what}`);
      expect(d.stdout()).toMatch(/\nEvents:/);
    }
  });
});

describe('kubectl describe event (genericDescriber)', () => {
  it('walks the object as -o json has it: sorted fields, sections, <nil> for null', () => {
    const { d, pod } = sleep2();
    const ev = (d.cluster.list('Event', { namespace: 'default' }) as Event[]).find(
      (e) => e.reason === 'Pulling' && e.involvedObject.name === pod.metadata.name,
    ) as Event;
    d.kubectl(`describe event ${ev.metadata.name}`);
    expect(d.exitCode()).toBe(0);
    expect(d.stdout()).toBe(
      [
        `Name:             ${ev.metadata.name}`,
        'Namespace:        default',
        'Labels:           <none>',
        'Annotations:      <none>',
        'API Version:      v1',
        'Count:            1',
        'Event Time:       <nil>',
        `First Timestamp:  ${ev.firstTimestamp}`,
        'Involved Object:',
        '  API Version:       v1',
        '  Field Path:        spec.containers{sleep}',
        '  Kind:              Pod',
        `  Name:              ${pod.metadata.name}`,
        '  Namespace:         default',
        `  Resource Version:  ${(ev.involvedObject as { resourceVersion?: string }).resourceVersion}`,
        `  UID:               ${pod.metadata.uid}`,
        'Kind:                Event',
        `Last Timestamp:      ${ev.lastTimestamp}`,
        'Message:             Pulling image "kiamol/ch03-sleep"',
        'Metadata:',
        `  Creation Timestamp:  ${ev.metadata.creationTimestamp}`,
        `  Resource Version:    ${ev.metadata.resourceVersion}`,
        `  UID:                 ${ev.metadata.uid}`,
        'Reason:                Pulling',
        'Reporting Component:   kubelet',
        'Reporting Instance:    docker-desktop',
        'Source:',
        '  Component:  kubelet',
        '  Host:       docker-desktop',
        'Type:         Normal',
        'Events:       <none>',
        '',
      ].join('\n'),
    );
  });

  it('smartLabelFor / camelcase.Split as fatih/camelcase splits', () => {
    expect(camelSplit('PDFLoader')).toEqual(['PDF', 'Loader']);
    expect(camelSplit('apiVersion')).toEqual(['api', 'Version']);
    expect(smartLabelFor('apiVersion')).toBe('API Version');
    expect(smartLabelFor('uid')).toBe('UID');
    expect(smartLabelFor('reportingComponent')).toBe('Reporting Component');
    expect(smartLabelFor('a-b')).toBe('A - B');
    expect(smartLabelFor('ipv4Address')).toBe('ipv4Address');
  });
});
