// kubectl options (kubectl v0.34.9 pkg/cmd/options/options.go): the flags every command inherits,
// through templates.OptionsUsageTemplate ("The following options can be passed to any command:")
// in flag-name order. Sources of the flags: cli-runtime genericclioptions/config_flags.go (with
// WithDeprecatedPasswordFlag), pkg/cmd/cmd.go (profiling, --warnings-as-errors, --kuberc: the
// KUBECTL_KUBERC gate is on unless set to false), cmdutil.NewMatchVersionFlags, and
// component-base logs.AddFlags (--log-flush-frequency, klog's -v and --vmodule).
import { flagBlock, goWordWrap, type HelpFlag } from './generate-help';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

const FLAGS: HelpFlag[] = [
  {
    name: 'as',
    def: "''",
    usage:
      'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
  },
  {
    name: 'as-group',
    def: '[]',
    usage: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
  },
  { name: 'as-uid', def: "''", usage: 'UID to impersonate for the operation.' },
  { name: 'cache-dir', def: "'/home/student/.kube/cache'", usage: 'Default cache directory' },
  { name: 'certificate-authority', def: "''", usage: 'Path to a cert file for the certificate authority' },
  { name: 'client-certificate', def: "''", usage: 'Path to a client certificate file for TLS' },
  { name: 'client-key', def: "''", usage: 'Path to a client key file for TLS' },
  { name: 'cluster', def: "''", usage: 'The name of the kubeconfig cluster to use' },
  { name: 'context', def: "''", usage: 'The name of the kubeconfig context to use' },
  {
    name: 'disable-compression',
    def: 'false',
    usage: 'If true, opt-out of response compression for all requests to the server',
  },
  {
    name: 'insecure-skip-tls-verify',
    def: 'false',
    usage:
      "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure",
  },
  { name: 'kubeconfig', def: "''", usage: 'Path to the kubeconfig file to use for CLI requests.' },
  {
    name: 'kuberc',
    def: "''",
    usage:
      'Path to the kuberc file to use for preferences. This can be disabled by exporting KUBECTL_KUBERC=false feature gate or turning off the feature KUBERC=off.',
  },
  { name: 'log-flush-frequency', def: '5s', usage: 'Maximum number of seconds between log flushes' },
  { name: 'match-server-version', def: 'false', usage: 'Require server version to match client version' },
  { name: 'namespace', short: 'n', def: "''", usage: 'If present, the namespace scope for this CLI request' },
  { name: 'password', def: "''", usage: 'Password for basic authentication to the API server' },
  {
    name: 'profile',
    def: "'none'",
    usage: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)',
  },
  { name: 'profile-output', def: "'profile.pprof'", usage: 'Name of the file to write the profile to' },
  {
    name: 'request-timeout',
    def: "'0'",
    usage:
      "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.",
  },
  { name: 'server', short: 's', def: "''", usage: 'The address and port of the Kubernetes API server' },
  {
    name: 'tls-server-name',
    def: "''",
    usage:
      'Server name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used',
  },
  { name: 'token', def: "''", usage: 'Bearer token for authentication to the API server' },
  { name: 'user', def: "''", usage: 'The name of the kubeconfig user to use' },
  { name: 'username', def: "''", usage: 'Username for basic authentication to the API server' },
  { name: 'v', short: 'v', def: '0', usage: 'number for the log level verbosity' },
  {
    name: 'vmodule',
    def: '',
    usage: 'comma-separated list of pattern=N settings for file-filtered logging',
  },
  {
    name: 'warnings-as-errors',
    def: 'false',
    usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code',
  },
];

/** What `kubectl options` prints. */
export const OPTIONS_TEXT = goWordWrap(
  `The following options can be passed to any command:\n\n${FLAGS.map(flagBlock).join('').trimEnd()}\n`,
  120,
);

const HELP = goWordWrap(
  'Print the list of flags inherited by all commands\n\nExamples:\n  # Print flags inherited by all commands\n  kubectl options\n\nUsage:\n  kubectl options [flags]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
  120,
);

function run(_args: ParsedArgs, ctx: KubectlContext): number {
  ctx.proc.out(OPTIONS_TEXT);
  return 0;
}

export const optionsVerb: KubectlVerb = {
  name: 'options',
  short: 'Print the list of flags inherited by all commands',
  help: HELP,
  flags: [],
  run,
};
