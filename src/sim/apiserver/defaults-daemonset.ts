// A user's apps/v1 DaemonSet as the API server stores it, bound late (../late: only a user's write
// creates or updates a DaemonSet; the boot's are lazy entries built in ./published-build):
// - SetDefaults_DaemonSet (pkg/apis/apps/v1/defaults.go): updateStrategy type RollingUpdate, and for
//   RollingUpdate maxUnavailable 1 and maxSurge 0 where unset; revisionHistoryLimit 10; the pod
//   template gets the PodSpec defaults a Deployment's template gets (./defaults defaultPodSpec);
// - daemonSetStrategy (pkg/registry/apps/daemonset/strategy.go): PrepareForCreate clears the status
//   (DaemonSetStatus's four counts without omitempty stay, as 0) and sets TemplateGeneration 1 unless
//   the input brought a larger one; PrepareForUpdate keeps the stored status and TemplateGeneration,
//   plus one when the template changed. TemplateGeneration lives in apps/v1 as the
//   deprecated.daemonset.template.generation annotation (pkg/apis/apps/v1/conversion.go
//   Convert_apps_DaemonSet_To_v1_DaemonSet writes it on every object served).
import type { K8sObject } from '../api/types';
import { copyOwn } from './copy';
import { defaultPodSpec } from './defaults';
import { deepEqual } from './json';

// biome-ignore lint/suspicious/noExplicitAny: defaulting walks decoded JSON.
type Any = any;

export const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** The status PrepareForCreate leaves: DaemonSetStatus{} as JSON (the omitempty fields left out). */
const EMPTY_STATUS = {
  currentNumberScheduled: 0,
  numberMisscheduled: 0,
  desiredNumberScheduled: 0,
  numberReady: 0,
};

function defaultStrategy(st: Any): Any {
  const out: Any = copyOwn(st);
  if (!out.type) out.type = 'RollingUpdate';
  if (out.type === 'RollingUpdate') {
    const ru: Any = copyOwn(out.rollingUpdate);
    if (ru.maxUnavailable == null) ru.maxUnavailable = 1;
    if (ru.maxSurge == null) ru.maxSurge = 0;
    out.rollingUpdate = ru;
  }
  return out;
}

/** The TemplateGeneration an input's annotation states (ParseInt base 10), if it states one. */
function statedGeneration(o: Any): number | undefined {
  const v = o.metadata?.annotations?.[TEMPLATE_GENERATION];
  return typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * Default `o` (a top-level copy the API server owns) in place; `old`: the stored DaemonSet of an
 * update. Only `o`'s own fields are reassigned.
 */
export function defaultDaemonSet(o: Any, old?: K8sObject): void {
  const spec: Any = copyOwn(o.spec);
  spec.updateStrategy = defaultStrategy(spec.updateStrategy);
  if (spec.revisionHistoryLimit == null) spec.revisionHistoryLimit = 10;
  const t = spec.template;
  const template: Any = copyOwn(t);
  template.metadata = t?.metadata ?? {};
  template.spec = defaultPodSpec(t?.spec);
  spec.template = template;
  o.spec = spec;
  let gen: number;
  if (old) {
    const was = statedGeneration(old) ?? 1;
    gen = deepEqual(old.spec?.template, template) ? was : was + 1;
    o.status = old.status;
  } else {
    const stated = statedGeneration(o);
    gen = stated !== undefined && stated >= 1 ? stated : 1;
    o.status = { ...EMPTY_STATUS };
  }
  o.metadata = {
    ...o.metadata,
    annotations: { ...o.metadata.annotations, [TEMPLATE_GENERATION]: String(gen) },
  };
}
