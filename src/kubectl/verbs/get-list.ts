// One list request of a read or bulk verb (get, delete, label, annotate), as cli-runtime's
// Selector visitor sends it [CLI-RT v0.34.9 pkg/resource/selector.go Visit, helper.go
// EnhanceListError]. A type the server serves but the simulator never holds (replicationcontrollers,
// horizontalpodautoscalers, ingresses, networkpolicies) lists empty, yet the server still parses
// its selectors and converts its field labels, so a refused selector is its 400 there too
// (`kubectl get all --field-selector spec.type=x` fails on replicationcontrollers as well).

import type { K8sObject } from '../../sim/api/types';
import { fieldSelectorError } from '../../sim/apiserver/field-selectors';
import type { ListOptions } from '../../sim/contract';
import type { ResourceType } from '../resources';
import { checkListSelector, listForKubectl, listSelectorError } from '../selector';

interface Lister {
  list(kind: NonNullable<ResourceType['simulated']>, opts?: ListOptions): K8sObject[];
}

export type ListResult = { objs: K8sObject[]; error?: undefined } | { objs?: undefined; error: string };

/** listForKubectl, with the server's selector checks for a type the simulator never holds. */
export function listType(
  cluster: Lister,
  t: ResourceType,
  opts: {
    namespace?: string | undefined;
    labelSelector?: string | undefined;
    fieldSelector?: string | undefined;
  },
): ListResult {
  if (t.simulated) return listForKubectl(cluster, t, opts);
  const bad = checkListSelector(t, opts.labelSelector, opts.fieldSelector ?? '');
  if (bad) return { error: bad };
  const fieldError = opts.fieldSelector ? fieldSelectorError(t.kind, opts.fieldSelector) : undefined;
  if (fieldError !== undefined) {
    return { error: listSelectorError(t, opts.labelSelector ?? '', opts.fieldSelector ?? '', fieldError) };
  }
  return { objs: [] };
}

/**
 * A StatusError's Error(): its message without checkErr's `Error from server (Reason): `, as an
 * aggregate holding it prints it (utilerrors aggregate.Error()).
 */
export function statusMessage(line: string): string {
  return line.replace(/^Error from server \([A-Za-z]+\): /, '');
}

/**
 * How checkErr prints what a ContinueOnError builder's Visit returned [CLI-RT visitor.go
 * ContinueOnErrorVisitor, EagerVisitorList; KUBECTL cmd/util/helpers.go checkErr,
 * MultipleErrors]: the callback's errors in visiting order, then the list requests' errors as
 * one aggregate at the end. Each callback error is `{pretty, raw}` (alone: pretty; as one of
 * several: raw, messageForError's text); each list error is the BadRequest line.
 * - only list errors: one line each (an aggregate of one is unwrapped);
 * - callback errors only: one pretty, several raw;
 * - both: the callback errors raw, then the list aggregate as ONE line, its Error(): the
 *   message without `Error from server (BadRequest): `, several joined `[a, b]` (duplicates once).
 */
export function visitErrorLines(
  fnErrors: readonly { pretty: string; raw: string }[],
  listErrors: readonly string[],
): string[] {
  if (fnErrors.length === 0) return [...listErrors];
  if (listErrors.length === 0) {
    return fnErrors.length === 1 ? [(fnErrors[0] as { pretty: string }).pretty] : fnErrors.map((e) => e.raw);
  }
  const msgs = [...new Set(listErrors.map(statusMessage))];
  const agg = msgs.length === 1 ? (msgs[0] as string) : `[${msgs.join(', ')}]`;
  return [...fnErrors.map((e) => e.raw), agg];
}
