// The boot DaemonSets' Pods as their manifests make them (./system-pods): kubeadm's kube-proxy
// (command, NODE_NAME, privileged, the kube-proxy ConfigMap, xtables lock and modules) and kind's
// kindnet-cni (its env with CONTROL_PLANE_ENDPOINT, capabilities, the cni, xtables, modules and nri
// host paths), and a replacement Pod that mounts them starts (the kube-proxy ConfigMap exists).
import { describe, expect, it } from 'vitest';
import { kdrive } from '../../kubectl/testing';
import type { Pod } from '../api/types';

type D = ReturnType<typeof kdrive>;
// biome-ignore lint/suspicious/noExplicitAny: reading Pod spec JSON.
type Any = any;
const podsOf = (d: D, sel: string) =>
  d.cluster.list('Pod', { namespace: 'kube-system', labelSelector: sel }) as Pod[];
const volumeNames = (p: Pod) => ((p.spec as Any).volumes as Any[]).map((v) => v.name);

describe('boot DaemonSet Pods as the manifests have them', () => {
  it("kube-proxy: kubeadm's command, env, privileged, mounts and volumes, then the token volume", () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    for (const p of podsOf(d, 'k8s-app=kube-proxy')) {
      const spec = p.spec as Any;
      const c = spec.containers[0];
      expect(c.command).toEqual([
        '/usr/local/bin/kube-proxy',
        '--config=/var/lib/kube-proxy/config.conf',
        '--hostname-override=$(NODE_NAME)',
      ]);
      expect(c.env).toEqual([
        { name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
      ]);
      expect(c.securityContext).toEqual({ privileged: true });
      expect(c.volumeMounts.map((m: Any) => `${m.mountPath}:${m.name}:${m.readOnly ?? false}`)).toEqual([
        '/var/lib/kube-proxy:kube-proxy:false',
        '/run/xtables.lock:xtables-lock:false',
        '/lib/modules:lib-modules:true',
        expect.stringMatching(
          /^\/var\/run\/secrets\/kubernetes\.io\/serviceaccount:kube-api-access-[a-z0-9]{5}:true$/,
        ),
      ]);
      expect(volumeNames(p).slice(0, 3)).toEqual(['kube-proxy', 'xtables-lock', 'lib-modules']);
      expect(spec.volumes[1].hostPath).toEqual({ path: '/run/xtables.lock', type: 'FileOrCreate' });
      expect(spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
      expect(spec.priorityClassName).toBe('system-node-critical');
    }
  });

  it("kindnet: container kindnet-cni, kind's env with the pod subnet and control-plane endpoint, capabilities", () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    const pods = podsOf(d, 'app=kindnet');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      const spec = p.spec as Any;
      const c = spec.containers[0];
      expect(c.name).toBe('kindnet-cni');
      expect(c.env).toEqual([
        { name: 'HOST_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.hostIP' } } },
        { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
        { name: 'POD_SUBNET', value: '10.244.0.0/16' },
        { name: 'CONTROL_PLANE_ENDPOINT', value: 'kind-control-plane:6443' },
      ]);
      expect(c.securityContext).toEqual({
        capabilities: { add: ['NET_RAW', 'NET_ADMIN'] },
        privileged: false,
      });
      expect(volumeNames(p).slice(0, 4)).toEqual(['cni-cfg', 'xtables-lock', 'lib-modules', 'nri-plugin']);
      expect(spec.nodeSelector).toEqual({ 'kubernetes.io/os': 'linux' });
      expect(p.status.containerStatuses?.[0]?.name).toBe('kindnet-cni');
    }
    expect(d.kubectl('describe ds kindnet -n kube-system').text()).toContain(
      [
        '    Environment:',
        '      HOST_IP:                  (v1:status.hostIP)',
        '      POD_IP:                   (v1:status.podIP)',
        '      POD_SUBNET:              10.244.0.0/16',
        '      CONTROL_PLANE_ENDPOINT:  kind-control-plane:6443',
        '    Mounts:',
        '      /etc/cni/net.d from cni-cfg (rw)',
        '      /lib/modules from lib-modules (ro)',
        '      /run/xtables.lock from xtables-lock (rw)',
        '      /var/run/nri from nri-plugin (rw)',
        '',
      ].join('\n'),
    );
  });

  it('a replacement kube-proxy or kindnet Pod mounts its volumes and runs (no FailedMount)', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    for (const sel of ['k8s-app=kube-proxy', 'app=kindnet']) {
      const before = podsOf(d, sel);
      const victim = before.find((p) => p.spec.nodeName === 'kind-worker') as Pod;
      d.kubectl(`delete pod ${victim.metadata.name} -n kube-system --wait=false`);
      let fresh: Pod | undefined;
      for (let i = 0; i < 120 && fresh?.status.phase !== 'Running'; i++) {
        d.advance(500);
        fresh = podsOf(d, sel).find((p) => !before.some((b) => b.metadata.name === p.metadata.name));
      }
      expect(fresh?.status.phase).toBe('Running');
      expect(volumeNames(fresh as Pod).slice(0, 3)).toEqual(volumeNames(victim).slice(0, 3));
    }
    expect(d.kubectl('get events -n kube-system --field-selector reason=FailedMount').text()).toBe(
      'No resources found in kube-system namespace.\n',
    );
  });
});
