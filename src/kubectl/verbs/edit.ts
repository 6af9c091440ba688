// kubectl edit (RESOURCE/NAME | -f FILENAME) [KUBECTL v0.34.9 pkg/cmd/edit/edit.go,
// pkg/cmd/util/editor/editoptions.go]: Complete reads the objects (always the latest from the
// server, ContinueOnError: a missing one fails the command before any editor opens), then Run
// edits them together — one object, or a List of several — in the editor (./edit-session). In the
// playground the editor is the editor panel's tab for the temp file; `kubectl edit` stays the
// terminal's foreground job until the student finishes or cancels the edit (Ctrl-C ends it).
import type { K8sObject } from '../../sim/api/types';
import { bool, str } from '../flags';
import { parseOperationOutput } from '../printers/operation';
import { notFoundMessage, parseResourceArgs } from '../resources';
import { styleWarning } from '../warnings';
import { EditSession, type EditTarget } from './edit-session';
import { composeHelp, OUTPUT_USAGE } from './generate-help';
import { ENDPOINTS_WARNING } from './get';
import type { LabelError } from './label';
import { MISSING_RESOURCE } from './patch';
import { FILENAME_FLAGS, filenameHelpFlags, fileTargets, hasFilenames } from './patch-files';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';
import { RECORD_FLAG, RECORD_HELP_FLAG, recordCause } from './set-record';

const HELP = composeHelp({
  long: `Edit a resource from the default editor.

 The edit command allows you to directly edit any API resource you can retrieve via the command-line tools. It will open the editor defined by your KUBE_EDITOR, or EDITOR environment variables, or fall back to 'vi' for Linux or 'notepad' for Windows. When attempting to open the editor, it will first attempt to use the shell that has been defined in the 'SHELL' environment variable. If this is not defined, the default shell will be used, which is '/bin/bash' for Linux or 'cmd' for Windows.

 You can edit multiple objects, although changes are applied one at a time. The command accepts file names as well as command-line arguments, although the files you point to must be previously saved versions of resources.

 Editing is done with the API version used to fetch the resource. To edit using a specific API version, fully-qualify the resource, version, and group.

 The default format is YAML. To edit in JSON, specify "-o json".

 The flag --windows-line-endings can be used to force Windows line endings, otherwise the default for your operating system will be used.

 In the event an error occurs while updating, a temporary file will be created on disk that contains your unapplied changes. The most common error when updating a resource is another editor changing the resource on the server. When this occurs, you will have to apply your changes to the newer version of the resource, or update your temporary saved copy to include the latest resource version.`,
  examples: `  # Edit the service named 'registry'
  kubectl edit svc/registry
  
  # Use an alternative editor
  KUBE_EDITOR="nano" kubectl edit svc/registry
  
  # Edit the job 'myjob' in JSON using the v1 API format
  kubectl edit job.v1.batch/myjob -o json
  
  # Edit the deployment 'mydeployment' in YAML and save the modified config in its annotation
  kubectl edit deployment/mydeployment -o yaml --save-config
  
  # Edit the 'status' subresource for the 'mydeployment' deployment
  kubectl edit deployment mydeployment --subresource='status'`,
  flags: [
    ...filenameHelpFlags('Filename, directory, or URL to files to use to edit the resource'),
    { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE },
    { name: 'output-patch', def: 'false', usage: 'Output the patch if the resource is edited.' },
    {
      name: 'field-manager',
      def: "'kubectl-edit'",
      usage: 'Name of the manager used to track field ownership.',
    },
    RECORD_HELP_FLAG,
    {
      name: 'save-config',
      def: 'false',
      usage:
        'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
    },
    {
      name: 'validate',
      def: "'strict'",
      usage:
        'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
    },
    {
      name: 'windows-line-endings',
      def: 'false',
      usage: 'Defaults to the line ending native to your platform.',
    },
  ],
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME)',
});

function fail(ctx: KubectlContext, message: string): number {
  ctx.proc.err(`${message}\n`);
  return 1;
}

