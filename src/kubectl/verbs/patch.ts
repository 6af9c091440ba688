// kubectl patch (TYPE NAME | TYPE/NAME) (-p PATCH | --patch-file FILE) [--type strategic|merge|json]
// [--dry-run] [-o] [KUBECTL cmd/patch/patch.go v0.34.9]. The patch text goes through
// yaml.ToJSON (a body that starts with `{` is sent as it is, anything else is read as YAML) and
// is PATCHed to the server, which applies it (sim/apiserver/patch.ts). The line is `patched`, or
// `patched (no change)` when the answer equals the object the builder read; the printer's
// operation is set per object after PrintFlagsWithDryRunStrategy ran, so the dry-run suffix is
// lost: `--dry-run=server` also prints `service/x patched`. A client dry run patches the object
// read from the server locally (getPatchedJSON) and sends nothing.
import { isKindName } from '../../sim/api/kinds';
import type { K8sObject } from '../../sim/api/types';
import { deepEqual } from '../../sim/apiserver/json';
import { goJsonParse, goJsonType, isPlainObject, mergePatch } from '../../sim/apiserver/patch-json';
import { applyJsonPatch } from '../../sim/apiserver/patch-jsonpatch';
import { PatchError, strategicMergePatch } from '../../sim/apiserver/patch-strategic';
import type { PatchType } from '../../sim/contract';
import { parseManifests } from '../../sim/yaml';
import { str } from '../flags';
import { OperationPrinter, parseOperationOutput } from '../printers/operation';
import { notFoundMessage, parseResourceArgs, type ResourceType } from '../resources';
import { warningLine } from '../warnings';
import { DRY_RUN_FLAG, getDryRunStrategy } from './dryrun';
import { composeHelp, DRY_RUN_USAGE, OUTPUT_USAGE } from './generate-help';
import type { LabelError } from './label';
import { patchErrorPretty, patchErrorRaw } from './patch-errors';
import { FILENAME_FLAGS, filenameHelpFlags, fileTargets, hasFilenames } from './patch-files';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { CHANGE_CAUSE, RECORD_FLAG, RECORD_HELP_FLAG, recordCause } from './set-record';

const PATCH_TYPES = ['json', 'merge', 'strategic'];

export const MISSING_RESOURCE = `error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const HELP = composeHelp({
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  examples: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'
  
  # Partially update a node using a strategic merge patch, specifying the patch as YAML
  kubectl patch node k8s-node-1 -p $'spec:\\n unschedulable: true'
  
  # Partially update a node identified by the type and name specified in "node.json" using strategic merge patch
  kubectl patch -f node.json -p '{"spec":{"unschedulable":true}}'
  
  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'
  
  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'
  
  # Update a deployment's replicas through the 'scale' subresource using a merge patch
  kubectl patch deployment nginx-deployment --subresource='scale' --type='merge' -p '{"spec":{"replicas":2}}'`,
  flags: [
    { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
    ...filenameHelpFlags('Filename, directory, or URL to files identifying the resource to update'),
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    { name: 'patch', short: 'p', def: "''", usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', def: "''", usage: 'A file containing a patch to be applied to the resource.' },
    RECORD_HELP_FLAG,
    {
      name: 'type',
      def: "'strategic'",
      usage: 'The type of patch being provided; one of [json merge strategic]',
    },
  ],
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
});

