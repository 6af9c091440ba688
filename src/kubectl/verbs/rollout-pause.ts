// kubectl rollout pause|resume TYPE/NAME [kubectl v0.34.9 pkg/cmd/rollout/rollout_pause.go,
// rollout_resume.go; pkg/polymorphichelpers/objectpauser.go, objectresumer.go]. The pauser refuses a
// Deployment already paused ("is already paused") and anything but a Deployment ("pausing is not
// supported"); each refusal is `error: <resource>.<group> "<name>" <reason>`, gathered in an
// aggregate that CheckErr prints one per line. The change is sent as the strategic merge patch
// CreateTwoWayMergePatch makes of spec.paused (false is omitted: `null` removes it).
import { qualifiedResource } from '../resources';
import type { KubectlContext } from './registry';
import { nameOf, rolloutTargets } from './rollout-common';

export function rolloutPause(ctx: KubectlContext, rest: string[], pause: boolean): number {
  // The builder resolves any kind; the pauser is what refuses.
  const list = rolloutTargets(rest, ctx, undefined, () => '');
  if (!list) return 1;
  // r.Infos()'s NotFound comes first in the aggregate, then the pauser's refusals.
  const missing: string[] = [];
  const errors: string[] = [];
  for (const { t, name } of list) {
    const kind = t.simulated;
    const obj = kind ? ctx.cluster.get(kind, ctx.namespace, name) : undefined;
    if (!kind || !obj) {
      // ContinueOnError: r.Infos() reports the NotFound; the others still run.
      missing.push(`Error from server (NotFound): ${qualifiedResource(t)} "${name}" not found`);
      continue;
    }
    const refuse = (why: string) => errors.push(`error: ${qualifiedResource(t)} "${name}" ${why}`);
    if (kind !== 'Deployment') {
      refuse(pause ? 'pausing is not supported' : 'resuming is not supported');
      continue;
    }
    const paused = obj.spec?.paused === true;
    if (pause && paused) {
      refuse('is already paused');
      continue;
    }
    if (!pause && !paused) {
      refuse('is not paused');
      continue;
    }
    const body = JSON.stringify({ spec: { paused: pause ? true : null } });
    const r = ctx.cluster.patch('Deployment', ctx.namespace, name, 'strategic', body);
    if (!r.ok) {
      errors.push(`failed to patch: ${r.error.message}`);
      continue;
    }
    ctx.proc.out(`${nameOf(t, name)} ${pause ? 'paused' : 'resumed'}\n`);
  }
  errors.unshift(...missing);
  // CheckErr: one error as it is (prefixed `error: ` unless it has one), several one per line.
  if (errors.length === 1) {
    const e = errors[0] as string;
    ctx.proc.err(`${e.startsWith('error: ') || e.startsWith('Error from server') ? '' : 'error: '}${e}\n`);
  } else for (const e of errors) ctx.proc.err(`${e}\n`);
  return errors.length > 0 ? 1 : 0;
}
