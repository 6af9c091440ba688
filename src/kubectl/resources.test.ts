import { describe, expect, it } from 'vitest';
import {
  expandTypes,
  kindPrefix,
  parseResourceArgs,
  qualifiedResource,
  resolveResourceType,
} from './resources';

describe('resource type resolution', () => {
  it.each([
    ['po', 'pods'],
    ['pod', 'pods'],
    ['Pods', 'pods'],
    ['svc', 'services'],
    ['ep', 'endpoints'],
    ['deploy', 'deployments'],
    ['deployments.apps', 'deployments'],
    ['deployment.v1.apps', 'deployments'],
    ['rs', 'replicasets'],
    ['ns', 'namespaces'],
    ['no', 'nodes'],
    ['ev', 'events'],
    ['endpointslices', 'endpointslices'],
    ['endpointslices.discovery.k8s.io', 'endpointslices'],
  ])('%s → %s', (name, resource) => {
    expect(resolveResourceType(name)?.resource).toBe(resource);
  });

  it('names resources and kinds with their group', () => {
    const d = resolveResourceType('deploy');
    const s = resolveResourceType('endpointslice');
    expect(d && qualifiedResource(d)).toBe('deployments.apps');
    expect(d && kindPrefix(d)).toBe('deployment.apps');
    expect(s && kindPrefix(s)).toBe('endpointslice.discovery.k8s.io');
    const p = resolveResourceType('po');
    expect(p && kindPrefix(p)).toBe('pod');
  });

  it('expands all in discovery order and rejects unknown types', () => {
    const all = expandTypes('all');
    expect(all.ok && all.types.map((t) => t.resource)).toEqual([
      'pods',
      'replicationcontrollers',
      'services',
      'daemonsets',
      'deployments',
      'replicasets',
      'statefulsets',
      'horizontalpodautoscalers',
      'cronjobs',
      'jobs',
    ]);
    expect(expandTypes('deploy,svc')).toMatchObject({
      ok: true,
      types: [{ resource: 'deployments' }, { resource: 'services' }],
    });
    expect(expandTypes('po,podz')).toEqual({
      ok: false,
      message: 'error: the server doesn\'t have a resource type "podz"',
    });
  });

  it('parses TYPE NAME… and TYPE/NAME… like the resource builder', () => {
    expect(parseResourceArgs(['pod', 'a', 'b'])).toMatchObject({
      ok: true,
      requests: [{ names: ['a', 'b'] }],
    });
    expect(parseResourceArgs(['deploy/x', 'svc/y'])).toMatchObject({
      ok: true,
      requests: [
        { type: { resource: 'deployments' }, names: ['x'] },
        { type: { resource: 'services' }, names: ['y'] },
      ],
    });
    expect(parseResourceArgs(['pod', 'svc/y'])).toMatchObject({ ok: false });
    expect(parseResourceArgs(['pod,svc', 'x'])).toEqual({
      ok: false,
      message: 'error: you must specify only one resource',
    });
    expect(parseResourceArgs(['podz/x'])).toEqual({
      ok: false,
      message: 'error: the server doesn\'t have a resource type "podz"',
    });
  });
});
