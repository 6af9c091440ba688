// validateEndpointSubsets as 1.34 runs it on a user's Endpoints (ValidateEndpoints): per subset, an
// address is required (ready or not), then each address, then each port. Bound late (../late): the
// controllers' own Endpoints, written before it loads, hold Pod IPs and named, numbered ports.
// [K8S pkg/apis/core/validation/validation.go validateEndpointSubsets, validateEndpointAddress,
//  validateEndpointPort, ValidateNodeName]
import { isQualifiedName, qualifiedNameErrors } from '../api/labels';
import { type FieldError, invalid, required, unsupported } from './errors';
import { nameOk, pushNameErrors } from './validation';
import { endpointIPErrors, legacyIPErrors } from './validation-ip';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const PROTOCOLS_SORTED = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
/** `v` if an array, else an empty one (shared: only read). */
const list = (v: unknown): readonly Any[] => (Array.isArray(v) ? v : NONE);
const NONE: readonly Any[] = Object.freeze([]);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * validateEndpointAddress: IsValidIPForLegacyField, the hostname as a DNS-1123 label, the nodeName
 * as a node name (a DNS-1123 subdomain), then ValidateEndpointIP: an address that does not parse
 * has both IP causes, around the others.
 */
function pushAddress(out: FieldError[], a: Any, path: string): void {
  const ip = str(a?.ip);
  out.push(...legacyIPErrors(`${path}.ip`, ip));
  const hostname = str(a?.hostname);
  if (hostname !== '') pushNameErrors(out, hostname, 'label', `${path}.hostname`, hostname);
  if (a?.nodeName != null) {
    const node = str(a.nodeName);
    pushNameErrors(out, node, 'subdomain', `${path}.nodeName`, node);
  }
  out.push(...endpointIPErrors(`${path}.ip`, ip));
}

/** One IPv4 octet: 1 to 3 decimal digits, at most 255 (leading zeros allowed, as net.dtoi reads). */
function octetOk(s: string, from: number, to: number): number {
  const n = to - from;
  if (n < 1 || n > 3) return -1;
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    v = v * 10 + (c - 48);
  }
  return v <= 255 ? v : -1;
}

/**
 * Whether `ip` is a dotted IPv4 address (octets of 1-3 digits) outside the ranges ValidateEndpointIP
 * refuses: then neither IP check has a cause. False when unsure (the full checks decide).
 */
function plainEndpointIPv4(ip: string): boolean {
  const d1 = ip.indexOf('.');
  const d2 = ip.indexOf('.', d1 + 1);
  const d3 = ip.indexOf('.', d2 + 1);
  if (d1 < 0 || d2 < 0 || d3 < 0 || ip.indexOf('.', d3 + 1) >= 0) return false;
  const a = octetOk(ip, 0, d1);
  const b = octetOk(ip, d1 + 1, d2);
  const c = octetOk(ip, d2 + 1, d3);
  const d = octetOk(ip, d3 + 1, ip.length);
  if (a < 0 || b < 0 || c < 0 || d < 0) return false;
  // unspecified, loopback, link-local, link-local multicast
  return !(
    (a | b | c | d) === 0 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 224 && b === 0 && c === 0)
  );
}

/** An address with no cause at all (the usual one, a Pod's), found without building its paths. */
function addressOk(a: Any): boolean {
  if (typeof a !== 'object' || a === null) return false;
  const ip = a.ip;
  if (typeof ip !== 'string' || !plainEndpointIPv4(ip)) return false;
  const hostname = a.hostname;
  if (hostname != null && hostname !== '' && !(typeof hostname === 'string' && nameOk(hostname, 'label')))
    return false;
  const node = a.nodeName;
  return node == null || (typeof node === 'string' && nameOk(node, 'subdomain'));
}

