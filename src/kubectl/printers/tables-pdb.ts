// `kubectl get poddisruptionbudgets` [K8S 1.34 pkg/printers/internalversion/printers.go
// podDisruptionBudgetColumnDefinitions, printPodDisruptionBudget]: NAME MIN AVAILABLE MAX
// UNAVAILABLE ALLOWED DISRUPTIONS AGE; an unset minAvailable or maxUnavailable prints N/A, a set
// one IntOrString.String() (the int, or the percent string); -o wide adds nothing.
import type { K8sObject, PodDisruptionBudget } from '../../sim/api/types';
import { translateTimestampSince } from './duration';
import type { TableDef } from './tables';

/** intstr.IntOrString.String(), `N/A` for an unset pointer (the printer's and the describer's). */
export function intOrStringText(v: number | string | undefined | null): string {
  return v === undefined || v === null ? 'N/A' : String(v);
}

export const pdbTable: TableDef = {
  headers: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
  wideHeaders: [],
  row(obj: K8sObject, now: number) {
    const pdb = obj as PodDisruptionBudget;
    return [
      pdb.metadata.name,
      intOrStringText(pdb.spec?.minAvailable),
      intOrStringText(pdb.spec?.maxUnavailable),
      String(pdb.status?.disruptionsAllowed ?? 0),
      translateTimestampSince(pdb.metadata.creationTimestamp, now),
    ];
  },
};
