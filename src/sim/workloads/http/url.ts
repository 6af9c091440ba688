// URL parsing the way curl and BusyBox wget read a command-line URL: scheme optional (http),
// port defaults to 80, path defaults to `/`.
export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  /** Path plus query, starting with `/`. */
  path: string;
  /** `host` or `host:port` exactly as the Host header carries it. */
  hostHeader: string;
}

export function parseUrl(raw: string): ParsedUrl | undefined {
  let rest = raw.trim();
  let scheme = 'http';
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(rest);
  if (m?.[1]) {
    scheme = m[1].toLowerCase();
    rest = rest.slice(m[0].length);
  }
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.split('#')[0] ?? '/';
  const hostPort = authority.includes('@') ? authority.slice(authority.lastIndexOf('@') + 1) : authority;
  let host = hostPort;
  let port = scheme === 'https' ? 443 : 80;
  let explicitPort = false;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(hostPort);
  if (bracket?.[1]) {
    host = bracket[1];
    if (bracket[2]) {
      port = Number(bracket[2]);
      explicitPort = true;
    }
  } else {
    const colon = hostPort.lastIndexOf(':');
    if (colon >= 0) {
      const p = hostPort.slice(colon + 1);
      if (!/^\d+$/.test(p)) return undefined;
      host = hostPort.slice(0, colon);
      port = Number(p);
      explicitPort = true;
    }
  }
  if (!host || port < 1 || port > 65535) return undefined;
  const defaultPort = scheme === 'https' ? 443 : 80;
  const hostHeader = explicitPort && port !== defaultPort ? `${host}:${port}` : host;
  return { scheme, host: host.toLowerCase(), port, path, hostHeader };
}
