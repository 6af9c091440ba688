// Normalising volatile values in replay transcripts, for golden files that survive unrelated
// changes in other layers (generated names, allocated IPs and ports, ages, ping times).

/**
 * Stable placeholders, numbered by first appearance so "the IP changed" stays visible. Inside a
 * table a placeholder is padded to the original width, so column alignment is still checked.
 */
export function normalizeTranscript(t: string): string {
  const ips = new Map<string, string>();
  const KEEP = new Set(['10.96.0.1', '10.96.0.10', '192.168.123.234', '127.0.0.1']);
  const keepWidth =
    (place: (m: string, ...groups: string[]) => string) =>
    (m: string, ...rest: unknown[]): string => {
      const offset = rest[rest.length - 2] as number;
      const whole = rest[rest.length - 1] as string;
      const groups = rest.slice(0, -2) as string[];
      const p = place(m, ...groups);
      return whole[offset + m.length] === ' ' && p.length < m.length ? p.padEnd(m.length) : p;
    };
  return t
    .replace(
      /\b([a-z0-9-]+)-([4-9bcdf]{6,10})-([bcdfghjklmnpqrstvwxz2456789]{5})\b/g,
      keepWidth((_m, base) => `${base}-<hash>-<id>`),
    )
    .replace(
      /\b(10\.\d+\.\d+\.\d+)\b/g,
      keepWidth((ip) => {
        if (KEEP.has(ip)) return ip;
        if (!ips.has(ip)) ips.set(ip, `<ip-${ips.size + 1}>`);
        return ips.get(ip) as string;
      }),
    )
    .replace(/time=\d+\.\d+ ms/g, 'time=<t> ms')
    .replace(/= \d+\.\d+\/\d+\.\d+\/\d+\.\d+ ms/g, '= <min>/<avg>/<max> ms')
    .replace(
      /:3(?!0080)\d{4}\/TCP/g,
      keepWidth(() => ':<np>/TCP'),
    )
    .replace(/Here it is: (?!42\b)\d+/g, 'Here it is: <n>')
    .replace(
      / {3}(\d+[smhdy](\d+[smhdy])?)$/gm,
      (m, age: string) => `${' '.repeat(m.length - age.length)}<age>`,
    );
}