/** The builder's result: the objects, or the errors Infos() aggregates. */
function readTargets(
  args: ParsedArgs,
  ctx: KubectlContext,
): { targets: EditTarget[]; errors: LabelError[] } | string {
  const errors: LabelError[] = [];
  if (hasFilenames(args)) {
    const r = fileTargets(ctx, args, args.positional, errors, true);
    if (!r.ok) return r.message;
    return { targets: r.targets.map(({ t, obj }) => ({ t, obj })), errors };
  }
  const parsed = parseResourceArgs(args.positional, 'edit');
  if (!parsed.ok) return parsed.message;
  if (parsed.requests.length === 0) return MISSING_RESOURCE;
  const targets: EditTarget[] = [];
  // The server's deprecation warning comes with the GET (kubectl's warning writer deduplicates).
  if (parsed.requests.some((r) => r.type.simulated === 'Endpoints'))
    ctx.proc.err(styleWarning(ctx.proc, `${ENDPOINTS_WARNING}\n`));
  for (const { type: t, names } of parsed.requests) {
    const kind = t.simulated;
    const ns = t.namespaced ? ctx.namespace : undefined;
    if (!names) {
      if (kind)
        for (const obj of ctx.cluster.list(kind, ns ? { namespace: ns } : {})) targets.push({ t, obj });
      continue;
    }
    for (const name of names) {
      const obj: K8sObject | undefined = kind ? ctx.cluster.get(kind, ns, name) : undefined;
      if (!obj) {
        const line = notFoundMessage(t, name);
        errors.push({ pretty: line, raw: line });
      } else targets.push({ t, obj });
    }
  }
  return { targets, errors };
}

/** cmdutil.GetValidationDirective: strconv.ParseBool's words, else strict / warn / ignore. */
function validationDirective(v: string | undefined): 'Strict' | 'Warn' | 'Ignore' | undefined {
  if (v === undefined) return 'Strict';
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return 'Strict';
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return 'Ignore';
  return v === 'strict' ? 'Strict' : v === 'warn' ? 'Warn' : v === 'ignore' ? 'Ignore' : undefined;
}

function run(args: ParsedArgs, ctx: KubectlContext): number {
  // Complete.
  const cause = recordCause(args, ctx, 'edit');
  const output = str(args.flags, 'output') ?? '';
  const read = readTargets(args, ctx);
  if (typeof read === 'string') return fail(ctx, read);
  const validate = str(args.flags, 'validate');
  const directive = validationDirective(validate);
  if (directive === undefined) {
    return fail(
      ctx,
      `error: invalid - validate option "${validate}"; must be one of: strict (or true), warn, ignore (or false)`,
    );
  }
  if (read.errors.length === 1) return fail(ctx, (read.errors[0] as LabelError).pretty);
  if (read.errors.length > 1) {
    for (const e of read.errors) ctx.proc.err(`${e.raw}\n`);
    return 1;
  }
  // Run.
  if (read.targets.length === 0) return fail(ctx, 'error: edit cancelled, no objects found');
  // The editor's printer accepts only json and yaml (editPrinterOptions' JSONYamlPrintFlags, which
  // lowercases the name); it runs before the result printer, so its error is the one seen.
  const lower = output.toLowerCase();
  const format = parseOperationOutput(output);
  if (!format.ok || (output !== '' && lower !== 'yaml' && lower !== 'json')) {
    return fail(
      ctx,
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`,
    );
  }
  if (!ctx.host?.editFile) {
    return fail(
      ctx,
      'error: "kubectl edit" needs the playground\'s editor, which this terminal does not have',
    );
  }
  const session = new EditSession(ctx, read.targets, {
    json: lower === 'json',
    // editPrinterOptions.Complete compares the flag as typed: `-o JSON` prints JSON under the YAML
    // header, in a .yaml file.
    jsonFile: output === 'json',
    format: format.format,
    outputPatch: bool(args.flags, 'output-patch'),
    cause,
    saveConfig: bool(args.flags, 'save-config'),
    crlf: bool(args.flags, 'windows-line-endings'),
    validation: directive,
  });
  session.start();
  // A scripted editor answers at once: the run is over already.
  return session.code ?? 0;
}

export const editVerb: KubectlVerb = {
  name: 'edit',
  short: 'Edit a resource on the server',
  help: HELP,
  flags: [
    ...FILENAME_FLAGS,
    { name: 'output', short: 'o', type: 'string' },
    { name: 'output-patch', type: 'bool' },
    // Accepted: this API server keeps no managedFields, so the manager's name changes nothing.
    { name: 'field-manager', type: 'string' },
    RECORD_FLAG,
    { name: 'save-config', type: 'bool' },
    { name: 'windows-line-endings', type: 'bool' },
    { name: 'validate', type: 'string', noOptDefVal: 'strict' },
  ],
  run,
};
