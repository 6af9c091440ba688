// ValidateLabelSelector of a PodDisruptionBudget's spec.selector, and what the selector picks
// [APIMACH v0.34.9 pkg/apis/meta/v1/validation ValidateLabelSelector, ValidateLabelSelectorRequirement;
// pkg/apis/meta/v1/helpers.go LabelSelectorAsSelector]: unlike a Deployment's, a PDB's selector
// may be empty (it then selects every Pod of the namespace) or unset (it selects none).
import { labelValueErrors, matchesLabelSelector, qualifiedNameErrors } from '../api/labels';
import type { LabelSelector, Labels } from '../api/types';
import { type FieldError, forbidden, invalid } from './errors';
import { pushLabelErrors } from './validation';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

/** ValidateLabelSelector's causes under `path` (AllowInvalidLabelValueInSelector false). */
export function pushLabelSelectorErrors(out: FieldError[], sel: Any, path: string): void {
  if (sel?.matchLabels) pushLabelErrors(out, sel.matchLabels, `${path}.matchLabels`);
  const exprs: Any[] = Array.isArray(sel?.matchExpressions) ? sel.matchExpressions : [];
  exprs.forEach((r, i) => {
    const at = `${path}.matchExpressions[${i}]`;
    const values: Any[] = Array.isArray(r?.values) ? r.values : [];
    const op = r?.operator;
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0)
        out.push({
          field: `${at}.values`,
          message: "Required value: must be specified when `operator` is 'In' or 'NotIn'",
        });
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0)
        out.push(
          forbidden(`${at}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
    } else out.push(invalid(`${at}.operator`, op ?? '', 'not a valid selector operator'));
    for (const m of qualifiedNameErrors(String(r?.key ?? '')))
      out.push(invalid(`${at}.key`, r?.key ?? '', m));
    values.forEach((v, j) => {
      for (const m of labelValueErrors(String(v))) out.push(invalid(`${at}.values[${j}]`, v, m));
    });
  });
}

/** LabelSelectorAsSelector(sel).Matches(labels): nil selects nothing, `{}` everything. */
export function pdbSelects(sel: LabelSelector | undefined | null, labels: Labels | undefined): boolean {
  if (!sel) return false;
  return matchesLabelSelector(sel, labels);
}
