// Service selectors are plain equality maps (core/v1 ServiceSpec.selector): a Pod is selected when
// every key/value is among its labels. The diff explains a near miss in the inspector.
import type { Labels } from '../../sim/api/types';

export function selects(selector: Labels | undefined, labels: Labels | undefined): boolean {
  // A Service with no selector selects nothing (its Endpoints are managed by hand, reference §C4).
  if (!selector || Object.keys(selector).length === 0) return false;
  for (const [k, v] of Object.entries(selector)) {
    if (labels?.[k] !== v) return false;
  }
  return true;
}

export interface LabelMismatch {
  key: string;
  /** The value the selector asks for. */
  want: string;
  /** The Pod's value, or undefined when the label is missing. */
  have: string | undefined;
}

/** Why `labels` does not satisfy `selector`: one entry per selector key that fails, sorted by key. */
export function selectorDiff(selector: Labels | undefined, labels: Labels | undefined): LabelMismatch[] {
  const out: LabelMismatch[] = [];
  for (const key of Object.keys(selector ?? {}).sort()) {
    const want = selector?.[key] ?? '';
    const have = labels?.[key];
    if (have !== want) out.push({ key, want, have });
  }
  return out;
}
