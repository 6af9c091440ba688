// The kubectl lines the graph's quick actions run, built like a person would type them.

export type Tool = 'ping' | 'curl' | 'nslookup';

/** Single-quote for the playground's POSIX-like shell. */
export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * Always with `-n`: the terminal's context may name another namespace (`kubectl config
 * set-context --current --namespace=…`), and the Pod is where the graph shows it.
 */
export function podCommand(tool: Tool, pod: string, namespace: string, target: string): string {
  const ns = ` -n ${shellQuote(namespace)}`;
  const argv: Record<Tool, string> = {
    ping: `ping -c 1 ${shellQuote(target)}`,
    curl: `curl -s ${shellQuote(target)}`,
    nslookup: `nslookup ${shellQuote(target)}`,
  };
  return `kubectl exec ${shellQuote(pod)}${ns} -- ${argv[tool]}`;
}

/**
 * `--wait=false`: kubectl would otherwise block until the Pod is gone; returning at once lets the
 * class watch it turn Terminating while its replacement is already being created.
 */
export function deletePodCommand(pod: string, namespace: string): string {
  const ns = ` -n ${shellQuote(namespace)}`;
  return `kubectl delete pod ${shellQuote(pod)}${ns} --wait=false`;
}
