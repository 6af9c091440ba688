// Building blocks of kubectl describe [kubectl pkg/describe/describe.go]: the PrefixWriter levels,
// multi-line labels/annotations, RFC1123Z times, and the Events table, all written as tab-separated
// text and then run through the describe tabwriter (padding 2).
import type { Event, K8sObject, ObjectMeta } from '../../sim/api/types';
import { translateTimestampSince } from './duration';
import { DESCRIBE_TABWRITER, tabwrite } from './tabwriter';

export const LEVEL = ['', '  ', '    ', '      '] as const;

/** Accumulates describe text; `done()` aligns it like tabbedString() does. */
export class DescribeWriter {
  private parts: string[] = [];
  write(level: 0 | 1 | 2 | 3, text: string): void {
    this.parts.push(LEVEL[level] + text);
  }
  done(): string {
    return tabwrite(this.parts.join(''), DESCRIBE_TABWRITER);
  }
  /** The text as written, tabs kept: a PrefixWriter over a plain buffer (rollout history's printTemplate). */
  raw(): string {
    return this.parts.join('');
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number): string => String(n).padStart(2, '0');

/** Go time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  if (!ts) return '<unset>';
  const d = new Date(Date.parse(ts));
  if (Number.isNaN(d.getTime())) return ts;
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline: sorted `k=v` lines, continuation lines start with a tab. */
export function labelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    w.write(0, `${k}=${(labels as Record<string, string>)[k]}\n`);
  });
}

/** The header most describers open with: Name, Namespace, Labels, Annotations. */
export function describeObjectMeta(w: DescribeWriter, meta: ObjectMeta): void {
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', meta.labels);
  annotationsMultiline(w, 'Annotations', meta.annotations);
}

const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printAnnotationsMultiline: the last-applied annotation hidden, long values cut at 140. */
export function annotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = ((annotations as Record<string, string>)[k] as string).replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

/** The events kubectl describe fetches for an object (involvedObject match), oldest first. */
export function eventsFor(all: readonly K8sObject[], obj: K8sObject): Event[] {
  const evs = (all as Event[]).filter((e) => {
    const io = e.involvedObject;
    if (!io) return false;
    if (io.uid && obj.metadata.uid) return io.uid === obj.metadata.uid;
    return (
      io.kind === obj.kind &&
      io.name === obj.metadata.name &&
      (io.namespace ?? '') === (obj.metadata.namespace ?? '')
    );
  });
  const ts = (e: Event): number =>
    Date.parse(e.lastTimestamp || e.firstTimestamp || e.metadata.creationTimestamp) || 0;
  // Timestamps have whole seconds. A real recorder names events `<object>.<hex UnixNano>`, so
  // the list order breaks ties by creation time (Pulled before Created before Started); the
  // resourceVersion is that order here, whatever suffix the simulator gave the name.
  const rv = (e: Event): number => Number(e.metadata.resourceVersion) || 0;
  return evs
    .map((e, i) => ({ e, i }))
    .sort((a, b) => ts(a.e) - ts(b.e) || rv(a.e) - rv(b.e) || a.i - b.i)
    .map((x) => x.e);
}

/**
 * DescribeEvents: `Events:  <none>` or the Type/Reason/Age/From/Message table; nothing at all
 * when no events were fetched (`--show-events=false`).
 */
export function describeEvents(w: DescribeWriter, events: readonly Event[] | null, now: number): void {
  if (events === null) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = translateTimestampSince(e.firstTimestamp || e.metadata.creationTimestamp, now);
    const interval =
      e.count > 1 ? `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
