// kubectl set env RESOURCE/NAME KEY=VAL… KEY-… [-e KEY=VAL] [-c CONTAINERS] [--list]
// [--overwrite=false] [KUBECTL cmd/set/set_env.go, set/env/env_parse.go v0.34.9]. The selected
// containers (the -c wildcard, containers before init containers) get the variables set, replaced
// or removed (updateEnv); `--list` prints each selected container's environment after the
// changes and sends nothing. --from, --keys, --prefix and --resolve are not offered: this
// cluster has no ConfigMaps or Secrets.
import { bool, str, strs } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { warningLine } from '../warnings';
import { dryRunSuffix, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import type { LabelError } from './label';
import { filenameHelpFlags, hasFilenames } from './patch-files';
import type { KubectlContext, ParsedArgs } from './registry';
import {
  type Container,
  noPodTemplate,
  type PodSpecLike,
  patchFailure,
  podSpecPatch,
  printAggregate,
  sendPodSpecPatch,
  setTargets,
  withPodSpec,
} from './set-common';
import { SELECTOR_USAGE, SET_RESOURCES } from './set-image';

export const SET_ENV_HELP = composeHelp({
  long: `Update environment variables on a pod template.

 List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.

 If "--env -" is passed, environment variables can be read from STDIN using the standard env syntax.

 Possible resources include (case insensitive):

${SET_RESOURCES}`,
  examples: `  # Update deployment 'registry' with a new environment variable
  kubectl set env deployment/registry STORAGE_DIR=/local
  
  # List the environment variables defined on a deployments 'sample-build'
  kubectl set env deployment/sample-build --list
  
  # List the environment variables defined on all pods
  kubectl set env pods --all --list
  
  # Output modified deployment in YAML, and does not alter the object on the server
  kubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml
  
  # Update all containers in all replication controllers in the project to have ENV=prod
  kubectl set env rc --all ENV=prod
  
  # Import environment from a secret
  kubectl set env --from=secret/mysecret deployment/myapp
  
  # Import environment from a config map with a prefix
  kubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp
  
  # Import specific keys from a config map
  kubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp
  
  # Remove the environment variable ENV from container 'c1' in all deployment configs
  kubectl set env deployments --all --containers="c1" ENV-
  
  # Remove the environment variable ENV from a deployment definition on disk and
  # update the deployment config on the server
  kubectl set env -f deploy.json ENV-
  
  # Set some of the local shell environment into a deployment config on the server
  env | grep RAILS_ | kubectl set env -e - deployment/registry`,
  flags: [
    {
      name: 'all',
      def: 'false',
      usage: 'If true, select all resources in the namespace of the specified resource types',
    },
    {
      name: 'containers',
      short: 'c',
      def: "'*'",
      usage: 'The names of containers in the selected pod templates to change - may use wildcards',
    },
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    ...filenameHelpFlags('Filename, directory, or URL to files the resource to update the env'),
    {
      name: 'env',
      short: 'e',
      def: '[]',
      usage: 'Specify a key-value pair for an environment variable to set into each container.',
    },
    {
      name: 'list',
      def: 'false',
      usage:
        'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.',
    },
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    {
      name: 'overwrite',
      def: 'true',
      usage:
        'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.',
    },
    { name: 'selector', short: 'l', def: "''", usage: SELECTOR_USAGE },
  ],
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N',
});

export const SET_ENV_FLAGS = [
  'all',
  'containers',
  'dry-run',
  'env',
  'filename',
  'list',
  'output',
  'overwrite',
  'recursive',
  'selector',
];

type EnvVar = NonNullable<Container['env']>[number];

/** envutil.SplitEnvironmentFromResources: `(?ms)^(.+)=(.*)$` or a trailing `-` is a change. */
function splitEnv(args: readonly string[]): { resources: string[]; env: string[] } | undefined {
  const resources: string[] = [];
  const env: string[] = [];
  for (const s of args) {
    const isEnv = /^[\s\S]+=[\s\S]*$/.test(s) || s.endsWith('-');
    if (isEnv) env.push(s);
    else if (env.length > 0) return undefined;
    else resources.push(s);
  }
  return { resources, env };
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** validation.IsEnvVarName. */
function envNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (!ENV_NAME.test(name)) {
    errs.push(
      "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')",
    );
  }
  if (name === '.') errs.push("must not be '.'");
  else if (name === '..') errs.push("must not be '..'");
  else if (name.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** envutil.readEnv: `KEY=VALUE` lines, `#` starts a comment, other lines are skipped. */
function readEnv(stdin: string): EnvVar[] {
  const env: EnvVar[] = [];
  for (const raw of stdin.split('\n')) {
    const hash = raw.indexOf('#');
    const line = hash >= 0 ? raw.slice(0, hash) : raw;
    const i = line.indexOf('=');
    if (i >= 0) env.push({ name: line.slice(0, i), value: line.slice(i + 1) });
  }
  return env;
}

/** envutil.ParseEnv (`-` reads the environment from stdin). */
function parseEnv(
  specs: readonly string[],
  stdin: string,
): { env: EnvVar[]; remove: string[] } | { error: string } {
  const env: EnvVar[] = [];
  const exists = new Set<string>();
  const remove: string[] = [];
  for (const s of specs) {
    if (s === '-') {
      env.push(...readEnv(stdin));
      continue;
    }
    if (s.includes('=')) {
      const i = s.indexOf('=');
      const name = s.slice(0, i);
      const errs = envNameErrors(name);
      if (errs.length > 0)
        return { error: `${JSON.stringify(name)} is not a valid key name: ${errs.join(';')}` };
      exists.add(name);
      env.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else return { error: `unknown environment variable: ${s}` };
  }
  if (remove.some((r) => exists.has(r))) {
    return { error: 'can not both modify and remove the same environment variable in the same command' };
  }
  return { env, remove };
}

/** set/helper.go selectString: `*` wildcards, non-greedy, with its own quirks. */
function selectString(s: string, spec: string): boolean {
  if (spec === '*') return true;
  if (!spec.includes('*')) return s === spec;
  let pos = 0;
  const parts = spec.split('*');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (part.length === 0) continue;
    const next = s.slice(pos).indexOf(part);
    if (next < pos || (i === 0 && pos !== 0) || (i === parts.length - 1 && s.length !== part.length + next)) {
      return false;
    }
    pos = next;
  }
  return true;
}

/** set/helper.go updateEnv: replace in place, append the new, drop the removed. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const out: EnvVar[] = [];
  const covered = new Set(remove);
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
      continue;
    }
    out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString. */
function refString(from: Record<string, Record<string, string> | undefined>): string {
  if (from.configMapKeyRef) return `configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}`;
  if (from.secretKeyRef) return `secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}`;
  if (from.fieldRef) return `field path ${from.fieldRef.fieldPath}`;
  if (from.resourceFieldRef) {
    const c = from.resourceFieldRef.containerName;
    return `resource field ${c ? `${c}/` : ''}${from.resourceFieldRef.resource}`;
  }
  return 'invalid env var source';
}

export function runSetEnv(args: ParsedArgs, ctx: KubectlContext, words: string[]): number {
  const { proc } = ctx;
  const fail = (m: string) => {
    proc.err(`${m}\n`);
    return 1;
  };
  // Complete.
  if (bool(args.flags, 'all') && (str(args.flags, 'selector') ?? '') !== '') {
    return fail('error: cannot set --all and --selector at the same time');
  }
  const split = splitEnv(words);
  if (!split)
    return fail(`error: all resources must be specified before environment changes: ${words.join(' ')}`);
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(dry.message);
  const output = str(args.flags, 'output') ?? '';
  const format = parseOperationOutput(output);
  if (!format.ok) return fail(format.message);
  // Validate.
  if (split.resources.length < 1 && !hasFilenames(args)) {
    return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const list = bool(args.flags, 'list');
  if (list && output !== '') return fail('error: --list and --output may not be specified together');
  // RunEnv.
  const parsed = parseEnv([...strs(args.flags, 'env'), ...split.env], ctx.proc.stdin);
  if ('error' in parsed) return fail(`error: ${parsed.error}`);
  const resolved = setTargets(args, ctx, split.resources);
  if (!resolved.ok) return resolved.code;
  const selector = str(args.flags, 'containers') ?? '*';
  const overwrite = args.flags.overwrite !== false;
  const errors: LabelError[] = [];
  const changed: { obj: NonNullable<ReturnType<typeof withPodSpec>>; before: PodSpecLike }[] = [];
  for (const { t, obj } of resolved.targets) {
    const w = withPodSpec(obj);
    if (!w) {
      errors.push(noPodTemplate(t, obj));
      continue;
    }
    const before = structuredClone(w.spec);
    const pick = (cs: Container[] | undefined) => (cs ?? []).filter((c) => selectString(c.name, selector));
    const containers = [...pick(w.spec.containers), ...pick(w.spec.initContainers)];
    if (containers.length === 0) {
      proc.err(
        warningLine(
          proc,
          `${obj.kind}/${obj.metadata.name} does not have any containers matching "${selector}"`,
        ),
      );
      continue;
    }
    let failed: string | undefined;
    for (const c of containers) {
      if (!overwrite) {
        const clash = parsed.env.find((e) => {
          const cur = (c.env ?? []).find((x) => x.name === e.name);
          return cur !== undefined && (cur.value ?? '') !== (e.value ?? '');
        });
        if (clash) {
          const cur = (c.env ?? []).find((x) => x.name === clash.name);
          failed = `'${clash.name}' already has a value (${cur?.value ?? ''}), and --overwrite is false`;
          break;
        }
      }
      const next = updateEnv(c.env ?? [], parsed.env, parsed.remove);
      if (next.length > 0 || c.env !== undefined) c.env = next;
      if (list) {
        let text = `# ${obj.kind} ${obj.metadata.name}, container ${c.name}\n`;
        for (const e of c.env ?? []) {
          text += e.valueFrom
            ? `# ${e.name} from ${refString(e.valueFrom)}\n`
            : `${e.name}=${e.value ?? ''}\n`;
        }
        proc.out(text);
      }
    }
    if (failed !== undefined) {
      const m = `error: ${t.resource}/${obj.metadata.name} ${failed}`;
      errors.push({ pretty: m, raw: `${m}\n` });
      continue;
    }
    if (JSON.stringify(before) !== JSON.stringify(w.spec)) changed.push({ obj: w, before });
  }
  if (list) return 0;
  const printer = new OperationPrinter(format.format, `env updated${dryRunSuffix(dry.strategy)}`);
  for (const { obj: w, before } of changed) {
    let out = w.obj;
    if (dry.strategy !== 'client') {
      const r = sendPodSpecPatch(
        ctx,
        w.obj,
        podSpecPatch(before, w.spec, ['env']),
        dry.strategy === 'server',
      );
      if (!r.ok) {
        errors.push(patchFailure('env', r.error));
        continue;
      }
      out = r.object;
    }
    const p = printer.print(out);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  return printAggregate(ctx, errors);
}
