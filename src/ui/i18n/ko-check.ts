// The checks a Korean message passes (messages-ko.test.ts, messages-trace.test.ts): the same
// `{placeholders}` as the English one, and no English word left in it other than the names
// Kubernetes, kubectl and the chapter use as they are (Korean docs keep "Pod", "Service").
/**
 * Latin words a Korean sentence may keep: object kinds, commands, tools, keys, protocols and file
 * names, as the Korean Kubernetes docs (kubernetes.io/ko) and kubectl itself spell them.
 */
export const TERMS = new Set(
  `Kubernetes kubectl apply edit port-forward Pod Service Endpoints EndpointSlice LoadBalancer NodePort
   kube-proxy iptables iptables-save IPVS DNS NXDOMAIN TTL YAML IP ICMP TCP UDP HTTP http localhost
   ping curl nslookup resolv.conf Docker Desktop kind k3s Tab Ctrl Enter Space N L C F1
   sleep sleep-2 sleep/my-service.yaml my-service.yaml numbers-api rng`.split(/\s+/),
);

export const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** The Latin words of a Korean string that are not known terms (placeholders, addresses, flags removed). */
export function strayEnglish(s: string, more: ReadonlySet<string> = new Set()): string[] {
  const words = s
    .replace(/\{\w+\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|\s)--?[a-z][\w-]*/g, ' ') // a command's flags (kubectl apply -f)
    .match(/[A-Za-z][A-Za-z0-9./_-]*[A-Za-z0-9]|[A-Za-z]/g);
  const known = (w: string) => TERMS.has(w) || more.has(w);
  return (words ?? []).filter((w) => !known(w) && !known(w.replace(/[.]$/, '')));
}
