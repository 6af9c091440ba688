// `kubectl get -w` / `--watch-only` [kubectl v0.34.9 pkg/cmd/get/get.go GetOptions.watch]: the
// list printed once, then one row (or object) per watch event — every write the API server makes
// to a watched object, status writes included — flushed one by one through a tabwriter that
// remembers its column widths (cli-runtime printers.GetNewTabWriter: liggitt/tabwriter with
// RememberWidths), so columns grow but never shrink.

import { matches } from '../../sim/api/labels';
import { parseSelector } from '../../sim/api/selector-parse';
import type { K8sObject, KindName } from '../../sim/api/types';
import { compileFieldSelector } from '../../sim/apiserver/field-selectors';
import type { ObjectWatchEvent } from '../../sim/contract';
import { printCustomColumns } from '../customcolumns';
import { JsonPathExecError } from '../jsonpath';
import { toCompactJson, toJson } from '../printers/json';
import { forOutput, nameOf, type OutputFormat } from '../printers/output';
import { buildRows } from '../printers/tables';
import { renderRows } from '../printers/tabwriter';
import { toYaml } from '../printers/yaml';
import type { ResourceType } from '../resources';
import type { KubectlContext } from './registry';
import { startWatchJob } from './util';

export interface WatchOptions {
  allNamespaces: boolean;
  selector: string | undefined;
  /** Already accepted by the initial list (a malformed one never reaches the watch). */
  fieldSelector: string | undefined;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  watchOnly: boolean;
  /** --output-watch-events: each object as a metav1.WatchEvent (an EVENT column in a table). */
  outputWatchEvents: boolean;
}

/** What `get -w` watches: one resource type, optionally one named object of it. */
export interface WatchTarget {
  type: ResourceType;
  kind: KindName;
  /** The objects the initial list/get returned, printed unless --watch-only. */
  initial: K8sObject[];
  /** `get pod x -w`: the watch is on that name only (a fieldSelector metadata.name=x watch). */
  name: string | undefined;
  /** The builder's sources: a list request is one, each named object another. */
  sources: number;
}

type EventType = ObjectWatchEvent['type'];

// cli-runtime printers/tableprinter.go formattedEventType: the EVENT column's values, padded alike.
const FORMATTED_EVENT_TYPE: Record<EventType, string> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
};

/** One print: its text, or the printer's error (a jsonpath or custom-columns template failing). */
interface Printed {
  out: string;
  error?: string;
}

/**
 * One printer for the whole watch, as kubectl builds one with ToPrinter: it keeps the table
 * printer's "header printed" state, the tabwriter's remembered widths, the custom-columns
 * printer's last type and the YAML printer's print count (a `---` line before every object after
 * the first, cli-runtime printers/yaml.go).
 */
