import { describe, expect, it } from 'vitest';
import type { Pod } from '../api/types';
import { imageRepository, podListens } from './listeners';

const pod = (image: string, ports: { containerPort: number; protocol: 'TCP' | 'UDP' }[] = []): Pod =>
  ({ spec: { containers: [{ name: 'c', image, ports }] } }) as unknown as Pod;

describe('podListens', () => {
  it.each([
    ['kiamol/ch03-sleep', 80, 'TCP', false],
    ['kiamol/ch03-sleep:latest', 22, 'TCP', false],
    ['kiamol/ch03-numbers-api', 80, 'TCP', true],
    ['kiamol/ch03-numbers-api:v2', 80, 'UDP', false],
    ['kiamol/ch03-numbers-web:latest', 80, 'TCP', true],
    ['kiamol/ch03-numbers-web', 8080, 'TCP', false],
    ['nginx:alpine', 80, 'TCP', true],
    ['docker.io/library/nginx:1.27', 80, 'TCP', true],
    ['registry.k8s.io/coredns/coredns:v1.12.1', 53, 'UDP', true],
    ['registry.k8s.io/coredns/coredns:v1.12.1', 53, 'TCP', true],
    ['registry.k8s.io/coredns/coredns:v1.12.1', 9153, 'TCP', true],
    ['registry.k8s.io/coredns/coredns:v1.12.1', 9153, 'UDP', false],
  ] as const)('%s on %i/%s → %s', (image, port, proto, want) => {
    expect(podListens(pod(image), port, proto)).toBe(want);
  });
  it('other images listen on their declared containerPorts only', () => {
    const p = pod('example/app:1', [{ containerPort: 8080, protocol: 'TCP' }]);
    expect(podListens(p, 8080, 'TCP')).toBe(true);
    expect(podListens(p, 8080, 'UDP')).toBe(false);
    expect(podListens(p, 80, 'TCP')).toBe(false);
  });
  it('sleep ignores declared ports (the process opens no socket)', () => {
    expect(podListens(pod('kiamol/ch03-sleep', [{ containerPort: 80, protocol: 'TCP' }]), 80, 'TCP')).toBe(
      false,
    );
  });
  it('strips registry, tag and digest', () => {
    expect(imageRepository('localhost:5000/kiamol/ch03-sleep:v1@sha256:abc')).toBe('kiamol/ch03-sleep');
  });
});
