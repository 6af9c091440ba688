// Label selector checking as the apiserver does it when a list request carries `?labelSelector=`
// [APIMACH labels/selector.go Parse: Lexer, Parser, NewRequirement, validateLabelKey/Value], and
// the message kubectl prints for the resulting 400 [CLI-RT resource/selector.go
// EnhanceListError]:
//   Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label
//   selector "app=x…", field selector "": unable to parse requirement: values[0][app]: …
// kubectl itself never parses `-l`; the text goes to the server as is. The parser (and its
// messages) is the store's own, `labels.Parse` in src/sim/api/labels.ts: a verb checks first so it
// can print the server's wording without listing anything.
import { goQuote } from '../sim/api/labels';
import { selectorParseError } from '../sim/api/selector-parse';
import type { K8sObject } from '../sim/api/types';
import type { ListOptions } from '../sim/contract';
import type { ResourceType } from './resources';

export { selectorParseError };

/** GroupVersionResource.String(): `/v1, Resource=pods`, `apps/v1, Resource=deployments`. */
export function gvrString(t: Pick<ResourceType, 'group' | 'version' | 'resource'>): string {
  return `${t.group}/${t.version}, Resource=${t.resource}`;
}

/** EnhanceListError's message for a 400 on a list with a label selector. */
export function listSelectorError(
  t: Pick<ResourceType, 'group' | 'version' | 'resource'>,
  labelSelector: string,
  fieldSelector: string,
  message: string,
): string {
  return `Error from server (BadRequest): Unable to find ${goQuote(gvrString(t))} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${message}`;
}

/**
 * The line kubectl prints (without newline) when a list of `t` with this selector would be
 * rejected, or undefined when the selector is fine.
 */
export function checkListSelector(
  t: Pick<ResourceType, 'group' | 'version' | 'resource'>,
  labelSelector: string | undefined,
  fieldSelector = '',
): string | undefined {
  if (labelSelector === undefined) return undefined;
  const err = selectorParseError(labelSelector);
  return err === undefined ? undefined : listSelectorError(t, labelSelector, fieldSelector, err);
}

/** The slice of the cluster facade a selector list needs. */
interface Lister {
  list(kind: NonNullable<ResourceType['simulated']>, opts?: ListOptions): K8sObject[];
}

/**
 * `cluster.list` for a kubectl verb: the selector is checked as the server would, and anything
 * the store still throws becomes the same BadRequest line instead of an exception.
 */
export function listForKubectl(
  cluster: Lister,
  t: ResourceType,
  opts: {
    namespace?: string | undefined;
    labelSelector?: string | undefined;
    fieldSelector?: string | undefined;
  },
): { objs: K8sObject[]; error?: undefined } | { objs?: undefined; error: string } {
  if (!t.simulated) return { objs: [] };
  const bad = checkListSelector(t, opts.labelSelector, opts.fieldSelector ?? '');
  if (bad) return { error: bad };
  try {
    return {
      objs: cluster.list(t.simulated, {
        ...(opts.namespace !== undefined ? { namespace: opts.namespace } : {}),
        ...(opts.labelSelector !== undefined ? { labelSelector: opts.labelSelector } : {}),
        ...(opts.fieldSelector ? { fieldSelector: opts.fieldSelector } : {}),
      }),
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      error:
        opts.labelSelector !== undefined || opts.fieldSelector
          ? listSelectorError(t, opts.labelSelector ?? '', opts.fieldSelector ?? '', msg)
          : `Error from server (BadRequest): Unable to list ${goQuote(gvrString(t))}: ${msg}`,
    };
  }
}