function watchPrinter(t: WatchTarget, format: OutputFormat, o: WatchOptions) {
  const remembered: number[] = [];
  let headerPrinted = false;
  let printed = 0;
  /** `objs` printed by one PrintObj call each, then one Flush. */
  return (objs: readonly K8sObject[], now: number, type: EventType): Printed => {
    if (objs.length === 0) return { out: '' };
    if (format.kind === 'table') {
      // HumanReadablePrinter: the header with the first rows printed, not again for the same columns.
      const noHeaders = o.noHeaders || headerPrinted;
      const rows = buildRows(t.kind, objs, {
        now,
        wide: format.wide,
        withNamespace: o.allNamespaces && t.type.namespaced,
        kindPrefix: undefined,
        showLabels: o.showLabels,
        noHeaders,
        labelColumns: o.labelColumns,
      });
      headerPrinted = true;
      // printRowsForHandlerEntry / addColumns: EVENT first, its values padded to one width.
      if (o.outputWatchEvents)
        rows.forEach((r, i) => {
          r.unshift(i === 0 && !noHeaders ? 'EVENT' : FORMATTED_EVENT_TYPE[type]);
        });
      return { out: renderRows(rows, remembered) };
    }
    let out = '';
    for (const obj of objs) {
      // A metav1.WatchEvent has no ObjectMeta, so OmitManagedFieldsPrinter leaves its object whole.
      const data = o.outputWatchEvents ? { type, object: obj } : forOutput(obj);
      try {
        switch (format.kind) {
          case 'yaml':
            // sigs.k8s.io/yaml marshals the event through JSON: keys sorted, `object` before `type`.
            out += (printed > 0 ? '---\n' : '') + toYaml(data);
            break;
          case 'json':
            // JSONPrinter: a WatchEvent is json.Marshal'ed compact on one line; an object indented.
            out += o.outputWatchEvents ? `{"type":"${type}","object":${toCompactJson(obj)}}\n` : toJson(data);
            break;
          case 'name':
            out += `${nameOf(obj)}\n`;
            break;
          case 'jsonpath': {
            const r = format.printer.print(data);
            if (!r.ok) return { out, error: r.message };
            out += r.text;
            break;
          }
          case 'custom-columns':
            out += printCustomColumns(
              format.columns,
              [forOutput(obj)],
              o.noHeaders || printed > 0,
              remembered,
            );
            break;
        }
      } catch (e) {
        if (e instanceof JsonPathExecError) return { out, error: e.message };
        throw e;
      }
      printed++;
    }
    return { out };
  };
}

/**
 * Print the initial state, then (with a terminal job host) one print per watch event until the
 * job ends. Returns the command's exit code (0: the watch runs on as a job).
 */
export function runWatch(ctx: KubectlContext, t: WatchTarget, format: OutputFormat, o: WatchOptions): number {
  const p = ctx.proc;
  const print = watchPrinter(t, format, o);
  if (!o.watchOnly) {
    const r = print(t.initial, ctx.cluster.now(), 'ADDED');
    if (r.out) p.out(r.out);
    if (r.error !== undefined) {
      p.err(`error: unable to output the provided object: ${r.error}\n`);
      return 1;
    }
  }
  // resource.Result.Watch: several named objects are printed, then cannot be watched.
  if (t.sources !== 1) {
    p.err('error: you may only watch a single resource or type of resource at a time\n');
    return 1;
  }
  const host = ctx.host;
  if (!host) return 0;

  const sel = o.selector !== undefined ? parseSelector(o.selector) : undefined;
  // The watch cache filters with the list's predicate (apiserver storage SelectionPredicate); the
  // list before the watch already refused a selector the kind does not take.
  const fields = o.fieldSelector ? compileFieldSelector(t.kind, o.fieldSelector) : undefined;
  const namespace = t.type.namespaced && !o.allNamespaces ? ctx.namespace : undefined;
  const inScope = (obj: K8sObject | undefined): obj is K8sObject =>
    obj !== undefined &&
    (namespace === undefined || obj.metadata.namespace === namespace) &&
    (t.name === undefined || obj.metadata.name === t.name) &&
    (sel === undefined || matches(sel, obj.metadata.labels)) &&
    (fields === undefined || fields(obj));
  startWatchJob(host, (job) =>
    ctx.cluster.watch(t.kind, (ev) => {
      if (namespace !== undefined && ev.object.metadata.namespace !== namespace) return;
      // The watch cache's filter (apiserver cacher.go convertToWatchEvent): an object that stops
      // matching the selector is a DELETED event carrying its previous state; one that starts
      // matching is ADDED.
      let type = ev.type;
      let obj: K8sObject | undefined = ev.object;
      if (!inScope(obj)) {
        if (type !== 'MODIFIED' || !inScope(ev.old)) return;
        type = 'DELETED';
        obj = ev.old;
      } else if (type === 'MODIFIED' && ev.old !== undefined && !inScope(ev.old)) type = 'ADDED';
      const r = print([obj], ev.at, type);
      if (r.out) job.out(r.out);
      // A print error ends UntilWithoutRetry; GetOptions.watch drops that error and returns nil.
      if (r.error !== undefined) job.finish(0);
    }),
  );
  return 0;
}
