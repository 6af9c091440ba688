// kubectl rollout status --revision (kubectl v0.34.9 cmd/rollout/rollout_status.go Validate, and
// polymorphichelpers/rollout_status.go DeploymentStatusViewer): a pinned revision that is not the
// Deployment's running one is an error; the DaemonSet and StatefulSet viewers ignore it.
import { describe, expect, it } from 'vitest';
import { deploymentYaml } from '../../sim/testing/manifests';
import { kdrive } from '../testing';

const web = (image: string) => deploymentYaml('web', { name: 'web', image }, { replicas: 2 });

describe('rollout status --revision', () => {
  it('reports the rollout of the pinned revision when it is the running one', () => {
    const d = kdrive().apply(web('nginx:1.27')).advance(30_000);
    d.apply(web('nginx:1.28')).advance(60_000);
    d.kubectl('rollout status deployment/web --revision=2');
    expect(d.stdout()).toBe('deployment "web" successfully rolled out\n');
    expect(d.stderr()).toBe('');
  });

  it('is an error when the Deployment has moved on to another revision', () => {
    const d = kdrive().apply(web('nginx:1.27')).advance(30_000);
    d.apply(web('nginx:1.28')).advance(60_000);
    d.kubectl('rollout status deployment/web --revision=1');
    const code = d.exitCode();
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toBe('error: desired revision (1) is different from the running revision (2)\n');
    expect(code).toBe(1);
  });

  it('refuses a negative revision before reading anything', () => {
    const d = kdrive();
    d.kubectl('rollout status deployment/nothing --revision=-1');
    const code = d.exitCode();
    expect(d.stderr()).toBe('error: revision must be a positive integer: -1\n');
    expect(code).toBe(1);
  });
});