/** apimachinery util/yaml ToJSON: JSON (a leading `{`) as it is, else YAML converted to JSON. */
function toJson(text: string): { ok: true; json: string } | { ok: false; message: string } {
  if (/^\s*\{/.test(text)) return { ok: true, json: text };
  const r = parseManifests(text, 'patch');
  if (!r.ok) return { ok: false, message: r.error.message.replace(/^error parsing patch: /, '') };
  return { ok: true, json: JSON.stringify(r.docs[0] ?? null) };
}

/**
 * getPatchedJSON for a client dry run: the patch applied to the object as read, nothing sent.
 * The errors are the client libraries' own (evanphx/json-patch, strategicpatch).
 */
function patchLocally(
  obj: K8sObject,
  type: PatchType,
  body: string,
): { ok: true; obj: K8sObject } | { ok: false; message: string } {
  const parsed = goJsonParse(body);
  if (type === 'json') {
    if (!parsed.ok) return { ok: false, message: parsed.message };
    // DecodePatch: json.Unmarshal into jsonpatch.Patch ([]Operation, each a map).
    const v = parsed.value;
    if (v !== null && !Array.isArray(v)) {
      return {
        ok: false,
        message: `json: cannot unmarshal ${goJsonType(v)} into Go value of type jsonpatch.Patch`,
      };
    }
    const ops = v ?? [];
    const bad = ops.find((o) => o !== null && !isPlainObject(o));
    if (bad !== undefined) {
      return {
        ok: false,
        message: `json: cannot unmarshal ${goJsonType(bad)} into Go value of type jsonpatch.Operation`,
      };
    }
    const r = applyJsonPatch(obj, ops);
    if (!r.ok) {
      // patch.go rewords the one failure it recognises (`doc is missing key: <path>: …`).
      const ix = r.message.indexOf('key:');
      if (r.message.includes('doc is missing key')) {
        return { ok: false, message: `Object to be patched is missing field (${r.message.slice(ix + 5)})` };
      }
      return { ok: false, message: r.message };
    }
    const out = r.doc;
    return { ok: true, obj: out as K8sObject };
  }
  if (!parsed.ok || !isPlainObject(parsed.value ?? {}) || (type === 'merge' && parsed.value === null)) {
    return { ok: false, message: type === 'merge' ? 'Invalid JSON Patch' : 'invalid JSON document' };
  }
  const patch = (parsed.value ?? {}) as Record<string, unknown>;
  if (type === 'merge') return { ok: true, obj: mergePatch(obj, patch) as K8sObject };
  try {
    return { ok: true, obj: strategicMergePatch(obj as never, patch, obj.kind) as unknown as K8sObject };
  } catch (e) {
    if (e instanceof PatchError) return { ok: false, message: e.message };
    throw e;
  }
}

function fail(ctx: KubectlContext, message: string): number {
  ctx.proc.err(`${message}\n`);
  return 1;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc } = ctx;
  // Complete.
  const cause = recordCause(args, ctx, 'patch');
  const dry = getDryRunStrategy(args.flags, { err: proc.err, now: ctx.cluster.now() });
  if (!dry.ok) return fail(ctx, dry.message);
  // Validate.
  const patchText = str(args.flags, 'patch') ?? '';
  const patchFile = str(args.flags, 'patch-file') ?? '';
  if (patchText !== '' && patchFile !== '')
    return fail(ctx, 'error: cannot specify --patch and --patch-file together');
  if (patchText === '' && patchFile === '') {
    return fail(ctx, 'error: must specify --patch or --patch-file containing the contents of the patch');
  }
  const typeFlag = str(args.flags, 'type') ?? 'strategic';
  if (typeFlag !== '' && !PATCH_TYPES.includes(typeFlag.toLowerCase())) {
    return fail(ctx, `error: --type must be one of [json merge strategic], not "${typeFlag}"`);
  }
  const type = (typeFlag === '' ? 'strategic' : typeFlag.toLowerCase()) as PatchType;
  // RunPatch.
  let raw = patchText;
  if (patchFile !== '') {
    const st = ctx.host?.stat(patchFile);
    if (st === 'dir') return fail(ctx, `error: unable to read patch file: read ${patchFile}: is a directory`);
    const text = st ? ctx.host?.readFile(patchFile) : undefined;
    if (text === undefined) {
      return fail(ctx, `error: unable to read patch file: open ${patchFile}: no such file or directory`);
    }
    raw = text;
  }
  const json = toJson(raw);
  if (!json.ok) return fail(ctx, `error: unable to parse "${patchText}": ${json.message}`);
  if (args.positional.length === 0 && !hasFilenames(args)) return fail(ctx, MISSING_RESOURCE);
  const output = str(args.flags, 'output') ?? '';
  const errors: LabelError[] = [];
  // The objects: named (RetrieveLazy GETs each), or as the files have them (no GET).
  const items: { t: ResourceType; name: string; ns: string | undefined; before: K8sObject | undefined }[] =
    [];
  if (hasFilenames(args)) {
    const r = fileTargets(ctx, args, args.positional, errors, false);
    if (!r.ok) return fail(ctx, r.message);
    for (const { t, obj } of r.targets) {
      items.push({ t, name: obj.metadata?.name ?? '', ns: obj.metadata?.namespace, before: obj });
    }
  } else {
    const parsed = parseResourceArgs(args.positional, 'patch');
    if (!parsed.ok) return fail(ctx, parsed.message);
    for (const { type: t, names } of parsed.requests) {
      if (!names) return fail(ctx, 'error: resource(s) were provided, but no name was specified');
      for (const name of names) {
        const ns = t.namespaced ? ctx.namespace : undefined;
        const kind = t.simulated;
        const before = kind && isKindName(kind) ? ctx.cluster.get(kind, ns, name) : undefined;
        items.push({ t, name, ns, before });
      }
    }
  }
  let count = 0;
  for (const { t, name, ns, before } of items) {
    const kind = t.simulated;
    if (!before || !kind) {
      const line = notFoundMessage(t, name);
      errors.push({ pretty: line, raw: line });
      continue;
    }
    count++;
    let after: K8sObject;
    let opOverride: string | undefined;
    if (dry.strategy === 'client') {
      const r = patchLocally(before, type, json.json);
      if (!r.ok) {
        errors.push({ pretty: `error: ${r.message}`, raw: r.message });
        continue;
      }
      after = r.obj;
    } else {
      const r = ctx.cluster.patch(kind, ns, name, type, json.json, {
        ...(dry.strategy === 'server' ? { dryRun: true } : {}),
      });
      if (!r.ok) {
        errors.push({ pretty: patchErrorPretty(r.error), raw: patchErrorRaw(r.error) });
        continue;
      }
      for (const w of r.warnings ?? []) proc.err(warningLine(proc, w));
      after = r.object;
      if (cause !== undefined) {
        // MakeRecordMergePatch on the patched object, a second PATCH whose failure is only logged.
        const recorded = ctx.cluster.patch(
          kind,
          ns,
          name,
          'merge',
          after.metadata.annotations?.[CHANGE_CAUSE] === cause
            ? '{}'
            : JSON.stringify({ metadata: { annotations: { [CHANGE_CAUSE]: cause } } }),
          { ...(dry.strategy === 'server' ? { dryRun: true } : {}) },
        );
        if (recorded.ok) {
          // The operation was decided by the first patch (didPatch).
          const op = deepEqual(before, after) ? 'patched (no change)' : 'patched';
          after = recorded.object;
          opOverride = op;
        }
      }
    }
    // ToPrinter per object (a bad -o fails after the write).
    const format = parseOperationOutput(output);
    if (!format.ok) {
      errors.push({ pretty: format.message, raw: format.message.replace(/^error: /, '') });
      continue;
    }
    const op = opOverride ?? (deepEqual(before, after) ? 'patched (no change)' : 'patched');
    const p = new OperationPrinter(format.format, op).print(after);
    proc.out(p.out);
    if (p.error) errors.push({ pretty: p.error, raw: p.error.replace(/^error: /, '') });
  }
  if (errors.length === 1) return fail(ctx, (errors[0] as LabelError).pretty);
  if (errors.length > 1) {
    for (const e of errors) proc.err(`${e.raw}\n`);
    return 1;
  }
  if (count === 0) return fail(ctx, 'error: no objects passed to patch');
  return 0;
}

export const patchVerb: KubectlVerb = {
  name: 'patch',
  short: 'Update fields of a resource',
  help: HELP,
  flags: [
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    RECORD_FLAG,
    { name: 'type', type: 'string' },
  ],
  run,
};
