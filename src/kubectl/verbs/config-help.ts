// `kubectl config [SUBCOMMAND] --help` as kubectl 1.34's templater lays it out [kubectl
// pkg/cmd/config/*.go v0.34.9, pkg/util/templates/templates.go: Aliases, Examples, Available
// Commands, Options, Usage]. Options list the flags this playground supports; `--kubeconfig` is a
// persistent flag of `config` and the templater does not show it. A command with
// DisableFlagsInUseLine keeps its Use line bare; the others end with `[options]`.
import { goWordWrap, type HelpFlag } from './generate-help';

interface SubHelp {
  long: string;
  aliases?: string;
  examples: string;
  flags: HelpFlag[];
  usage: string;
}

function flagBlock(f: HelpFlag): string {
  const head = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${f.def}:`;
  return `${head}\n\t${goWordWrap(f.usage, 110).replaceAll('\n', '\n\t')}\n\n`;
}

function compose(h: SubHelp): string {
  let text = `${h.long}\n\n`;
  if (h.aliases) text += `Aliases:\n${h.aliases}\n\n`;
  text += `Examples:\n${h.examples}\n\n`;
  const flags = [...h.flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (flags.length > 0) text += `Options:\n${flags.map(flagBlock).join('').trimEnd()}\n\n`;
  text += `Usage:\n  ${h.usage}\n\n`;
  text += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return goWordWrap(text, 120);
}

/** Every subcommand of `kubectl config`, as `kubectl config --help` lists them. */
export const CONFIG_SUBCOMMANDS: [string, string][] = [
  ['current-context', 'Display the current-context'],
  ['delete-cluster', 'Delete the specified cluster from the kubeconfig'],
  ['delete-context', 'Delete the specified context from the kubeconfig'],
  ['delete-user', 'Delete the specified user from the kubeconfig'],
  ['get-clusters', 'Display clusters defined in the kubeconfig'],
  ['get-contexts', 'Describe one or many contexts'],
  ['get-users', 'Display users defined in the kubeconfig'],
  ['rename-context', 'Rename a context from the kubeconfig file'],
  ['set', 'Set an individual value in a kubeconfig file'],
  ['set-cluster', 'Set a cluster entry in kubeconfig'],
  ['set-context', 'Set a context entry in kubeconfig'],
  ['set-credentials', 'Set a user entry in kubeconfig'],
  ['unset', 'Unset an individual value in a kubeconfig file'],
  ['use-context', 'Set the current-context in a kubeconfig file'],
  ['view', 'Display merged kubeconfig settings or a specified kubeconfig file'],
];

// config.go's Long through templates.LongDesc (markdown: later paragraphs start with a space,
// ordered list items with the indentation, the number and the text's own leading space).
export const CONFIG_HELP = goWordWrap(
  `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.

Available Commands:
${CONFIG_SUBCOMMANDS.map(([n, s]) => `  ${n.padEnd(15)}   ${s}`).join('\n')}

Usage:
  kubectl config SUBCOMMAND

Use "kubectl config <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`,
  120,
);

const NO_HEADERS: HelpFlag = {
  name: 'no-headers',
  def: 'false',
  usage:
    "When using the default or custom-column output format, don't print headers (default print headers).",
};

export const SUB_HELP: Record<string, string> = {
  'current-context': compose({
    long: 'Display the current-context.',
    examples: '  # Display the current-context\n  kubectl config current-context',
    flags: [],
    usage: 'kubectl config current-context [flags] [options]',
  }),
  'get-contexts': compose({
    long: 'Display one or many contexts from the kubeconfig file.',
    examples:
      '  # List all the contexts in your kubeconfig file\n  kubectl config get-contexts\n  \n  # Describe one context in your kubeconfig file\n  kubectl config get-contexts my-context',
    flags: [NO_HEADERS, { name: 'output', short: 'o', def: "''", usage: 'Output format. One of: (name).' }],
    usage: 'kubectl config get-contexts [(-o|--output=)name)]',
  }),
  'get-clusters': compose({
    long: 'Display clusters defined in the kubeconfig.',
    examples: '  # List the clusters that kubectl knows about\n  kubectl config get-clusters',
    flags: [],
    usage: 'kubectl config get-clusters [flags] [options]',
  }),
  'get-users': compose({
    long: 'Display users defined in the kubeconfig.',
    examples: '  # List the users that kubectl knows about\n  kubectl config get-users',
    flags: [],
    usage: 'kubectl config get-users [flags] [options]',
  }),
  'use-context': compose({
    long: 'Set the current-context in a kubeconfig file.',
    aliases: 'use-context, use',
    examples: '  # Use the context for the minikube cluster\n  kubectl config use-context minikube',
    flags: [],
    usage: 'kubectl config use-context CONTEXT_NAME',
  }),
  'set-context': compose({
    long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
    examples:
      '  # Set the user field on the gce context entry without touching other values\n  kubectl config set-context gce --user=cluster-admin',
    flags: [
      { name: 'cluster', def: "''", usage: 'cluster for the context entry in kubeconfig' },
      { name: 'current', def: 'false', usage: 'Modify the current context' },
      { name: 'namespace', def: "''", usage: 'namespace for the context entry in kubeconfig' },
      { name: 'user', def: "''", usage: 'user for the context entry in kubeconfig' },
    ],
    usage:
      'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  }),
  'delete-context': compose({
    long: 'Delete the specified context from the kubeconfig.',
    examples: '  # Delete the context for the minikube cluster\n  kubectl config delete-context minikube',
    flags: [],
    usage: 'kubectl config delete-context NAME',
  }),
  view: compose({
    long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
    examples: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
    flags: [
      {
        name: 'allow-missing-template-keys',
        def: 'true',
        usage:
          'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
      },
      {
        name: 'flatten',
        def: 'false',
        usage:
          'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
      },
      { name: 'merge', def: 'true', usage: 'Merge the full hierarchy of kubeconfig files' },
      {
        name: 'minify',
        def: 'false',
        usage: 'Remove all information not used by current-context from the output',
      },
      {
        name: 'output',
        short: 'o',
        def: "'yaml'",
        usage:
          'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
      },
      { name: 'raw', def: 'false', usage: 'Display raw byte data and sensitive data' },
    ],
    usage: 'kubectl config view [flags] [options]',
  }),
};
