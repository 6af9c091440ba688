// kubectl create deployment NAME --image=image [--image=…] [--replicas=1] [--port=N] [-- COMMAND
// args…] [KUBECTL pkg/cmd/create/create_deployment.go v0.34.9]. The Deployment kubectl builds:
// labels and selector `app: NAME`, `replicas` always set, an empty `strategy`, one container per
// image named after the image (the last `/` segment, without `:tag` and `@digest`; a name with `_`
// or `.` gets them replaced by `-` and a random 5-character suffix), the command on every
// container, `--port` on the first container only. Server errors read
// `error: failed to create deployment: <server message>`.
import type { K8sObject } from '../../sim/api/types';
import type { Rng } from '../../sim/runtime/interfaces';
import { createRng } from '../../sim/runtime/rng';
import { strs } from '../flags';
import { prepare, type Subcommand, send } from './create-common';
import { stringSlice } from './create-parse';
import type { KubectlContext, ParsedArgs } from './registry';

export const DEPLOYMENT: Subcommand = {
  path: 'deployment',
  flags: ['dry-run', 'image', 'output', 'port', 'replicas'],
  ints: { port: [32, '--port'], replicas: [32, '-r, --replicas'] },
  required: 'image',
};

/** utilrand's alphabet (no vowels), as rand.String draws from it. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** sanitizeAndUniquify: `_` and `.` become `-`, and then the name gets a random suffix. */
function sanitizeAndUniquify(name: string, rng: () => Rng): string {
  if (!/[_.]/.test(name)) return name;
  const r = rng();
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += ALPHANUMS[r.int(ALPHANUMS.length)];
  return `${name.replaceAll('_', '-').replaceAll('.', '-')}-${suffix}`;
}

/** The container name kubectl derives from an image reference. */
export function containerNameOf(image: string, rng: () => Rng): string {
  let name = image.split('/').pop() as string;
  if (name.includes(':')) name = name.split(':')[0] as string;
  if (name.includes('@')) name = name.split('@')[0] as string;
  return sanitizeAndUniquify(name, rng);
}

export function buildDeployment(o: {
  name: string;
  images: readonly string[];
  replicas: number;
  port: number;
  command: readonly string[];
  namespace: string | undefined;
  rng: () => Rng;
}): K8sObject {
  const labels = { app: o.name };
  const containers = o.images.map((image, i) => {
    const c: Record<string, unknown> = { name: containerNameOf(image, o.rng), image, resources: {} };
    if (o.command.length > 0) c.command = [...o.command];
    if (i === 0 && o.port >= 0) c.ports = [{ containerPort: o.port }];
    return c;
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: o.name,
      labels: { ...labels },
      ...(o.namespace !== undefined ? { namespace: o.namespace } : {}),
    },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: { ...labels } },
      template: { metadata: { labels: { ...labels } }, spec: { containers } },
      strategy: {},
    },
    status: {},
  } as unknown as K8sObject;
}

export function runCreateDeployment(
  args: ParsedArgs,
  ctx: KubectlContext,
  nameArgs: readonly string[],
): number {
  const prep = prepare(args, ctx, DEPLOYMENT, nameArgs);
  if (!prep.ok) return prep.code;
  const { p } = prep;
  const images = stringSlice(strs(args.flags, 'image'));
  const command = args.dashArgs ?? [];
  if (images.length > 1 && command.length > 0) {
    ctx.proc.err('error: cannot specify multiple --image options and command\n');
    return 1;
  }
  // kubectl's suffix comes from a process-wide random source; here a stream of the cluster's seed
  // forked by the simulated instant and the name, so a replay prints the same names.
  let stream: Rng | undefined;
  const rng = () => {
    stream ??= createRng(ctx.cluster.seed).fork(`kubectl-create-deployment/${ctx.cluster.now()}/${p.name}`);
    return stream;
  };
  const deploy = buildDeployment({
    name: p.name,
    images,
    replicas: p.ints.replicas ?? 1,
    port: p.ints.port ?? -1,
    command,
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
    rng,
  });
  return send(deploy, 'Deployment', p, ctx, (e) => `failed to create deployment: ${e.message}`);
}
