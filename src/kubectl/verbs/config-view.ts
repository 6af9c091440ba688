// kubectl config view [--minify] [--raw] [-o yaml|json|jsonpath=…] [KUBECTL pkg/cmd/config/view.go
// v0.34.9]: MinifyConfig, then (without --raw) RedactSecrets + ShortenConfig, converted to
// clientcmd's v1 Config and printed by PrintFlags (default yaml). YAML comes from JSON through
// sigs.k8s.io/yaml (keys sorted); JSON is json.MarshalIndent of the typed struct (field order:
// kind, apiVersion, clusters, users, contexts, current-context; `preferences` is omitzero).
import type { FlagDef, FlagValue } from '../flags';
import { JsonPathPrinter } from '../jsonpath';
import { toYaml } from '../printers/yaml';
import { type Kubeconfig, minify, toV1 } from './config-model';
import type { KubectlContext } from './registry';

export const VIEW_FLAGS: FlagDef[] = [
  { name: 'minify', type: 'bool' },
  { name: 'raw', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'flatten', type: 'bool' },
  { name: 'merge', type: 'bool' },
];

/** genericclioptions.PrintFlags' formats, sorted as NoCompatiblePrinterError prints them. */
const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Go's json.MarshalIndent(v, "", "    ") keeps struct order; its HTML-safe escaping of <, >, &. */
function goJsonIndent(v: unknown): string {
  return `${JSON.stringify(v, null, 4).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

export function runView(
  ctx: KubectlContext,
  cfg: Kubeconfig,
  flags: Record<string, FlagValue>,
  args: string[],
): number {
  if (args.length > 0) {
    ctx.proc.err(
      `error: unexpected arguments: [${args.join(' ')}]\nSee 'kubectl config view -h' for help and examples\n`,
    );
    return 1;
  }
  // Validate: without --kubeconfig there is no single file to show unmerged.
  if (flags.merge === false) {
    ctx.proc.err('error: if merge==false a precise file must be specified\n');
    return 1;
  }
  const o = typeof flags.output === 'string' ? flags.output : 'yaml';
  const eq = o.indexOf('=');
  const format = eq < 0 ? o : o.slice(0, eq);
  let printer: JsonPathPrinter | undefined;
  switch (format) {
    case 'yaml':
    case 'json':
      if (eq >= 0) return unmatched(ctx, o);
      break;
    case 'jsonpath':
    case 'jsonpath-as-json': {
      const tmpl = eq < 0 ? '' : o.slice(eq + 1);
      if (tmpl === '') {
        ctx.proc.err('error: template format specified but no template given\n');
        return 1;
      }
      const p = JsonPathPrinter.create(tmpl, {
        allowMissingKeys: flags['allow-missing-template-keys'] !== false,
        outputJSON: format === 'jsonpath-as-json',
      });
      if ('error' in p) {
        ctx.proc.err(`error: ${p.error}`.endsWith('\n') ? `error: ${p.error}` : `error: ${p.error}\n`);
        return 1;
      }
      printer = p;
      break;
    }
    case 'name':
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
    case 'jsonpath-file':
      ctx.proc.err(`error: "kubectl config view -o ${format}" is not available in this playground\n`);
      return 1;
    default:
      return unmatched(ctx, o);
  }
  let view = cfg;
  if (flags.minify === true) {
    const m = minify(cfg);
    if (!m.ok) {
      ctx.proc.err(`error: ${m.message}\n`);
      return 1;
    }
    view = m.config;
  }
  // --flatten inlines referenced files (none here) and skips the redaction, like --raw.
  const obj = toV1(view, flags.raw === true || flags.flatten === true);
  if (printer) {
    const r = printer.print(obj);
    if (!r.ok) {
      ctx.proc.err(`error: ${r.message}\n`);
      return 1;
    }
    ctx.proc.out(r.text);
    return 0;
  }
  ctx.proc.out(format === 'json' ? goJsonIndent(obj) : toYaml(obj));
  return 0;
}

function unmatched(ctx: KubectlContext, o: string): number {
  ctx.proc.err(
    `error: unable to match a printer suitable for the output format ${JSON.stringify(o)}, allowed formats are: ${ALLOWED}\n`,
  );
  return 1;
}
