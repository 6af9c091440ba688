// `kubectl create … --help` texts as kubectl 1.34's templater lays them out on a 120-column
// terminal [kubectl pkg/util/templates/templates.go MainUsageTemplate, templater.go,
// help_flags_printer.go; pkg/cmd/create/*.go for Long, Example and Use]: Long, Aliases, Examples,
// Available Commands (cobra sorts them; names padded to the longest sibling, minimum 11), Options
// (the flags we support, by name, usage wrapped at 110 behind a tab), Usage, the tips; the whole
// text through go-wordwrap at 120 columns.

import {
  DRY_RUN_USAGE,
  flagBlock,
  type HelpFlag,
  OUTPUT_USAGE,
  goWordWrap as wordWrap,
} from './generate-help';

/** templates.Examples: each line indented by two spaces (blank lines too). */
function examples(lines: string): string {
  return lines
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

interface HelpParts {
  long: string;
  aliases?: string[];
  name: string;
  examples?: string;
  commands?: [string, string][];
  flags: HelpFlag[];
  /** The use line (without ` [options]`); undefined for a command that only groups others. */
  usage: string;
  /** `kubectl create service` for the `<command> --help` tip of a command with subcommands. */
  parents?: string;
}

function compose(p: HelpParts): string {
  let t = `${p.long}\n\n`;
  if (p.aliases) t += `Aliases:\n${[p.name, ...p.aliases].join(', ')}\n\n`;
  if (p.examples) t += `Examples:\n${examples(p.examples)}\n\n`;
  if (p.commands) {
    const pad = Math.max(11, ...p.commands.map(([n]) => n.length));
    t += `Available Commands:\n${p.commands.map(([n, s]) => `  ${n.padEnd(pad)}   ${s}`).join('\n')}\n\n`;
  }
  if (p.flags.length) {
    const flags = [...p.flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    t += `Options:\n${flags.map(flagBlock).join('').trimEnd()}\n\n`;
  }
  t += `Usage:\n  ${p.usage}${p.flags.length && !p.usage.includes('[options]') ? ' [options]' : ''}\n\n`;
  if (p.parents) t += `Use "${p.parents} <command> --help" for more information about a given command.\n`;
  t += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return wordWrap(t, 120);
}

const DRY_RUN: HelpFlag = { name: 'dry-run', def: "'none'", usage: DRY_RUN_USAGE };

const OUTPUT: HelpFlag = { name: 'output', short: 'o', def: "''", usage: OUTPUT_USAGE };

const TCP: HelpFlag = {
  name: 'tcp',
  def: '[]',
  usage: "Port pairs can be specified as '<port>:<targetPort>'.",
};

export const CREATE_HELP = compose({
  long: 'Create a resource from a file or from stdin.\n\n JSON and YAML formats are accepted.',
  name: 'create',
  examples:
    '# Create a pod using the data in pod.json\nkubectl create -f ./pod.json\n\n# Create a pod based on the JSON passed into stdin\ncat pod.json | kubectl create -f -',
  commands: [
    ['configmap', 'Create a config map from a local file, directory or literal value'],
    ['cronjob', 'Create a cron job with the specified name'],
    ['deployment', 'Create a deployment with the specified name'],
    ['job', 'Create a job with the specified name'],
    ['namespace', 'Create a namespace with the specified name'],
    ['poddisruptionbudget', 'Create a pod disruption budget with the specified name'],
    ['secret', 'Create a secret using a specified subcommand'],
    ['service', 'Create a service using a specified subcommand'],
    ['serviceaccount', 'Create a service account with the specified name'],
  ],
  flags: [
    DRY_RUN,
    {
      name: 'filename',
      short: 'f',
      def: '[]',
      usage: 'Filename, directory, or URL to files to use to create the resource',
    },
    OUTPUT,
    {
      name: 'recursive',
      short: 'R',
      def: 'false',
      usage:
        'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
    },
  ],
  usage: 'kubectl create -f FILENAME',
  parents: 'kubectl create',
});

export const DEPLOYMENT_HELP = compose({
  long: 'Create a deployment with the specified name.',
  name: 'deployment',
  aliases: ['deploy'],
  examples: [
    '# Create a deployment named my-dep that runs the busybox image',
    'kubectl create deployment my-dep --image=busybox',
    '',
    '# Create a deployment with a command',
    'kubectl create deployment my-dep --image=busybox -- date',
    '',
    '# Create a deployment named my-dep that runs the nginx image with 3 replicas',
    'kubectl create deployment my-dep --image=nginx --replicas=3',
    '',
    '# Create a deployment named my-dep that runs the busybox image and expose port 5701',
    'kubectl create deployment my-dep --image=busybox --port=5701',
    '',
    '# Create a deployment named my-dep that runs multiple containers',
    'kubectl create deployment my-dep --image=busybox:latest --image=ubuntu:latest --image=nginx',
  ].join('\n'),
  flags: [
    DRY_RUN,
    {
      name: 'image',
      def: '[]',
      usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
    },
    OUTPUT,
    { name: 'port', def: '-1', usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', short: 'r', def: '1', usage: 'Number of replicas to create. Default is 1.' },
  ],
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...]',
});

export const JOB_HELP = compose({
  long: 'Create a job with the specified name.',
  name: 'job',
  examples: [
    '# Create a job',
    'kubectl create job my-job --image=busybox',
    '',
    '# Create a job with a command',
    'kubectl create job my-job --image=busybox -- date',
    '',
    '# Create a job from a cron job named "a-cronjob"',
    'kubectl create job test-job --from=cronjob/a-cronjob',
  ].join('\n'),
  flags: [
    DRY_RUN,
    {
      name: 'from',
      def: "''",
      usage: 'The name of the resource to create a Job from (only cronjob is supported).',
    },
    { name: 'image', def: "''", usage: 'Image name to run.' },
    OUTPUT,
  ],
  usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
});

export const CRONJOB_HELP = compose({
  long: 'Create a cron job with the specified name.',
  name: 'cronjob',
  aliases: ['cj'],
  examples: [
    '# Create a cron job',
    'kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *"',
    '',
    '# Create a cron job with a command',
    'kubectl create cronjob my-job --image=busybox --schedule="*/1 * * * *" -- date',
  ].join('\n'),
  flags: [
    DRY_RUN,
    { name: 'image', def: "''", usage: 'Image name to run.' },
    OUTPUT,
    { name: 'restart', def: "''", usage: "job's restart policy. supported values: OnFailure, Never" },
    { name: 'schedule', def: "''", usage: 'A schedule in the Cron format the job should be run with.' },
  ],
  usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
});

/** [KUBECTL pkg/cmd/create/create_pdb.go v0.34.9 pdbLong, pdbExample, Use, the three flags.] */
export const PDB_HELP = compose({
  long: 'Create a pod disruption budget with the specified name, selector, and desired minimum available pods.',
  name: 'poddisruptionbudget',
  aliases: ['pdb'],
  examples: [
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=rails label',
    '# and require at least one of them being available at any point in time',
    'kubectl create poddisruptionbudget my-pdb --selector=app=rails --min-available=1',
    '',
    '# Create a pod disruption budget named my-pdb that will select all pods with the app=nginx label',
    '# and require at least half of the pods selected to be available at any point in time',
    'kubectl create pdb my-pdb --selector=app=nginx --min-available=50%',
  ].join('\n'),
  flags: [
    DRY_RUN,
    {
      name: 'max-unavailable',
      def: "''",
      usage: 'The maximum number or percentage of unavailable pods this budget requires.',
    },
    {
      name: 'min-available',
      def: "''",
      usage: 'The minimum number or percentage of available pods this budget requires.',
    },
    OUTPUT,
    {
      name: 'selector',
      def: "''",
      usage:
        'A label selector to use for this budget. Only equality-based selector requirements are supported.',
    },
  ],
  usage:
    'kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N [--dry-run=server|client|none]',
});

export const NAMESPACE_HELP = compose({
  long: 'Create a namespace with the specified name.',
  name: 'namespace',
  aliases: ['ns'],
  examples: '# Create a new namespace named my-namespace\nkubectl create namespace my-namespace',
  flags: [DRY_RUN, OUTPUT],
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none]',
});

export const SERVICE_HELP = compose({
  long: 'Create a service using a specified subcommand.',
  name: 'service',
  aliases: ['svc'],
  commands: [
    ['clusterip', 'Create a ClusterIP service'],
    ['externalname', 'Create an ExternalName service'],
    ['loadbalancer', 'Create a LoadBalancer service'],
    ['nodeport', 'Create a NodePort service'],
  ],
  flags: [],
  // No DisableFlagsInUseLine here: cobra's UseLine adds [flags] (the global flags are available).
  usage: 'kubectl create service [flags] [options]',
  parents: 'kubectl create service',
});

export const CLUSTERIP_HELP = compose({
  long: 'Create a ClusterIP service with the specified name.',
  name: 'clusterip',
  examples:
    '# Create a new ClusterIP service named my-cs\nkubectl create service clusterip my-cs --tcp=5678:8080\n\n# Create a new ClusterIP service named my-cs (in headless mode)\nkubectl create service clusterip my-cs --clusterip="None"',
  flags: [
    {
      name: 'clusterip',
      def: "''",
      usage: "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    },
    DRY_RUN,
    OUTPUT,
    TCP,
  ],
  usage: 'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none]',
});

export const NODEPORT_HELP = compose({
  long: 'Create a NodePort service with the specified name.',
  name: 'nodeport',
  examples:
    '# Create a new NodePort service named my-ns\nkubectl create service nodeport my-ns --tcp=5678:8080',
  flags: [
    DRY_RUN,
    { name: 'node-port', def: '0', usage: 'Port used to expose the service on each node in a cluster.' },
    OUTPUT,
    TCP,
  ],
  usage: 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
});

export const LOADBALANCER_HELP = compose({
  long: 'Create a LoadBalancer service with the specified name.',
  name: 'loadbalancer',
  examples:
    '# Create a new LoadBalancer service named my-lbs\nkubectl create service loadbalancer my-lbs --tcp=5678:8080',
  flags: [DRY_RUN, OUTPUT, TCP],
  usage: 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none]',
});

export const EXTERNALNAME_HELP = compose({
  long: 'Create an ExternalName service with the specified name.\n\n ExternalName service references to an external DNS address instead of only pods, which will allow application authors to reference services that exist off platform, on other clusters, or locally.',
  name: 'externalname',
  examples:
    '# Create a new ExternalName service named my-ns\nkubectl create service externalname my-ns --external-name bar.com',
  flags: [DRY_RUN, { name: 'external-name', def: "''", usage: 'External name of service' }, OUTPUT, TCP],
  usage:
    'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none]',
});
