// validateEndpointSubsets as 1.34 runs it on a user's Endpoints (ValidateEndpoints): per subset, an
// address is required (ready or not), then each address, then each port. Bound late (../late): the
// controllers' own Endpoints, written before it loads, hold Pod IPs and named, numbered ports.
// [K8S pkg/apis/core/validation/validation.go validateEndpointSubsets, validateEndpointAddress,
//  validateEndpointPort, ValidateNodeName]
import { qualifiedNameErrors } from '../api/labels';
import { type FieldError, invalid, required, unsupported } from './errors';
import { pushNameErrors } from './validation';
import { endpointIPErrors, legacyIPErrors } from './validation-ip';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const PROTOCOLS_SORTED = ['SCTP', 'TCP', 'UDP'];
const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const list = (v: unknown): Any[] => (Array.isArray(v) ? v : []);
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

/** Every subset's causes, in validateEndpointSubsets' order. */
export function pushEndpointSubsetErrors(out: FieldError[], subsets: unknown): void {
  for (const [i, ss] of list(subsets).entries()) {
    const path = `subsets[${i}]`;
    const ready = list(ss?.addresses);
    const notReady = list(ss?.notReadyAddresses);
    if (ready.length === 0 && notReady.length === 0)
      out.push({ field: path, message: 'Required value: must specify `addresses` or `notReadyAddresses`' });
    for (const [j, a] of ready.entries()) pushAddress(out, a, `${path}.addresses[${j}]`);
    for (const [j, a] of notReady.entries()) pushAddress(out, a, `${path}.notReadyAddresses[${j}]`);
    const ports = list(ss?.ports);
    for (const [j, p] of ports.entries()) pushPort(out, p, ports.length > 1, `${path}.ports[${j}]`);
  }
}
