// `kubectl rollout <command> --help` [kubectl v0.34.9 pkg/cmd/rollout/rollout_*.go: Long, Example,
// Use and the flags' usage]: the templater's layout (generate-help composeHelp: Long as LongDesc
// renders it, Examples indented by two, Options for the flags we support, Usage with
// ` [options]`, the tip), word-wrapped at 120 columns.
import { composeHelp, DRY_RUN_USAGE, goWordWrap, type HelpFlag } from './generate-help';

/** templates.Examples: every line trimmed and indented by two spaces. */
const examples = (s: string) =>
  s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');

interface Sub {
  long: string;
  examples: string;
  flags: HelpFlag[];
  use: string;
}

const SUBS: Record<string, Sub> = {
  history: {
    long: 'View previous rollout revisions and configurations.',
    examples:
      '# View the rollout history of a deployment\nkubectl rollout history deployment/abc\n\n# View the details of daemonset revision 3\nkubectl rollout history daemonset/abc --revision=3',
    flags: [
      {
        name: 'revision',
        def: '0',
        usage: 'See the details, including podTemplate of the revision specified',
      },
    ],
    use: 'history (TYPE NAME | TYPE/NAME) [flags]',
  },
  pause: {
    long: 'Mark the provided resource as paused.\n\n Paused resources will not be reconciled by a controller. Use "kubectl rollout resume" to resume a paused resource. Currently only deployments support being paused.',
    examples:
      '# Mark the nginx deployment as paused\n# Any current state of the deployment will continue its function; new updates\n# to the deployment will not have an effect as long as the deployment is paused\nkubectl rollout pause deployment/nginx',
    flags: [],
    use: 'pause RESOURCE',
  },
  restart: {
    long: 'Restart a resource.\n\n Resource rollout will be restarted.',
    examples:
      '# Restart all deployments in the test-namespace namespace\nkubectl rollout restart deployment -n test-namespace\n\n# Restart a deployment\nkubectl rollout restart deployment/nginx\n\n# Restart a daemon set\nkubectl rollout restart daemonset/abc\n\n# Restart deployments with the app=nginx label\nkubectl rollout restart deployment --selector=app=nginx',
    flags: [],
    use: 'restart RESOURCE',
  },
  resume: {
    long: 'Resume a paused resource.\n\n Paused resources will not be reconciled by a controller. By resuming a resource, we allow it to be reconciled again. Currently only deployments support being resumed.',
    examples: '# Resume an already paused deployment\nkubectl rollout resume deployment/nginx',
    flags: [],
    use: 'resume RESOURCE',
  },
  status: {
    long: "Show the status of the rollout.\n\n By default 'rollout status' will watch the status of the latest rollout until it's done. If you don't want to wait for the rollout to finish then you can use --watch=false. Note that if a new rollout starts in-between, then 'rollout status' will continue watching the latest revision. If you want to pin to a specific revision and abort if it is rolled over by another revision, use --revision=N where N is the revision you need to watch for.",
    examples: '# Watch the rollout status of a deployment\nkubectl rollout status deployment/nginx',
    flags: [
      {
        name: 'revision',
        def: '0',
        usage: 'Pin to a specific revision for showing its status. Defaults to 0 (last revision).',
      },
      {
        name: 'timeout',
        def: '0s',
        usage:
          'The length of time to wait before ending watch, zero means never. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).',
      },
      { name: 'watch', short: 'w', def: 'true', usage: "Watch the status of the rollout until it's done." },
    ],
    use: 'status (TYPE NAME | TYPE/NAME) [flags]',
  },
  undo: {
    long: 'Roll back to a previous rollout.',
    examples:
      '# Roll back to the previous deployment\nkubectl rollout undo deployment/abc\n\n# Roll back to daemonset revision 3\nkubectl rollout undo daemonset/abc --to-revision=3\n\n# Roll back to the previous deployment with dry-run\nkubectl rollout undo --dry-run=server deployment/abc',
    flags: [
      { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE },
      { name: 'to-revision', def: '0', usage: 'The revision to rollback to. Default to 0 (last revision).' },
    ],
    use: 'undo (TYPE NAME | TYPE/NAME) [flags]',
  },
};

/** The help of `rollout <words[0]>`, or undefined for the rollout command's own. */
export function rolloutSubHelp(words: readonly string[]): string | undefined {
  const sub = words[0] === undefined ? undefined : SUBS[words[0]];
  if (!sub) return undefined;
  const usage = `kubectl rollout ${sub.use}`;
  if (sub.flags.length > 0)
    return composeHelp({ long: sub.long, examples: examples(sub.examples), flags: sub.flags, usage });
  // No flag of ours to list: the layout without Options (the command has flags, so [options]).
  return goWordWrap(
    `${sub.long}\n\nExamples:\n${examples(sub.examples)}\n\nUsage:\n  ${usage} [options]\n\n` +
      'Use "kubectl options" for a list of global command-line options (applies to all commands).\n',
    120,
  );
}
