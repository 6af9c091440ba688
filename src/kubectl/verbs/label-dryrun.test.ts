// kubectl label --dry-run (label.go v0.34.9 RunLabel): exact lines, -o prints the locally labelled
// object, nothing changes.
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';
import { dry } from './dryrun.testkit';

function running(): KubectlDriver {
  return kdrive().kubectl('apply -f sleep/sleep2.yaml').advance(20_000);
}

describe('kubectl label --dry-run', () => {
  it('client: labeled (dry run), no request and no "label not found" line', () => {
    const d = running();
    dry(d, 'label deploy sleep-2 tier=web gone- --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-2 labeled (dry run)\n');
    d.kubectl('label deploy sleep-2 tier=web');
    dry(d, 'label deploy sleep-2 tier- --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-2 unlabeled (dry run)\n');
    dry(d, 'label deploy sleep-2 tier=web --overwrite --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-2 not labeled (dry run)\n');
  });

  it('server: the PATCH as a dry run; missing labels reported; validation as the real write', () => {
    const d = running();
    dry(d, 'label deploy sleep-2 tier=web gone- --dry-run=server');
    expect(d.text()).toBe('label "gone" not found.\ndeployment.apps/sleep-2 labeled (server dry run)\n');
    dry(d, "label deploy sleep-2 'bad key=x' --dry-run=server");
    const server = { text: d.text(), code: d.exitCode() };
    expect(server.code).toBe(1);
    dry(d, "label deploy sleep-2 'bad key=x' --dry-run=client");
    expect(d.text()).toBe('deployment.apps/sleep-2 labeled (dry run)\n');
    d.kubectl("label deploy sleep-2 'bad key=x'");
    expect({ text: d.text(), code: d.exitCode() }).toEqual(server);
    d.kubectl('label deploy sleep-2 tier=web');
    expect(d.text()).toBe('deployment.apps/sleep-2 labeled\n');
    expect(d.cluster.get('Deployment', 'default', 'sleep-2')?.metadata.labels).toEqual({ tier: 'web' });
  });

  it('-o name / -o yaml print the object as labelled locally; --list with -o is refused', () => {
    const d = running();
    dry(d, 'label deploy sleep-2 tier=web --dry-run=server -o name');
    expect(d.text()).toBe('deployment.apps/sleep-2\n');
    const live = d.cluster.get('Deployment', 'default', 'sleep-2');
    dry(d, 'label deploy sleep-2 tier=web --dry-run=client -o yaml');
    expect(d.text()).toContain(
      `  labels:\n    tier: web\n  name: sleep-2\n  namespace: default\n  resourceVersion: "${live?.metadata.resourceVersion}"\n`,
    );
    expect(d.text().startsWith('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n')).toBe(true);
    dry(d, 'label deploy sleep-2 --list -o yaml');
    expect(d.text()).toBe('error: --list and --output may not be specified together\n');
  });

  it('the deprecated forms and a bad value', () => {
    const d = running();
    dry(d, 'label deploy sleep-2 tier=web --dry-run');
    expect(d.stderr()).toBe(
      'W0108 09:30:20.000000    4210 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n',
    );
    expect(d.stdout()).toBe('deployment.apps/sleep-2 labeled (dry run)\n');
    dry(d, 'label deploy sleep-2 tier=web --dry-run=server2');
    expect(d.text()).toBe('error: Invalid dry-run value (server2). Must be "none", "server", or "client".\n');
    expect(d.exitCode()).toBe(1);
  });
});
