import { describe, expect, it } from 'vitest';
import type { ProfileName } from '../../sim/contract';
import { RESOURCE_TYPES, resolveResourceType } from '../resources';
import { kdrive } from '../testing';
import { apiResourcesFor, apiVersionsFor } from './api-resources-data';

const PROFILES: ProfileName[] = ['docker-desktop', 'kind', 'k3s'];

/** Split a tabwriter line on runs of 2+ spaces (no cell holds two spaces). */
function cells(line: string): string[] {
  return line.trimEnd().split(/ {2,}/);
}

describe('kubectl api-resources', () => {
  it('agrees with resources.ts on every type kubectl get knows', () => {
    for (const profile of PROFILES) {
      const rows = apiResourcesFor(profile);
      for (const t of RESOURCE_TYPES) {
        const row = rows.find((r) => r.name === t.resource && r.group === t.group);
        expect(row, `${t.resource}.${t.group}`).toBeDefined();
        expect([t.resource, row?.shortNames, row?.namespaced, row?.kind, row?.version]).toEqual([
          t.resource,
          t.shortNames,
          t.namespaced,
          t.kind,
          t.version,
        ]);
      }
      // And every built-in row resolves through resources.ts when kubectl get knows its name.
      for (const r of rows) {
        const t = resolveResourceType(r.group ? `${r.name}.${r.group}` : r.name);
        if (t) expect([r.name, t.kind]).toEqual([r.name, r.kind]);
      }
    }
  });

  it('prints the table: rows sorted by group then name, core first', () => {
    const d = kdrive({ seed: 1 }).kubectl('api-resources');
    const lines = d.stdout().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME {2,}SHORTNAMES {3}APIVERSION {2,}NAMESPACED {3}KIND$/);
    expect(cells(lines[1] as string)).toEqual(['bindings', 'v1', 'true', 'Binding']);
    const pods = lines.find((l) => l.startsWith('pods '));
    expect(cells(pods as string)).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    const deploy = lines.find((l) => l.startsWith('deployments '));
    expect(cells(deploy as string)).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    // The APIVERSION column starts where its header does on every line.
    const col = (lines[0] as string).indexOf('APIVERSION');
    for (const l of lines.slice(1)) expect(l[col - 1]).toBe(' ');
    const groups = lines.slice(1).map((l) => {
      const gv = cells(l).find((c) => /^(v1|[a-z0-9.-]+\/v\w+)$/.test(c)) as string;
      return gv.includes('/') ? gv.slice(0, gv.indexOf('/')) : '';
    });
    expect(groups).toEqual([...groups].sort());
    expect(d.exitCode()).toBe(0);
  });

  it('filters: --namespaced, --api-group, --verbs, --no-headers, -o name, -o wide, --sort-by', () => {
    const d = kdrive({ seed: 1 });
    d.kubectl('api-resources --namespaced=false -o name');
    const cluster = d.stdout().trimEnd().split('\n');
    expect(cluster).toContain('nodes');
    expect(cluster).toContain('storageclasses.storage.k8s.io');
    expect(cluster).not.toContain('pods');
    d.kubectl('api-resources --api-group=apps -o name');
    expect(d.stdout()).toBe(
      'controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n',
    );
    d.kubectl('api-resources --api-group= --verbs=get --verbs=list,watch -o name');
    expect(d.stdout()).not.toContain('bindings');
    expect(d.stdout()).not.toContain('componentstatuses');
    expect(d.stdout()).toContain('namespaces\n');
    d.kubectl('api-resources --api-group=batch --no-headers');
    expect(
      d
        .stdout()
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual(['cronjobs   cj    batch/v1   true   CronJob', 'jobs             batch/v1   true   Job', '']);
    d.kubectl('api-resources --api-group=batch -o wide');
    expect(
      d
        .stdout()
        .split('\n')
        .map((l) => l.trimEnd()),
    ).toEqual([
      'NAME       SHORTNAMES   APIVERSION   NAMESPACED   KIND      VERBS                                                        CATEGORIES',
      'cronjobs   cj           batch/v1     true         CronJob   create,delete,deletecollection,get,list,patch,update,watch   all',
      'jobs                    batch/v1     true         Job       create,delete,deletecollection,get,list,patch,update,watch   all',
      '',
    ]);
    d.kubectl('api-resources --sort-by=name -o name --categories=all');
    expect(d.stdout()).toBe(
      'cronjobs.batch\ndaemonsets.apps\ndeployments.apps\nhorizontalpodautoscalers.autoscaling\njobs.batch\npods\nreplicasets.apps\nreplicationcontrollers\nservices\nstatefulsets.apps\n',
    );
    d.kubectl('api-resources --sort-by=kind --api-group=rbac.authorization.k8s.io -o name');
    expect(d.stdout()).toBe(
      'clusterroles.rbac.authorization.k8s.io\nclusterrolebindings.rbac.authorization.k8s.io\nroles.rbac.authorization.k8s.io\nrolebindings.rbac.authorization.k8s.io\n',
    );
  });

  it('errors', () => {
    const d = kdrive({ seed: 1 });
    const cases: [string, string][] = [
      ['api-resources --sort-by=age', 'error: --sort-by accepts only name or kind\n'],
      [
        'api-resources -o foo',
        'error: unable to match a printer suitable for the output format "foo", allowed formats are: json,name,wide,yaml\n',
      ],
      [
        'api-resources pods',
        "error: unexpected arguments: [pods]\nSee 'kubectl api-resources -h' for help and examples\n",
      ],
      [
        'api-versions x',
        "error: unexpected arguments: [x]\nSee 'kubectl api-versions -h' for help and examples\n",
      ],
      [
        'api-resources --namespaced=maybe',
        'error: invalid argument "maybe" for "--namespaced" flag: strconv.ParseBool: parsing "maybe": invalid syntax\nSee \'kubectl api-resources --help\' for usage.\n',
      ],
    ];
    for (const [line, text] of cases) {
      d.kubectl(line);
      expect([line, d.text(), d.exitCode()]).toEqual([line, text, 1]);
    }
  });

  it('k3s adds its CRDs and metrics-server; Docker Desktop and kind do not', () => {
    const k3s = kdrive({ seed: 1, profile: 'k3s' }).kubectl('api-resources -o name');
    expect(k3s.stdout()).toContain('helmcharts.helm.cattle.io\n');
    expect(k3s.stdout()).toContain('ingressroutes.traefik.io\n');
    expect(k3s.stdout()).toContain('pods.metrics.k8s.io\n');
    for (const p of ['docker-desktop', 'kind'] as const) {
      const d = kdrive({ seed: 1, profile: p }).kubectl('api-resources -o name');
      expect(d.stdout()).not.toContain('cattle.io');
      expect(d.stdout()).not.toContain('metrics.k8s.io');
      expect(d.stdout()).toBe(
        kdrive({ seed: 2, profile: p === 'kind' ? 'docker-desktop' : 'kind' })
          .kubectl('api-resources -o name')
          .stdout(),
      );
    }
  });
});

describe('kubectl api-versions', () => {
  it('lists every served group/version sorted, per profile', () => {
    const d = kdrive({ seed: 1, profile: 'kind' }).kubectl('api-versions');
    const lines = d.stdout().trimEnd().split('\n');
    expect(lines).toEqual([...lines].sort());
    expect(lines[lines.length - 1]).toBe('v1');
    expect(lines).toContain('autoscaling/v1');
    expect(lines).toContain('autoscaling/v2');
    expect(lines).toContain('apps/v1');
    expect(lines).not.toContain('metrics.k8s.io/v1beta1');
    expect(lines).toEqual(apiVersionsFor('kind'));
    const k3s = kdrive({ seed: 1, profile: 'k3s' }).kubectl('api-versions').stdout();
    expect(k3s).toContain('metrics.k8s.io/v1beta1\n');
    expect(k3s).toContain('helm.cattle.io/v1\n');
    // Every group/version api-resources shows is one api-versions lists.
    for (const r of apiResourcesFor('k3s'))
      expect(k3s.split('\n')).toContain(r.group ? `${r.group}/${r.version}` : r.version);
  });
});