/** validateEndpointPort: the name (required when there are several), number, protocol, appProtocol. */
function pushPort(out: FieldError[], p: Any, requireName: boolean, path: string): void {
  const name = str(p?.name);
  if (requireName && name === '') out.push(required(`${path}.name`));
  else if (name !== '') pushNameErrors(out, name, 'label', `${path}.name`, name);
  const port = p?.port;
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535))
    out.push(invalid(`${path}.port`, port ?? 0, PORT_RANGE));
  const protocol = str(p?.protocol);
  if (protocol === '') out.push(required(`${path}.protocol`));
  else if (!PROTOCOLS_SORTED.includes(protocol))
    out.push(unsupported(`${path}.protocol`, protocol, PROTOCOLS_SORTED));
  if (typeof p?.appProtocol === 'string')
    for (const m of qualifiedNameErrors(p.appProtocol))
      out.push(invalid(`${path}.appProtocol`, p.appProtocol, m));
}

/**
 * Every subset's causes, in validateEndpointSubsets' order. `old`: the subsets of the stored
 * version an update replaces. An address or port list of `old` reappearing as the same object was
 * checked when that version was written, and is not checked again (stored objects are immutable
 * snapshots: the same object has the same fields), as the workload validation skips a selector or
 * template an update keeps: a controller's next version shares every unchanged address with the
 * last one.
 */
export function pushEndpointSubsetErrors(out: FieldError[], subsets: unknown, old?: unknown): void {
  const all = list(subsets);
  const olds = list(old);
  for (let i = 0; i < all.length; i++) {
    const ss = all[i];
    const was = olds[i];
    const ready = list(ss?.addresses);
    const notReady = list(ss?.notReadyAddresses);
    if (ready.length === 0 && notReady.length === 0)
      out.push({
        field: `subsets[${i}]`,
        message: 'Required value: must specify `addresses` or `notReadyAddresses`',
      });
    const seen = kept;
    seen.start(was);
    // Each address's path is built only for one the quick check does not clear.
    for (let j = 0; j < ready.length; j++)
      if (!seen.has(ready[j]) && !addressOk(ready[j]))
        pushAddress(out, ready[j], `subsets[${i}].addresses[${j}]`);
    for (let j = 0; j < notReady.length; j++)
      if (!seen.has(notReady[j]) && !addressOk(notReady[j]))
        pushAddress(out, notReady[j], `subsets[${i}].notReadyAddresses[${j}]`);
    seen.start(undefined);
    const ports = list(ss?.ports);
    if (ports.length > 0 && ports === was?.ports) continue;
    for (let j = 0; j < ports.length; j++)
      if (!portOk(ports[j], ports.length > 1))
        pushPort(out, ports[j], ports.length > 1, `subsets[${i}].ports[${j}]`);
  }
}

/**
 * Which addresses of a new subset are the same objects as the old subset's, found without a set:
 * the new subset's addresses are visited in order, and each is looked for at the next unmatched
 * place (or the one after) of the old subset's two lists. A controller's versions list addresses
 * in one order, so an address added, dropped or moved between the lists (turned ready) leaves the
 * others found; one not found is only checked again.
 */
class KeptAddresses {
  private ready: readonly unknown[] = [];
  private notReady: readonly unknown[] = [];
  private r = 0;
  private n = 0;

  start(was: Any): void {
    this.ready = list(was?.addresses);
    this.notReady = list(was?.notReadyAddresses);
    this.r = 0;
    this.n = 0;
  }

  has(a: unknown): boolean {
    if (typeof a !== 'object' || a === null) return false;
    const ready = this.ready;
    const notReady = this.notReady;
    if (ready[this.r] === a) this.r++;
    else if (notReady[this.n] === a) this.n++;
    else if (ready[this.r + 1] === a) this.r += 2;
    else if (notReady[this.n + 1] === a) this.n += 2;
    else return false;
    return true;
  }
}
const kept = new KeptAddresses();

/** A port with no cause (named when it must be, a valid number and protocol, no bad appProtocol). */
function portOk(p: Any, requireName: boolean): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const name = p.name;
  if (typeof name === 'string' && name !== '') {
    if (!nameOk(name, 'label')) return false;
  } else if (requireName || (name != null && typeof name !== 'string')) return false;
  const port = p.port;
  if (!(Number.isInteger(port) && port >= 1 && port <= 65535)) return false;
  const protocol = p.protocol;
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') return false;
  return typeof p.appProtocol !== 'string' || isQualifiedName(p.appProtocol);
}
