// kubectl cordon / uncordon (drain.go v0.34.9 RunCordonOrUncordon, Complete) and what follows on
// the cluster: STATUS Ready,SchedulingDisabled, the node lifecycle controller's
// node.kubernetes.io/unschedulable:NoSchedule taint, describe's Taints / Unschedulable.
import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../sim/runtime/clock';
import { kdrive } from '../testing';

const spec = (d: ReturnType<typeof kdrive>, name: string) =>
  d.cluster.get('Node', undefined, name)?.spec as
    | { unschedulable?: boolean; taints?: { key: string; effect: string; timeAdded?: string }[] }
    | undefined;

describe('kubectl cordon / uncordon', () => {
  it('cordoned, then already cordoned; uncordoned, then already uncordoned', () => {
    const d = kdrive();
    d.kubectl('cordon docker-desktop');
    expect(d.stdout()).toBe('node/docker-desktop cordoned\n');
    expect(d.exitCode()).toBe(0);
    expect(spec(d, 'docker-desktop')?.unschedulable).toBe(true);
    d.kubectl('cordon docker-desktop');
    expect(d.text()).toBe('node/docker-desktop already cordoned\n');
    d.kubectl('uncordon docker-desktop');
    expect(d.text()).toBe('node/docker-desktop uncordoned\n');
    // The patch clears the field (`null`): it is absent, not false.
    expect(spec(d, 'docker-desktop')).not.toHaveProperty('unschedulable');
    d.kubectl('uncordon docker-desktop');
    expect(d.text()).toBe('node/docker-desktop already uncordoned\n');
  });

  it('get nodes: Ready,SchedulingDisabled; the controller taints the node and describe shows it', () => {
    const d = kdrive();
    const at = d.cluster.now();
    d.kubectl('cordon docker-desktop').kubectl('get nodes');
    expect(d.text()).toBe(
      'NAME             STATUS                     ROLES           AGE     VERSION\n' +
        'docker-desktop   Ready,SchedulingDisabled   control-plane   6d22h   v1.34.1\n',
    );
    expect(spec(d, 'docker-desktop')?.taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: rfc3339(at) },
    ]);
    d.kubectl('describe node docker-desktop');
    expect(d.text()).toContain(
      '\nTaints:             node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    d.kubectl('uncordon docker-desktop').kubectl('get nodes');
    expect(d.text()).toContain('\ndocker-desktop   Ready    control-plane');
    expect(spec(d, 'docker-desktop')).not.toHaveProperty('taints');
    d.kubectl('describe node docker-desktop');
    expect(d.text()).toContain('\nTaints:             <none>\nUnschedulable:      false\n');
  });

  it('the kubelet says so: NodeNotSchedulable, then NodeSchedulable (Events in the default namespace)', () => {
    const d = kdrive().kubectl('cordon docker-desktop').advance(3000);
    d.kubectl('cordon docker-desktop').kubectl('uncordon docker-desktop').advance(2000);
    d.kubectl('describe node docker-desktop');
    expect(d.text()).toContain(
      '\nEvents:\n  Type    Reason              Age   From     Message\n' +
        '  ----    ------              ----  ----     -------\n' +
        '  Normal  NodeNotSchedulable  5s    kubelet  Node docker-desktop status is now: NodeNotSchedulable\n' +
        '  Normal  NodeSchedulable     2s    kubelet  Node docker-desktop status is now: NodeSchedulable\n',
    );
    d.kubectl('get events');
    expect(d.text()).toBe(
      'LAST SEEN   TYPE     REASON               OBJECT                MESSAGE\n' +
        '5s          Normal   NodeNotSchedulable   node/docker-desktop   Node docker-desktop status is now: NodeNotSchedulable\n' +
        '2s          Normal   NodeSchedulable      node/docker-desktop   Node docker-desktop status is now: NodeSchedulable\n',
    );
  });

  it('the controller keeps a taint of the user and removes only its own', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('cordon kind-control-plane');
    expect(spec(d, 'kind-control-plane')?.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node-role.kubernetes.io/control-plane:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    // printTaintsMultilineWithIndent: sorted by effect then key, one a line.
    d.kubectl('describe node kind-control-plane');
    expect(d.text()).toContain(
      '\nTaints:             node-role.kubernetes.io/control-plane:NoSchedule\n' +
        '                    node.kubernetes.io/unschedulable:NoSchedule\nUnschedulable:      true\n',
    );
    d.kubectl('uncordon kind-control-plane');
    expect(spec(d, 'kind-control-plane')?.taints).toEqual([
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ]);
  });

  it('--dry-run: client sends nothing, server sends a dry-run patch; both leave the node as it was', () => {
    const d = kdrive();
    d.kubectl('cordon docker-desktop --dry-run=client');
    expect(d.text()).toBe('node/docker-desktop cordoned (dry run)\n');
    d.kubectl('cordon docker-desktop --dry-run=server');
    expect(d.text()).toBe('node/docker-desktop cordoned (server dry run)\n');
    expect(spec(d, 'docker-desktop')).not.toHaveProperty('unschedulable');
    d.kubectl('uncordon docker-desktop --dry-run=server');
    expect(d.text()).toBe('node/docker-desktop already uncordoned (server dry run)\n');
    d.kubectl('cordon docker-desktop --dry-run=bogus');
    expect(d.text()).toBe('error: Invalid dry-run value (bogus). Must be "none", "server", or "client".\n');
    expect(d.exitCode()).toBe(1);
  });

  it('an unknown node is NotFound, and the builder stops before cordoning any node', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('cordon nope');
    expect(d.stderr()).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('cordon kind-worker nope');
    expect(d.text()).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(spec(d, 'kind-worker')).not.toHaveProperty('unschedulable');
  });

  it('usage errors: no node, a node and a selector, a non-node TYPE/NAME', () => {
    const d = kdrive();
    d.kubectl('cordon');
    expect(d.text()).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
    expect(d.exitCode()).toBe(1);
    d.kubectl('uncordon x -l a=b');
    expect(d.text()).toBe(
      "error: cannot specify both a node name and a --selector option\nSee 'kubectl uncordon -h' for help and examples\n",
    );
    d.kubectl('cordon node/docker-desktop');
    expect(d.text()).toBe('node/docker-desktop cordoned\n');
    d.kubectl('cordon svc/kubernetes');
    expect(d.text()).toBe('error: expected resource of type node, got "/v1, Resource=services"\n');
  });

  it('-l/--selector picks the nodes by label (none matching: no output)', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl("cordon -l '!node-role.kubernetes.io/control-plane'");
    expect(d.text()).toBe('node/kind-worker cordoned\nnode/kind-worker2 cordoned\n');
    d.kubectl('uncordon --selector kubernetes.io/hostname=kind-worker2');
    expect(d.text()).toBe('node/kind-worker2 uncordoned\n');
    d.kubectl('cordon -l app=none');
    expect(d.text()).toBe('');
    expect(d.exitCode()).toBe(0);
    // An explicit empty selector passes the usage check, but the builder has nothing to visit.
    d.kubectl("cordon -l ''");
    expect(d.text()).toBe(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    expect(d.exitCode()).toBe(1);
  });

  it('--help, the root help line, and completion of node names', () => {
    const d = kdrive({ seed: 1, profile: 'kind' });
    d.kubectl('cordon --help');
    expect(d.text()).toBe(`Mark node as unschedulable.

Examples:
  # Mark node "foo" as unschedulable
  kubectl cordon foo

Options:
    --dry-run='none':
\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without
\tsending it. If server strategy, submit server-side request without persisting the resource.

    -l, --selector='':
\tSelector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l
\tkey1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label
\tconstraints.

Usage:
  kubectl cordon NODE [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`);
    d.kubectl('--help');
    expect(d.text()).toContain(
      '\n  cordon          Mark node as unschedulable\n  uncordon        Mark node as schedulable\n',
    );
    expect(d.text()).toContain('\n  drain           Drain node in preparation for maintenance\n');
    expect(d.text()).toContain('\n  taint           Update the taints on one or more nodes\n');
    const s = d.session;
    expect(s.complete('kubectl cordon kind-w').candidates).toEqual(['kind-worker', 'kind-worker2']);
    expect(s.complete('kubectl drain ').candidates).toEqual([
      'kind-control-plane',
      'kind-worker',
      'kind-worker2',
    ]);
    expect(s.complete('kubectl uncordon kind-worker ').candidates).toEqual([]);
    expect(s.complete('kubectl drain --ignore-d').candidates).toEqual(['--ignore-daemonsets']);
    expect(s.complete('kubectl taint ').candidates).toEqual(['node']);
    expect(s.complete('kubectl taint node kind-c').candidates).toEqual(['kind-control-plane']);
  });
});
