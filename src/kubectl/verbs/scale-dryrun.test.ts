// kubectl scale --dry-run (scale.go v0.34.9 RunScale): exact lines, nothing scaled.
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';
import { dry } from './dryrun.testkit';

function running(): KubectlDriver {
  return kdrive().kubectl('apply -f sleep/sleep1.yaml -f sleep/sleep2.yaml').advance(20_000);
}

describe('kubectl scale --dry-run', () => {
  it('client: scaled (dry run) without a request or the precondition check', () => {
    const d = running();
    dry(d, 'scale deploy sleep-2 --replicas=3 --current-replicas=5 --dry-run=client');
    expect(d.text()).toBe('deployment.apps/sleep-2 scaled (dry run)\n');
    expect(d.exitCode()).toBe(0);
  });

  it('server: the update as a dry run; the precondition and validation as the real scale', () => {
    const d = running();
    dry(d, 'scale deploy/sleep-1 deploy/sleep-2 --replicas=3 --dry-run=server');
    expect(d.text()).toBe(
      'deployment.apps/sleep-1 scaled (server dry run)\ndeployment.apps/sleep-2 scaled (server dry run)\n',
    );
    dry(d, 'scale deploy sleep-2 --replicas=3 --current-replicas=2 --dry-run=server');
    expect(d.text()).toBe('error: Expected replicas to be 2, was 1\n');
    expect(d.exitCode()).toBe(1);
    d.kubectl('scale deploy sleep-2 --replicas=3');
    expect(d.text()).toBe('deployment.apps/sleep-2 scaled\n');
    expect(d.cluster.get('Deployment', 'default', 'sleep-2')?.spec).toMatchObject({ replicas: 3 });
  });

  it('-o name, and -o yaml of the object as fetched (one printer: --- between objects)', () => {
    const d = running();
    dry(d, 'scale deploy sleep-2 --replicas=3 --dry-run=server -o name');
    expect(d.text()).toBe('deployment.apps/sleep-2\n');
    dry(d, 'scale deploy/sleep-1 deploy/sleep-2 --replicas=3 --dry-run=client -o yaml');
    const docs = d.text().split('\n---\n');
    expect(docs).toHaveLength(2);
    expect(docs[0]).toContain('\n  name: sleep-1\n');
    expect(docs[1]).toContain('\n  name: sleep-2\n');
    expect(docs[1]).toContain('\n  replicas: 1\n');
    dry(d, 'scale deploy sleep-2 --replicas=3 -o wide');
    expect(d.text()).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });

  it('the deprecated boolean forms and a bad value', () => {
    const d = running();
    dry(d, 'scale deploy sleep-2 --replicas=3 --dry-run=T');
    expect(d.stderr()).toBe(
      'W0108 09:30:20.000000    4210 helpers.go:745] --dry-run=T is deprecated (boolean value) and can be replaced with --dry-run=client.\n',
    );
    expect(d.stdout()).toBe('deployment.apps/sleep-2 scaled (dry run)\n');
    dry(d, 'scale deploy sleep-2 --replicas=3 --dry-run=nope');
    expect(d.text()).toBe('error: Invalid dry-run value (nope). Must be "none", "server", or "client".\n');
    expect(d.exitCode()).toBe(1);
  });
});
