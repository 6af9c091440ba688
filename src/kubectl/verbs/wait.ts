// kubectl wait --for=condition=Ready|delete|create|jsonpath=… (reference §B2) [KUBECTL cmd/wait]: the object list
// is taken once at the start; each object is then watched until the condition holds or
// --timeout (default 30s) passes; `--timeout=0` checks once, a negative value waits a week.
import type { KindName } from '../../sim/api/types';
import { relaxedJsonPath } from '../customcolumns';
import { bool, str } from '../flags';
import { findValues } from '../jsonpath';
import { JsonPathParseError, parseJsonPath } from '../jsonpath-parser';
import { goPrint, goQuote } from '../printers/gofmt';
import { kindPrefix, notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { listForKubectl } from '../selector';
import { formatErrors } from './get';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { waitUntil } from './util';

const HELP = `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every
given resource.

 Alternatively, the command can wait for the given set of resources to be deleted by providing the "delete" keyword as
the value to the --for flag.

 A successful message will be printed to stdout indicating when the specified condition has been met. You can use -o
option to change to output destination.

Examples:
  # Wait for the pod "busybox1" to contain the status condition of type "Ready"
  kubectl wait --for=condition=Ready pod/busybox1
  
  # Wait for the pod "busybox1" to be deleted, with a timeout of 60s, after having issued the "delete" command
  kubectl delete pod/busybox1
  kubectl wait --for=delete pod/busybox1 --timeout=60s

Options:
    --all=false:
	Select all resources in the namespace of the specified resource types

    --for='':
	The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath
	expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after
	Unicode simple case folding, which is a more general form of case-insensitivity.

    -l, --selector='':
	Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2).
	Matching objects must satisfy all of the specified label constraints.

    --timeout=30s:
	The length of time to wait before giving up.  Zero means check once and don't wait, negative means wait for a
	week.

Usage:
  kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)])
[--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** Go duration text (`30s`, `1m`, `1m30s`, `500ms`, `0`) → ms; undefined when malformed. */
export function parseGoDuration(s: string): number | undefined {
  if (s === '0') return 0;
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const re = /(\d+(?:\.\d+)?)(ms|h|m|s)/y;
  let total = 0;
  let i = 0;
  while (i < body.length) {
    re.lastIndex = i;
    const m = re.exec(body);
    if (!m) return undefined;
    const n = Number.parseFloat(m[1] as string);
    total += n * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    i = re.lastIndex;
  }
  if (body === '') return undefined;
  return neg ? -total : total;
}

const WEEK_MS = 7 * 24 * 3_600_000;

interface Obj {
  type: ResourceType;
  kind: KindName;
  namespace: string | undefined;
  name: string;
  uid: string;
}

function conditionMet(
  o: { status?: { conditions?: { type: string; status: string }[] } },
  type: string,
  want: string,
): boolean {
  const c = o.status?.conditions?.find((x) => x.type.toLowerCase() === type.toLowerCase());
  return c !== undefined && c.status.toLowerCase() === want.toLowerCase();
}

type Mode =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; expr: string; value: string | undefined };

/** splitJSONPathInput: split on a single '='; '==' is kept whole (`a===b` → `a==`, `b`). */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') cur += input[i];
    else if (input[i + 1] === '=') {
      cur += '==';
      i++;
    } else {
      out.push(cur);
      cur = '';
    }
  }
  out.push(cur);
  return out;
}

/**
 * conditionFuncFor [kubectl v0.34.9 pkg/cmd/wait/wait.go]: `delete` and `create` in any case,
 * `condition=NAME[=VALUE]` (value `true` by default), `jsonpath=EXPR[=VALUE]`; anything else,
 * an empty --for included, is an unrecognized condition.
 */
function parseFor(forSpec: string): Mode | string {
  const lower = forSpec.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (forSpec.startsWith('condition=')) {
    const rest = forSpec.slice('condition='.length);
    const eq = rest.indexOf('=');
    return {
      kind: 'condition',
      type: eq < 0 ? rest : rest.slice(0, eq),
      value: eq < 0 ? 'true' : rest.slice(eq + 1),
    };
  }
  if (forSpec.startsWith('jsonpath=')) {
    // processJSONPathInput: split on single '=' ('==' stays), relax the expression, trim quotes.
    const parts = splitJsonPathInput(forSpec.slice('jsonpath='.length));
    if (parts.length > 2) {
      return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    }
    const relaxed = relaxedJsonPath(parts[0] as string);
    if (!relaxed.ok) return relaxed.message;
    let value: string | undefined;
    if (parts.length === 2) {
      value = (parts[1] as string).replace(/^['"]+|['"]+$/g, '');
      if (value === '') {
        return "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3";
      }
    }
    if (relaxed.spec === '') return 'jsonpath expression cannot be empty';
    try {
      parseJsonPath(relaxed.spec);
    } catch (e) {
      if (e instanceof JsonPathParseError) return e.message;
      throw e;
    }
    return { kind: 'jsonpath', expr: relaxed.spec, value };
  }
  return `unrecognized condition: ${goQuote(forSpec)}`;
}

/** JSONPathWait.checkCondition: one value, compared as fmt's %v after trimming spaces. */
function jsonPathMet(obj: unknown, mode: { expr: string; value: string | undefined }): boolean | string {
  const results = findValues(mode.expr, JSON.parse(JSON.stringify(obj)), true);
  if (results.length === 0 || (results[0] as unknown[]).length === 0) return false;
  if (results.length > 1) return 'given jsonpath expression matches more than one list';
  if ((results[0] as unknown[]).length > 1) return 'given jsonpath expression matches more than one value';
  const v = (results[0] as unknown[])[0];
  if (mode.value === undefined) return true;
  if (v !== null && typeof v === 'object')
    return 'jsonpath leads to a nested object or list which is not supported';
  return goPrint(v).trim() === mode.value.trim();
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const parsedFor = parseFor(str(args.flags, 'for') ?? '');
  if (typeof parsedFor === 'string') {
    proc.err(`error: ${parsedFor}\n`);
    return 1;
  }
  const mode = parsedFor;
  const timeoutText = str(args.flags, 'timeout') ?? '30s';
  const timeout = parseGoDuration(timeoutText);
  if (timeout === undefined) {
    proc.err(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\nSee 'kubectl wait --help' for usage.\n`,
    );
    return 1;
  }
  const timeoutMs = timeout < 0 ? WEEK_MS : timeout;
  const selector = str(args.flags, 'selector');
  const all = bool(args.flags, 'all');
  if (args.positional.length === 0) {
    proc.err(
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    );
    return 1;
  }
  const parsed = parseResourceArgs(args.positional, 'wait');
  if (!parsed.ok) {
    proc.err(`${parsed.message}\n`);
    return 1;
  }
  // The list is taken once, now (for --for=create: once everything named exists).
  let objs: Obj[] = [];
  let missing: string[] = [];
  // The visiting order, names' NotFounds in their places (RunWait's Visit under ContinueOnError).
  let order: (Obj | { notFound: string })[] = [];
  const collect = (): string | undefined => {
    objs = [];
    missing = [];
    order = [];
    for (const req of parsed.requests) {
      const t = req.type;
      const kind = t.simulated;
      const ns = t.namespaced ? ctx.namespace : undefined;
      if (req.names) {
        for (const name of req.names) {
          const o = kind ? cluster.get(kind, ns, name) : undefined;
          if (o && kind) {
            const found = { type: t, kind, namespace: ns, name, uid: o.metadata.uid };
            objs.push(found);
            order.push(found);
          } else if (mode.kind !== 'delete') {
            missing.push(notFoundMessage(t, name));
            order.push({ notFound: notFoundMessage(t, name) });
          }
        }
      } else if (kind && (selector !== undefined || all)) {
        const r = listForKubectl(cluster, t, { namespace: ns, labelSelector: selector });
        if (r.error !== undefined) return r.error;
        for (const o of r.objs) {
          const found = { type: t, kind, namespace: ns, name: o.metadata.name, uid: o.metadata.uid };
          objs.push(found);
          order.push(found);
        }
      } else if (!selector && !all) {
        return 'error: resource(s) were provided, but no name was specified';
      }
    }
    return undefined;
  };
  const collectError = collect();
  if (collectError !== undefined) {
    proc.err(`${collectError}\n`);
    return 1;
  }
  const start = cluster.now();
  if (mode.kind === 'create' && (missing.length > 0 || objs.length === 0)) {
    // RunWait polls the resource finder until every named object exists (a selector: until it
    // matches something), then reports each as created; the poll has no name to report.
    const found = waitUntil(
      ctx,
      () => collect() === undefined && missing.length === 0 && objs.length > 0,
      timeoutMs,
    );
    if (!found) {
      proc.err('error: timed out waiting for the condition\n');
      return 1;
    }
  }
  if (objs.length === 0 && missing.length > 0) {
    proc.err(formatErrors(missing));
    return 1;
  }
  if (objs.length === 0) {
    if (mode.kind === 'delete') return 0;
    proc.err('error: no matching resources found\n');
    return 1;
  }
  // One deadline for the whole command (RunWait's context carries --timeout), so a later
  // object gets only what the earlier ones left.
  const deadline = start + timeoutMs;
  // RunWait: Visit under ContinueOnError (the ResourceFinder has no StopOnFirstError), so a
  // missing name, a failed jsonpath or a timeout does not stop the later objects; the errors come
  // after (checkErr: one as it is, several one line each, without `error: ` but a StatusError's).
  const errors: { pretty: string; raw: string }[] = [];
  const fail = (msg: string) => errors.push({ pretty: `error: ${msg}`, raw: msg });
  for (const o of order) {
    if ('notFound' in o) {
      errors.push({ pretty: o.notFound, raw: o.notFound });
      continue;
    }
    let gone = false;
    let failed: string | undefined;
    const check = (): boolean => {
      const cur = cluster.get(o.kind, o.namespace, o.name);
      if (!cur || cur.metadata.uid !== o.uid) {
        gone = true;
        return true;
      }
      if (mode.kind === 'delete') return false;
      if (mode.kind === 'create') return true;
      if (mode.kind === 'jsonpath') {
        const r = jsonPathMet(cur, mode);
        if (typeof r === 'string') failed = r;
        return r !== false;
      }
      return conditionMet(cur, mode.type, mode.value);
    };
    // --timeout=0 checks once: `condition not met for pods/x` [condition.go, delete.go].
    const ok = timeoutMs === 0 ? check() : waitUntil(ctx, check, Math.max(0, deadline - cluster.now()));
    if (failed !== undefined) {
      fail(failed);
      continue;
    }
    if (!ok) {
      fail(
        timeoutMs === 0
          ? `condition not met for ${o.type.resource}/${o.name}`
          : `timed out waiting for the condition on ${o.type.resource}/${o.name}`,
      );
      continue;
    }
    if (gone && mode.kind !== 'delete') {
      const nf = notFoundMessage(o.type, o.name);
      errors.push({ pretty: nf, raw: nf });
      continue;
    }
    proc.out(`${kindPrefix(o.type)}/${o.name} condition met\n`);
  }
  if (errors.length === 1) proc.err(`${(errors[0] as { pretty: string }).pretty}\n`);
  else for (const e of errors) proc.err(`${e.raw}\n`);
  return errors.length > 0 ? 1 : 0;
}

export const waitVerb: KubectlVerb = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  help: HELP,
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'for', type: 'string' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'timeout', type: 'string' },
  ],
  run,
};
