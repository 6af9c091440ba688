// kubectl version: client 1.34.1 with its bundled Kustomize, server from the cluster profile.
import { getProfile } from '../../sim/profiles';
import { bool, str } from '../flags';
import { toYaml } from '../printers/yaml';
import { serverVersionInfo } from './raw-version';
import type { KubectlContext, KubectlVerb, ParsedArgs } from './registry';

export const CLIENT_VERSION = 'v1.34.1';
export const KUSTOMIZE_VERSION = 'v5.7.1';

const HELP = `Print the client and server version information for the current context.

Examples:
  # Print the client and server versions for the current context
  kubectl version

Options:
    --client=false:
	If true, shows client version only (no server required).

    -o, --output='':
	One of 'yaml' or 'json'.

Usage:
  kubectl version [flags] [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

function run(args: ParsedArgs, ctx: KubectlContext): number {
  const { proc, cluster } = ctx;
  const server = getProfile(cluster.profile, cluster.proxyMode).serverVersion;
  const client = bool(args.flags, 'client');
  const output = str(args.flags, 'output');
  if (args.positional.length) {
    proc.err(`error: unknown command "${args.positional[0]}" for "kubectl version"\n`);
    return 1;
  }
  if (output !== undefined && output !== 'json' && output !== 'yaml') {
    proc.err(`error: --output must be 'yaml' or 'json'\n`);
    return 1;
  }
  const info = (v: string) => {
    const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(v);
    return { major: m?.[1] ?? '1', minor: m?.[2] ?? '34', gitVersion: v };
  };
  // The server's whole version.Info, as `/version` answers it (./raw-version).
  const serverInfo = () => {
    const full = serverVersionInfo(cluster.profile, cluster.proxyMode);
    return full ? Object.fromEntries(full) : info(server);
  };
  if (output === 'json') {
    const o: Record<string, unknown> = {
      clientVersion: info(CLIENT_VERSION),
      kustomizeVersion: KUSTOMIZE_VERSION,
    };
    if (!client) o.serverVersion = serverInfo();
    proc.out(`${JSON.stringify(o, null, 2)}\n`);
    return 0;
  }
  if (output === 'yaml') {
    const block = (name: string, v: string) => {
      const i = info(v);
      return `${name}:\n  gitVersion: ${i.gitVersion}\n  major: "${i.major}"\n  minor: "${i.minor}"\n`;
    };
    proc.out(
      `${block('clientVersion', CLIENT_VERSION)}kustomizeVersion: ${KUSTOMIZE_VERSION}\n${client ? '' : toYaml({ serverVersion: serverInfo() })}`,
    );
    return 0;
  }
  proc.out(`Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!client) proc.out(`Server Version: ${server}\n`);
  return 0;
}

export const versionVerb: KubectlVerb = {
  name: 'version',
  short: 'Print the client and server version information',
  help: HELP,
  flags: [
    { name: 'client', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run,
};
