// kubectl delete --dry-run (delete.go v0.34.9 DeleteResult / PrintObj): exact lines, nothing
// deleted, no wait.
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';
import { dry } from './dryrun.testkit';

function running(): KubectlDriver {
  return kdrive().kubectl('apply -f sleep/sleep2.yaml -f sleep/sleep2-service.yaml').advance(20_000);
}

describe('kubectl delete --dry-run', () => {
  it('client: one line per target with the namespace and (dry run); no request, so a missing name prints too', () => {
    const d = running();
    const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
    dry(d, 'delete pod -l app=sleep-2 --dry-run=client');
    expect(d.text()).toBe(`pod "${pod}" deleted from default namespace (dry run)\n`);
    dry(d, 'delete svc sleep-2 nope --dry-run=client');
    expect(d.text()).toBe(
      'service "sleep-2" deleted from default namespace (dry run)\nservice "nope" deleted from default namespace (dry run)\n',
    );
    expect(d.exitCode()).toBe(0);
    dry(d, 'delete -f sleep/sleep2.yaml --dry-run=client -o name');
    expect(d.text()).toBe('deployment.apps/sleep-2\n');
  });

  it('server: dry-run DELETEs, (server dry run); NotFound as the real delete; nothing removed, no wait', () => {
    const d = running();
    const svc = d.cluster.get('Service', 'default', 'sleep-2');
    const ip = (svc?.spec as { clusterIP: string } | undefined)?.clusterIP ?? '';
    expect(ip).toMatch(/^10\.96\./);
    dry(d, 'delete deploy/sleep-2 svc/sleep-2 --dry-run=server');
    expect(d.text()).toBe(
      'deployment.apps "sleep-2" deleted from default namespace (server dry run)\nservice "sleep-2" deleted from default namespace (server dry run)\n',
    );
    const pod = d.cluster.list('Pod', { namespace: 'default' })[0]?.metadata.name as string;
    dry(d, `delete pod ${pod} --dry-run=server -o name`);
    expect(d.text()).toBe(`pod/${pod}\n`);
    expect(d.cluster.get('Pod', 'default', pod)?.metadata.deletionTimestamp).toBeUndefined();
    dry(d, 'delete pod nope --dry-run=server');
    expect(d.text()).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(d.exitCode()).toBe(1);
    // The Service kept its address: a new Service cannot take it.
    expect(d.cluster.internals.api.allocators.ips.has(ip)).toBe(true);
    d.kubectl('delete svc sleep-2');
    expect(d.text()).toBe('service "sleep-2" deleted from default namespace\n');
  });

  it('deprecated forms, a bad value, and -o other than name', () => {
    const d = running();
    dry(d, 'delete svc sleep-2 --dry-run');
    expect(d.last?.output.map((c) => [c.stream, c.text])).toEqual([
      [
        'stderr',
        'W0108 09:30:20.000000    4210 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n',
      ],
      ['stdout', 'service "sleep-2" deleted from default namespace (dry run)\n'],
    ]);
    dry(d, 'delete svc sleep-2 --dry-run=1');
    expect(d.stderr()).toBe(
      'W0108 09:30:20.000000    4210 helpers.go:745] --dry-run=1 is deprecated (boolean value) and can be replaced with --dry-run=client.\n',
    );
    dry(d, 'delete svc sleep-2 --dry-run=all');
    expect(d.text()).toBe('error: Invalid dry-run value (all). Must be "none", "server", or "client".\n');
    expect(d.exitCode()).toBe(1);
    dry(d, 'delete svc sleep-2 --dry-run=server -o yaml');
    expect(d.text()).toBe("error: unexpected -o output mode: yaml. We only support '-o name'\n");
    expect(d.exitCode()).toBe(1);
  });
});
