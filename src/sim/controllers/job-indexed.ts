// An Indexed Job's completion indexes (pkg/controller/job/indexed_job_utils.go, 1.34): each Pod
// carries its index in the annotation and label `batch.kubernetes.io/job-completion-index`
// (PodIndexLabel is GA), hostname `<job>-<index>`, generateName `<job>-<index>-`, and every
// container gets JOB_COMPLETION_INDEX from that label (downward API); status.completedIndexes
// lists the succeeded indexes as intervals (`0-2,4`, two in a row as `5,6`); the missing Pods are
// made for the lowest indexes neither succeeded, failed nor running (./job-manage).
import type { Job, Pod } from '../api/types';

export const INDEX_FAILURE_COUNT = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT = 'batch.kubernetes.io/job-index-ignored-failure-count';

// biome-ignore lint/suspicious/noExplicitAny: JSON objects.
type Any = any;

export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
const ENV = 'JOB_COMPLETION_INDEX';
/** names.MaxGeneratedNameLength (63 - 5 random characters). */
const MAX_GENERATED_NAME = 58;

export const isIndexed = (job: Job) => job.spec.completionMode === 'Indexed';

/** getCompletionIndex: the annotation's index, -1 when absent or not a non-negative integer. */
export function completionIndex(p: Pod): number {
  const v = p.metadata.annotations?.[COMPLETION_INDEX];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return -1;
  const i = Number(v);
  return i < 0 ? -1 : i;
}

/** parseIndexesFromString: `0-2,4` → {0,1,2,4} (indexes at or past completions dropped). */
export function parseIndexes(s: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of (s ?? '').split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number) as [number, number | undefined];
    for (let i = a; i <= (b ?? a) && i < completions; i++) out.add(i);
  }
  return out;
}

/** orderedIntervals.String. */
export function formatIndexes(set: Set<number>): string {
  const xs = [...set].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < xs.length; ) {
    let j = i;
    while (j + 1 < xs.length && xs[j + 1] === (xs[j] as number) + 1) j++;
    const first = xs[i] as number;
    const last = xs[j] as number;
    parts.push(last === first ? `${first}` : `${first}${last === first + 1 ? ',' : '-'}${last}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The Pod metadata and spec for `index`, from the Job's Pod metadata and template spec; with
 * backoffLimitPerIndex, `counts` are the index's failures so far (addIndexFailureCountAnnotation:
 * job-index-failure-count always, job-index-ignored-failure-count when not 0).
 */
export function indexedPod(
  job: Job,
  metadata: Any,
  spec: Any,
  index: number,
  counts?: [number, number],
): { metadata: Any; spec: Any } {
  const addEnv = (c: Any) =>
    c.env?.some((e: Any) => e.name === ENV)
      ? c
      : {
          ...c,
          env: [
            ...(c.env ?? []),
            { name: ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } },
          ],
        };
  const s: Any = { ...spec, containers: (spec.containers ?? []).map(addEnv) };
  if (spec.initContainers) s.initContainers = spec.initContainers.map(addEnv);
  s.hostname = `${job.metadata.name}-${index}`;
  const append = `-${index}-`;
  let gen = `${job.metadata.name}${append}`;
  if (gen.length > MAX_GENERATED_NAME) gen = gen.slice(0, MAX_GENERATED_NAME - append.length) + append;
  const annotations: Any = { ...metadata.annotations, [COMPLETION_INDEX]: String(index) };
  if (counts) {
    annotations[INDEX_FAILURE_COUNT] = String(counts[0]);
    if (counts[1] > 0) annotations[INDEX_IGNORED_FAILURE_COUNT] = String(counts[1]);
  }
  return {
    metadata: {
      ...metadata,
      generateName: gen,
      labels: { ...metadata.labels, [COMPLETION_INDEX]: String(index) },
      annotations,
    },
    spec: s,
  };
}
