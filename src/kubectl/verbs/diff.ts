// kubectl diff -f (kubectl v0.34.9 pkg/cmd/diff/diff.go): every object of the files is written
// twice as YAML, its live version into /tmp/LIVE-<n>/ and the version the server would store
// after `kubectl apply` (a server-side dry run) into /tmp/MERGED-<n>/, both named
// `[group.]version.Kind.namespace.name`, and then `diff -u -N` runs over the two directories
// (diff-unified.ts prints what GNU diff prints). Exit status: 0 no differences, 1 differences, >1
// an error (CheckDiffErr adds 1 to kubectl's usual exit code).
//
// What each side holds, as diff.go builds it:
// - LIVE is the object as a GET returns it (managedFields left out); for an object that does not
//   exist yet the LIVE file is still created, empty (DiffVersion.Print opens the file, then prints
//   nothing for a nil object).
// - MERGED for an existing object is apply's three-way patch sent with dryRun=All, where the
//   modified configuration is computed without annotating it (GetModifiedConfiguration(…, false)):
//   the patch never touches kubectl.kubernetes.io/last-applied-configuration, so MERGED keeps the
//   live annotation. For a new object it is a dry-run create of the file's object as written, with
//   no last-applied annotation.
// - v1 Secrets have their data values masked: `***`, or `*** (before)` / `*** (after)` where a key's
//   value differs (Masker).
import { isKindName, KINDS } from '../../sim/api/kinds';
import { matches } from '../../sim/api/labels';
import { parseSelector } from '../../sim/api/selector-parse';
import type { K8sObject } from '../../sim/api/types';
import { createRng } from '../../sim/runtime/rng';
import { formatError, withSource } from '../errors';
import { bool, str, strs } from '../flags';
import { forOutput } from '../printers/output';
import { toYaml } from '../printers/yaml';
import { selectorParseError } from '../selector';
import { readDocs } from './apply';
import { linesOf, unifiedHunks } from './diff-unified';
import { composeHelp } from './generate-help';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const HELP = composeHelp({
  long:
    'Diff configurations specified by file name or stdin between the current online configuration, and the configuration as it would be if applied.\n\n' +
    ' The output is always YAML.\n\n' +
    ' KUBECTL_EXTERNAL_DIFF environment variable can be used to select your own diff command. Users can use external commands with params too, example: KUBECTL_EXTERNAL_DIFF="colordiff -N -u"\n\n' +
    ' By default, the "diff" command available in your path will be run with the "-u" (unified diff) and "-N" (treat absent files as empty) options.\n\n' +
    ' Exit status: 0 No differences were found. 1 Differences were found. >1 Kubectl or diff failed with an error.\n\n' +
    ' Note: KUBECTL_EXTERNAL_DIFF, if used, is expected to follow that convention.',
  examples:
    '  # Diff resources included in pod.json\n  kubectl diff -f pod.json\n  \n  # Diff file read from stdin\n  cat service.yaml | kubectl diff -f -',
  flags: [
    {
      name: 'concurrency',
      def: '1',
      usage:
        'Number of objects to process in parallel when diffing against the live version. Larger number = faster, but more memory, I/O and CPU over that shorter period of time.',
    },
    {
      name: 'field-manager',
      def: "'kubectl-client-side-apply'",
      usage: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'filename',
      short: 'f',
      def: '[]',
      usage: 'Filename, directory, or URL to files contains the configuration to diff',
    },
    {
      name: 'recursive',
      short: 'R',
      def: 'false',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
    {
      name: 'selector',
      short: 'l',
      def: "''",
      usage:
        "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.",
    },
    { name: 'show-managed-fields', def: 'false', usage: 'If true, include managed fields in the diff.' },
  ],
  usage: 'kubectl diff -f FILENAME',
});

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

// biome-ignore lint/suspicious/noExplicitAny: objects are plain JSON here.
type Any = any;

/** InfoObject.Name(): `apps.v1.Deployment.default.web`, `v1.Namespace..team` (no namespace). */
function fileName(apiVersion: string, kind: string, namespace: string, name: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  return `${group ? `${group}.` : ''}${version}.${kind}.${namespace}.${name}`;
}

/** The merged object with the live last-applied annotation (or none), as the real patch leaves it. */
function withLiveAnnotation(merged: K8sObject, live: K8sObject | undefined): K8sObject {
  const annotations: Record<string, string> = { ...(merged.metadata.annotations ?? {}) };
  const kept = live?.metadata.annotations?.[LAST_APPLIED];
  if (kept === undefined) delete annotations[LAST_APPLIED];
  else annotations[LAST_APPLIED] = kept;
  const metadata: Any = { ...merged.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return { ...merged, metadata };
}

/** Masker.run: hide a v1 Secret's data values on both sides, marking the ones that differ. */
function maskSecret(from: K8sObject | undefined, to: K8sObject): [K8sObject | undefined, K8sObject] {
  const fromData: Record<string, unknown> | undefined = (from as Any)?.data;
  const toData: Record<string, unknown> | undefined = (to as Any).data;
  const f: Record<string, string> = {};
  const t: Record<string, string> = {};
  for (const k of Object.keys(fromData ?? {})) {
    if (toData && k in toData) {
      if (fromData?.[k] !== toData[k]) {
        f[k] = '*** (before)';
        t[k] = '*** (after)';
        continue;
      }
      t[k] = '***';
    }
    f[k] = '***';
  }
  for (const k of Object.keys(toData ?? {})) if (!(fromData && k in fromData)) t[k] = '***';
  return [
    from && fromData ? ({ ...from, data: f } as K8sObject) : from,
    toData ? ({ ...to, data: t } as K8sObject) : to,
  ];
}

/** A file's modification time as GNU diff prints it: `2026-01-08 09:30:00.123456789 +0000`. */
function mtime(ms: number, nanos: number): string {
  const iso = new Date(ms).toISOString(); // 2026-01-08T09:30:00.123Z
  const ns = `${iso.slice(20, 23)}${String(nanos).padStart(6, '0')}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${ns} +0000`;
}

/** How many diffs ran against each cluster: two at the same instant get their own directories. */
const runs = new WeakMap<object, number>();

function fail(ctx: KubectlContext, text: string): number {
  ctx.proc.err(`${text}\n`);
  return 2;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  if (args.positional.length > 0)
    return fail(
      ctx,
      `error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl diff -h' for help and examples`,
    );
  if (strs(args.flags, 'filename').length === 0) return fail(ctx, 'error: must specify one of -f and -k');
  const selector = str(args.flags, 'selector');
  if (selector !== undefined) {
    const bad = selectorParseError(selector);
    if (bad !== undefined) return fail(ctx, `error: ${bad}`);
  }
  bool(args.flags, 'show-managed-fields'); // no object here carries managedFields
  const { docs, error } = readDocs(ctx, args);
  if (error) return fail(ctx, error);
  const sel = selector ? parseSelector(selector) : undefined;
  const nsOpt = ctx.namespaceExplicit ? { namespace: ctx.namespace } : {};
  // Files by name: a second object with the same name overwrites the first (os.Create).
  const live = new Map<string, string>();
  const merged = new Map<string, string>();
  for (const { doc, source } of docs) {
    if (sel && !matches(sel, (doc as Any)?.metadata?.labels)) continue;
    const d = doc as Any;
    const kind: string | undefined = typeof d?.kind === 'string' ? d.kind : undefined;
    const name: string | undefined = typeof d?.metadata?.name === 'string' ? d.metadata.name : undefined;
    const namespaced = kind && isKindName(kind) ? KINDS[kind].namespaced : true;
    const ns = namespaced
      ? typeof d?.metadata?.namespace === 'string'
        ? d.metadata.namespace
        : ctx.namespace
      : '';
    const current = kind && name && isKindName(kind) ? ctx.cluster.get(kind, ns, name) : undefined;
    // A new object is a dry-run create, an existing one a dry-run patch; MERGED is the answer.
    const outcome = ctx.cluster.apply([doc], { ...nsOpt, source, dryRun: true })[0];
    if (!outcome) continue;
    if (!outcome.result.ok) {
      const e = outcome.result.error;
      return fail(ctx, formatError(current ? withSource(e, 'patching', source) : e));
    }
    let from = current ? forOutput(current) : undefined;
    let to = forOutput(withLiveAnnotation(outcome.result.object, current));
    if (to.kind === 'Secret' && (to.apiVersion ?? 'v1') === 'v1') [from, to] = maskSecret(from, to);
    const file = fileName(String(d.apiVersion ?? ''), kind ?? '', ns, name ?? '');
    live.set(file, from ? toYaml(from) : '');
    merged.set(file, toYaml(to));
    if (current?.metadata.deletionTimestamp)
      ctx.proc.err(`Warning: Detected changes to resource ${name} which is currently being deleted.\n`);
  }
  // os.MkdirTemp's random suffix (a uint32 in decimal), and the files' write times: a stream of the
  // cluster's seed forked by the simulated instant, so a replay prints the same.
  const now = ctx.cluster.now();
  const run = (runs.get(ctx.cluster) ?? 0) + 1;
  runs.set(ctx.cluster, run);
  const rng = createRng(ctx.cluster.seed).fork(`kubectl-diff/${now}/${run}`);
  const liveDir = `/tmp/LIVE-${rng.int(4294967296)}`;
  const mergedDir = `/tmp/MERGED-${rng.int(4294967296)}`;
  let out = '';
  for (const file of [...live.keys()].sort()) {
    const a = live.get(file) as string;
    const b = merged.get(file) as string;
    const hunks = unifiedHunks(linesOf(a), linesOf(b));
    if (hunks === '') continue;
    // LIVE is written before MERGED, a fraction of a millisecond apart.
    const t0 = rng.int(1_000_000);
    const t1 = t0 + 200_000 + rng.int(800_000);
    out +=
      `diff -u -N ${liveDir}/${file} ${mergedDir}/${file}\n` +
      `--- ${liveDir}/${file}\t${mtime(now, t0)}\n` +
      `+++ ${mergedDir}/${file}\t${mtime(now + Math.floor(t1 / 1_000_000), t1 % 1_000_000)}\n` +
      hunks;
  }
  ctx.proc.out(out);
  return out === '' ? 0 : 1;
}

export const diffVerb: KubectlVerb = {
  name: 'diff',
  short: 'Diff the live version against a would-be applied version',
  help: HELP,
  flags: [
    { name: 'filename', short: 'f', type: 'stringArray' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'concurrency', type: 'int' },
    { name: 'field-manager', type: 'string' },
  ],
  run,
};
