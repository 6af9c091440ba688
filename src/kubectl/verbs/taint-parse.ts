// kubectl taint's argument parsing and the new taint list [KUBECTL pkg/cmd/taint/utils.go v0.34.9:
// parseTaints, parseTaint, validateTaintEffect, reorganizeTaints, addTaints, deleteTaints,
// checkIfTaintsAlreadyExists; core/v1 Taint.MatchTaint (key and effect) and Taint.ToString].
import { goQuote, labelValueErrors, qualifiedNameErrors } from '../../sim/api/labels';

/** core/v1 Taint as the API serves it (`timeAdded` only on the node controller's taints). */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);

/** Taint.ToString: `key`, `key=value:`, `key:effect` or `key=value:effect`. */
export function taintString(t: Taint): string {
  const v = t.value ?? '';
  if (t.effect === '') return v === '' ? t.key : `${t.key}=${v}:`;
  return v === '' ? `${t.key}:${t.effect}` : `${t.key}=${v}:${t.effect}`;
}

/** MatchTaint: the same key and effect. */
const match = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** parseTaint: `key=value:effect`, `key:effect` or `key`. */
function parseTaint(st: string): Taint | string {
  const parts = st.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0] as string;
  else if (parts.length === 2) {
    effect = parts[1] as string;
    if (!EFFECTS.has(effect)) return `invalid taint effect: ${effect}, unsupported taint effect`;
    const kv = (parts[0] as string).split('=');
    if (kv.length > 2) return `invalid taint spec: ${st}`;
    key = kv[0] as string;
    if (kv.length === 2) {
      value = kv[1] as string;
      const errs = labelValueErrors(value);
      if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
    }
  } else return `invalid taint spec: ${st}`;
  const errs = qualifiedNameErrors(key);
  if (errs.length > 0) return `invalid taint spec: ${st}, ${errs.join('; ')}`;
  return { key, ...(value !== '' ? { value } : {}), effect };
}

/** Go's %v of a corev1.Taint value: `{key value effect <nil>}` (TimeAdded is a nil pointer). */
function goStruct(t: Taint): string {
  return `{${t.key} ${t.value ?? ''} ${t.effect} <nil>}`;
}

/** parseTaints: the taints to add and to remove, or the error (a usage error for the caller). */
export function parseTaints(spec: readonly string[]): { add: Taint[]; remove: Taint[] } | { error: string } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of spec) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      if (typeof t === 'string') return { error: t };
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(s);
    if (typeof t === 'string') return { error: t };
    if (t.effect === '') return { error: `invalid taint spec: ${s}` };
    if (add.some((o) => match(o, t)))
      return { error: `duplicated taints with the same key and effect: ${goStruct(t)}` };
    add.push(t);
  }
  return { add, remove };
}

/** Validate's check: a key both added and removed (with no effect, or the same effect). */
export function conflictError(add: readonly Taint[], remove: readonly Taint[]): string | undefined {
  const conflicts: string[] = [];
  for (const a of add) {
    for (const r of remove) {
      if (a.key === r.key && (r.effect === '' || a.effect === r.effect))
        conflicts.push(`${r.key}=${r.effect}`);
    }
  }
  return conflicts.length
    ? `can not both modify and remove the following taint(s) in the same command: ${conflicts.join(', ')}`
    : undefined;
}

/** checkIfTaintsAlreadyExists: the keys (comma-joined) of taints to add that the node has. */
export function alreadyExisting(old: readonly Taint[], add: readonly Taint[]): string {
  const keys: string[] = [];
  for (const t of add) for (const o of old) if (match(t, o)) keys.push(t.key);
  return keys.join(',');
}

/**
 * reorganizeTaints: the new taints first, then the old ones they do not replace, minus the
 * removed ones. The operation is `modified` with --overwrite or when something was both added
 * and removed, else `tainted` or `untainted` (`deleted` is the last removal's result, as in Go).
 */
export function reorganizeTaints(
  old: readonly Taint[],
  overwrite: boolean,
  add: readonly Taint[],
  remove: readonly Taint[],
): { operation: 'modified' | 'tainted' | 'untainted'; taints: Taint[]; errors: string[] } {
  let taints: Taint[] = [...add];
  for (const o of old) if (!taints.some((t) => match(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect === '' ? t.key !== r.key : !match(t, r)));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint ${goQuote(taintString(r))} not found`);
  }
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { operation, taints, errors };
}
