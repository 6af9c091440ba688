// `-f FILENAME` for the verbs that edit objects the files name (annotate, patch, set)
// [CLI-RT resource/builder.go v0.34.9 FilenameParam, visitByPaths; RequireNamespace /
// SetNamespace]: each document is mapped to its type, given the namespace in use when it has
// none (a different one under an explicit -n is an error), and, with Latest(), read back from
// the server (a missing object is the server's NotFound). Errors are gathered per document
// (ContinueOnError); the files' own errors (a missing path, bad YAML) stop the command.
import type { K8sObject } from '../../sim/api/types';
import { strs } from '../flags';
import { notFoundMessage, resolveResourceType } from '../resources';
import { readDocs } from './apply';
import type { LabelError, Target } from './label';
import type { KubectlContext, ParsedArgs } from './registry';

export const FILENAME_FLAGS = [
  { name: 'filename', short: 'f', type: 'stringArray' as const },
  { name: 'recursive', short: 'R', type: 'bool' as const },
];

/** The help entries of -f and -R; `usage` is -f's whole text (AddFilenameOptionFlags prefixes it). */
export function filenameHelpFlags(usage: string) {
  return [
    { name: 'filename', short: 'f', def: '[]', usage },
    {
      name: 'recursive',
      short: 'R',
      def: 'false',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
  ];
}

export function hasFilenames(args: ParsedArgs): boolean {
  return strs(args.flags, 'filename').length > 0;
}

/**
 * The objects the files name. `latest`: read each from the server (annotate, set); without it
 * the object is the document as read (patch's RetrieveLazy finds it already there).
 * `one` is the builder's singleItemImplied: exactly one path, a file.
 */
export function fileTargets(
  ctx: KubectlContext,
  args: ParsedArgs,
  resources: readonly string[],
  errors: LabelError[],
  latest: boolean,
): { ok: true; targets: Target[]; one: boolean } | { ok: false; message: string } {
  if (resources.some((r) => r.includes('/'))) {
    return {
      ok: false,
      message: 'error: resource/name arguments cannot be provided when a path is specified',
    };
  }
  if (resources.length > 0) {
    return {
      ok: false,
      message:
        'error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well',
    };
  }
  const { docs, error } = readDocs(ctx, args);
  if (error) return { ok: false, message: error };
  const targets: Target[] = [];
  for (const { doc, source } of docs) {
    const d = doc as K8sObject;
    const name = typeof d?.metadata?.name === 'string' ? d.metadata.name : '';
    const t = typeof d?.kind === 'string' ? resolveResourceType(d.kind) : undefined;
    const kind = t?.simulated;
    if (t === undefined || kind === undefined) {
      const m = `resource mapping not found for name: "${name}" namespace: "${String(d?.metadata?.namespace ?? '')}" from "${source}": no matches for kind "${String(d?.kind ?? '')}" in version "${String(d?.apiVersion ?? '')}"\nensure CRDs are installed first`;
      errors.push({ pretty: `error: ${m}`, raw: m });
      continue;
    }
    const docNs = typeof d.metadata?.namespace === 'string' ? d.metadata.namespace : '';
    if (t.namespaced && docNs && ctx.namespaceExplicit && docNs !== ctx.namespace) {
      const m = `the namespace from the provided object "${docNs}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${docNs}' to perform this operation.`;
      errors.push({ pretty: `error: ${m}`, raw: m });
      continue;
    }
    const ns = t.namespaced ? docNs || ctx.namespace : undefined;
    if (!latest) {
      const obj = structuredClone(d);
      if (ns !== undefined) obj.metadata = { ...obj.metadata, namespace: ns };
      targets.push({ t, obj });
      continue;
    }
    const live = ctx.cluster.get(kind, ns, name);
    if (!live) {
      const line = notFoundMessage(t, name);
      errors.push({ pretty: line, raw: line });
      continue;
    }
    targets.push({ t, obj: live });
  }
  const paths = strs(args.flags, 'filename');
  const one = paths.length === 1 && paths[0] !== '-' && ctx.host?.stat(paths[0] as string) === 'file';
  return { ok: true, targets, one };
}
