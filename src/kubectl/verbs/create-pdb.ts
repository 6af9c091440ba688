// kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N
// [KUBECTL pkg/cmd/create/create_pdb.go v0.34.9]: alias pdb. Validate: `a selector must be
// specified`, `one of min-available or max-unavailable must be specified`, `min-available and
// max-unavailable cannot be both specified`, `invalid format specified for min-available` (or
// max-unavailable) unless the value matches ^[0-9]+%?$. The budget kubectl builds
// (createPodDisruptionBudgets): the name, the namespace only when -n was given, the selector from
// metav1.ParseToLabelSelector (equality requirements into matchLabels; in/notin/exists/!exists into
// matchExpressions with their values sorted; `!=` is "not a valid label selector operator", gt/lt
// "isn't supported in label selectors"; a parse error `couldn't parse the selector string "s": …`),
// minAvailable or maxUnavailable through intstr.Parse (an int when Atoi takes it). Server errors
// read `error: failed to create poddisruptionbudgets: <server message>`.
import { tryParseSelector } from '../../sim/api/selector-parse';
import type { K8sObject, LabelSelector, LabelSelectorRequirement } from '../../sim/api/types';
import { str } from '../flags';
import { prepare, type Subcommand, send } from './create-common';
import type { KubectlContext, ParsedArgs } from './registry';

export const PDB: Subcommand = {
  path: 'poddisruptionbudget',
  flags: ['dry-run', 'max-unavailable', 'min-available', 'output', 'selector'],
};

const FORMAT = /^[0-9]+%?$/;

/** metav1.ParseToLabelSelector: the selector, or the error text. */
export function parseToLabelSelector(s: string): LabelSelector | string {
  const r = tryParseSelector(s);
  if (!r.ok) return `couldn't parse the selector string "${s}": ${r.error}`;
  const matchLabels: Record<string, string> = {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  // labels.ParseToRequirements sorts them by key (ByKey).
  const reqs = [...r.selector].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const q of reqs) {
    switch (q.op) {
      case 'eq':
        matchLabels[q.key] = q.value;
        continue;
      case 'in':
      case 'notin':
        matchExpressions.push({
          key: q.key,
          operator: q.op === 'in' ? 'In' : 'NotIn',
          values: [...new Set(q.values)].sort(),
        });
        continue;
      case 'exists':
        matchExpressions.push({ key: q.key, operator: 'Exists' });
        continue;
      case 'notexists':
        matchExpressions.push({ key: q.key, operator: 'DoesNotExist' });
        continue;
      case 'gt':
      case 'lt':
        return `"${q.op}" isn't supported in label selectors`;
      default:
        return `"!=" is not a valid label selector operator`;
    }
  }
  return {
    ...(Object.keys(matchLabels).length > 0 ? { matchLabels } : {}),
    ...(matchExpressions.length > 0 ? { matchExpressions } : {}),
  };
}

/** intstr.Parse. */
const intstrParse = (v: string): number | string => (/^[+-]?\d+$/.test(v) ? Number(v) : v);

export function runCreatePdb(args: ParsedArgs, ctx: KubectlContext, nameArgs: readonly string[]): number {
  const prep = prepare(args, ctx, PDB, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  const fail = (m: string): number => {
    ctx.proc.err(`error: ${m}\n`);
    return 1;
  };
  const selector = str(args.flags, 'selector') ?? '';
  const min = str(args.flags, 'min-available') ?? '';
  const max = str(args.flags, 'max-unavailable') ?? '';
  if (selector === '') return fail('a selector must be specified');
  if (max === '' && min === '') return fail('one of min-available or max-unavailable must be specified');
  if (max !== '' && min !== '') return fail('min-available and max-unavailable cannot be both specified');
  if (min !== '' && !FORMAT.test(min)) return fail('invalid format specified for min-available');
  if (max !== '' && !FORMAT.test(max)) return fail('invalid format specified for max-unavailable');
  const sel = parseToLabelSelector(selector);
  if (typeof sel === 'string') return fail(sel);
  const pdb = {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: p.name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
    spec: {
      ...(min !== '' ? { minAvailable: intstrParse(min) } : {}),
      selector: sel,
      ...(max !== '' ? { maxUnavailable: intstrParse(max) } : {}),
    },
    status: { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
  } as unknown as K8sObject;
  return send(
    pdb,
    'PodDisruptionBudget',
    p,
    ctx,
    (e) => `failed to create poddisruptionbudgets: ${e.message}`,
  );
}
