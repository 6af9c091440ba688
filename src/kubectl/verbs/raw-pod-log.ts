// `kubectl get --raw /api/v1/namespaces/NS/pods/NAME/log[?container=C&tailLines=N&timestamps=true&
// previous=true]`: the pods/log subresource. The API server's part [kubernetes
// pkg/registry/core/pod/rest/log.go LogREST.Get, pkg/registry/core/pod/strategy.go LogLocation /
// validateContainer; pkg/apis/core/validation ValidatePodLogOptions]:
// 1. the query decodes into PodLogOptions (booleans: anything but `0`/`false` is true, an empty
//    value too [apimachinery v0.34.9 runtime/conversion.go Convert_Slice_string_To_bool]);
// 2. a negative tailLines is a 422 Invalid for PodLogOptions `NAME` (`tailLines: Invalid value:
//    -1: must be greater than or equal to 0`);
// 3. the Pod (its NotFound), then the container: none named and one container → that one; none
//    and several → 400 `a container name must be specified for pod NAME, choose one of: [init…
//    app… ephemeral…]` (VisitContainers order, %s of a []string); a name no container has → 400
//    `container C is not valid for pod NAME`;
// 4. no node yet: an empty location, so an empty 200 body;
// 5. the kubelet's answer: the same bytes and the same 400s `kubectl logs` gets (its request is this
//    one), so the logs verb itself reads them, with the container named.
// Left out (with the notice): follow, sinceSeconds, sinceTime, limitBytes, stream,
// insecureSkipTLSVerifyBackend, and a tailLines that is not an integer (the parameter codec's
// wording of strconv's error is not established).
import type { Pod } from '../../sim/api/types';
import { logsVerb } from './logs';
import type { KubectlContext } from './registry';

export type LogAnswer =
  | { ok: true; body: string }
  | { ok: false; error: string }
  | { ok: false; notSimulated: string };

const UNMODELLED = [
  'follow',
  'sinceSeconds',
  'sinceTime',
  'limitBytes',
  'stream',
  'insecureSkipTLSVerifyBackend',
];

/** Convert_Slice_string_To_bool: absent is false; `0` and `false` (any case) are false. */
function queryBool(query: Map<string, string>, key: string): boolean {
  const v = query.get(key);
  return v !== undefined && v !== '0' && v.toLowerCase() !== 'false';
}

/** podutil.VisitContainers with all containers enabled: init, regular, then ephemeral. */
function containerNames(pod: Pod): string[] {
  // biome-ignore lint/suspicious/noExplicitAny: initContainers / ephemeralContainers are optional extras.
  const spec = pod.spec as any;
  return [
    ...((spec.initContainers ?? []) as { name: string }[]).map((c) => c.name),
    ...pod.spec.containers.map((c) => c.name),
    ...((spec.ephemeralContainers ?? []) as { name: string }[]).map((c) => c.name),
  ];
}

export function podLog(ctx: KubectlContext, ns: string, name: string, query: Map<string, string>): LogAnswer {
  const other = UNMODELLED.find((k) => query.has(k));
  if (other !== undefined)
    return { ok: false, notSimulated: `the pods/log subresource's ${other} parameter` };
  const tailRaw = query.get('tailLines');
  let tail: number | undefined;
  if (tailRaw !== undefined) {
    if (!/^[+-]?\d+$/.test(tailRaw) || !Number.isSafeInteger(Number(tailRaw)))
      return { ok: false, notSimulated: `the pods/log subresource's tailLines=${tailRaw}` };
    tail = Number(tailRaw);
    if (tail < 0)
      return {
        ok: false,
        error: `The PodLogOptions "${name}" is invalid: tailLines: Invalid value: ${tail}: must be greater than or equal to 0`,
      };
  }
  const pod = ctx.cluster.get('Pod', ns, name) as Pod | undefined;
  if (!pod) return { ok: false, error: `Error from server (NotFound): pods "${name}" not found` };
  let container = query.get('container') ?? '';
  const names = containerNames(pod);
  if (container === '') {
    if (pod.spec.containers.length === 1) container = pod.spec.containers[0]?.name as string;
    else if (pod.spec.containers.length === 0)
      return {
        ok: false,
        error: `Error from server (BadRequest): a container name must be specified for pod ${name}`,
      };
    else
      return {
        ok: false,
        error: `Error from server (BadRequest): a container name must be specified for pod ${name}, choose one of: [${names.join(' ')}]`,
      };
  } else if (!names.includes(container))
    return {
      ok: false,
      error: `Error from server (BadRequest): container ${container} is not valid for pod ${name}`,
    };
  if (!pod.spec.nodeName) return { ok: true, body: '' };
  // The kubelet: what `kubectl logs NAME -c C [--tail N] [--timestamps] [-p]` reads.
  let out = '';
  let err = '';
  const code = logsVerb.run(
    {
      flags: {
        container,
        ...(tail !== undefined ? { tail } : {}),
        ...(queryBool(query, 'timestamps') ? { timestamps: true } : {}),
        ...(queryBool(query, 'previous') ? { previous: true } : {}),
      },
      positional: [name],
      dashArgs: undefined,
    },
    {
      ...ctx,
      namespace: ns,
      namespaceExplicit: true,
      host: undefined,
      proc: {
        ...ctx.proc,
        out: (t: string) => {
          out += t;
        },
        err: (t: string) => {
          err += t;
        },
      },
    },
  );
  if (code !== 0) return { ok: false, error: err.replace(/\n$/, '') };
  return { ok: true, body: out };
}
