// The rest of ValidatePodSpec a student's pod spec can fail: the security contexts, node and pod
// (anti-)affinity, tolerations, host aliases, topology spread constraints, readiness and
// scheduling gates, hostNetwork's host ports and the names and numbers of the spec's tail
// (serviceAccountName … os) [K8S pkg/apis/core/validation/validation.go: validatePodSpecSecurityContext,
// ValidateSecurityContext, validateAffinity and its term validators, ValidateTolerations,
// ValidateHostAliases, validateTopologySpreadConstraints, validateReadinessGates,
// validateSchedulingGates; APIMACH pkg/apis/meta/v1/validation ValidateLabelSelector,
// pkg/util/validation IsValidUserID/IsValidGroupID]. Bound late with validation.ts.
// Left out, because their texts print internal Go structs or need tables not modelled here: a
// seccomp localhostProfile set for another type, allowPrivilegeEscalation false with
// privileged, windowsOptions, a sysctl's host-namespace check, seLinuxChangePolicy, and the
// matchLabelKeys/mismatchLabelKeys checks (the API server first merges them into the selector).
import { labelValueErrors, qualifiedNameErrors } from '../api/labels';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { pushLabelErrors, pushNameErrors } from './validation';
import { ipErrors } from './validation-pod-dns';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const ID_RANGE = 'must be between 0 and 2147483647, inclusive';
const NOT_POSITIVE = 'must be greater than zero';
const PROFILE_TYPES = ['Localhost', 'RuntimeDefault', 'Unconfined'];
const SYSCTL_FMT = '([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_RE = new RegExp(`^${SYSCTL_FMT}$`);

const set = (x: unknown): boolean => x !== undefined && x !== null;
const str = (x: unknown): string => (typeof x === 'string' ? x : '');
const list = (x: unknown): Any[] => (Array.isArray(x) ? x : []);
const reqd = (field: string, detail: string): FieldError => ({ field, message: `Required value: ${detail}` });

/** IsValidUserID / IsValidGroupID: 0 to MaxInt32. */
function pushIdError(out: FieldError[], v: unknown, field: string): void {
  if (typeof v === 'number' && (v < 0 || v > 2147483647)) out.push(invalid(field, v, ID_RANGE));
}

// Label keys found valid (tolerations' and topology keys repeat on every Pod): a bounded memo.
const VALID_KEYS = new Set<string>();

/** ValidateLabelName: IsQualifiedName's causes. */
function pushLabelName(out: FieldError[], key: string, field: string): void {
  if (VALID_KEYS.has(key)) return;
  const errs = qualifiedNameErrors(key);
  if (errs.length === 0) {
    if (VALID_KEYS.size >= 256) VALID_KEYS.clear();
    VALID_KEYS.add(key);
  }
  for (const m of errs) out.push(invalid(field, key, m));
}

/** ValidateLabelSelector (no invalid label values allowed: a create). */
export function pushLabelSelectorErrors(out: FieldError[], sel: Any, field: string): void {
  if (!set(sel)) return;
  if (sel.matchLabels) pushLabelErrors(out, sel.matchLabels, `${field}.matchLabels`);
  const exprs = list(sel.matchExpressions);
  for (let i = 0; i < exprs.length; i++) {
    const r: Any = exprs[i] ?? {};
    const path = `${field}.matchExpressions[${i}]`;
    const values = list(r.values);
    const op = str(r.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0)
        out.push(reqd(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0)
        out.push(
          forbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
        );
    } else out.push(invalid(`${path}.operator`, op, 'not a valid selector operator'));
    pushLabelName(out, str(r.key), `${path}.key`);
    for (let j = 0; j < values.length; j++)
      for (const m of labelValueErrors(str(values[j])))
        out.push(invalid(`${path}.values[${j}]`, values[j], m));
  }
}

/** validateSeccompProfileField, for the profile types only (see the header). */
function pushSeccomp(out: FieldError[], sp: Any, field: string): void {
  if (!set(sp)) return;
  const t = str(sp.type);
  if (t === '') out.push(reqd(`${field}.type`, 'type is required when seccompProfile is set'));
  else if (!PROFILE_TYPES.includes(t)) out.push(unsupported(`${field}.type`, t, PROFILE_TYPES));
  if (t === 'Localhost') {
    if (!set(sp.localhostProfile))
      out.push(reqd(`${field}.localhostProfile`, 'must be set when seccomp type is Localhost'));
    else {
      const p = str(sp.localhostProfile);
      if (p.startsWith('/')) out.push(invalid(`${field}.localhostProfile`, p, 'must be a relative path'));
      if (p.split('/').includes('..'))
        out.push(invalid(`${field}.localhostProfile`, p, "must not contain '..'"));
    }
  }
}

/** ValidateAppArmorProfileField. */
function pushAppArmor(out: FieldError[], ap: Any, field: string): void {
  if (!set(ap)) return;
  const t = str(ap.type);
  const lp = `${field}.localhostProfile`;
  if (t === 'Localhost') {
    if (!set(ap.localhostProfile)) out.push(reqd(lp, 'must be set when AppArmor type is Localhost'));
    else {
      const p = str(ap.localhostProfile);
      if (p.trim() !== p) out.push(invalid(lp, p, 'must not be padded with whitespace'));
      else if (p === '') out.push(reqd(lp, 'must be set when AppArmor type is Localhost'));
      if (p.length > 4095) out.push({ field: lp, message: 'Too long: may not be more than 4095 bytes' });
    }
  } else if (t === 'RuntimeDefault' || t === 'Unconfined') {
    if (set(ap.localhostProfile))
      out.push(invalid(lp, str(ap.localhostProfile), 'can only be set when AppArmor type is Localhost'));
  } else if (t === '') out.push(reqd(`${field}.type`, 'type is required when appArmorProfile is set'));
  else out.push(unsupported(`${field}.type`, t, PROFILE_TYPES));
}

/** validatePodSpecSecurityContext (the internal type holds hostPID and shareProcessNamespace). */
export function pushPodSecurityContextErrors(out: FieldError[], spec: Any, path: string): void {
  const sc: Any = spec?.securityContext;
  const fld = `${path}.securityContext`;
  if (!set(sc)) return;
  pushIdError(out, sc.fsGroup, `${fld}.fsGroup`);
  pushIdError(out, sc.runAsUser, `${fld}.runAsUser`);
  pushIdError(out, sc.runAsGroup, `${fld}.runAsGroup`);
  const groups = list(sc.supplementalGroups);
  for (let g = 0; g < groups.length; g++) pushIdError(out, groups[g], `${fld}.supplementalGroups[${g}]`);
  if (spec.shareProcessNamespace === true && spec.hostPID === true)
    out.push(
      invalid(
        `${fld}.shareProcessNamespace`,
        true,
        'ShareProcessNamespace and HostPID cannot both be enabled',
      ),
    );
  const sysctls = list(sc.sysctls);
  for (let i = 0; i < sysctls.length; i++) {
    const name = str(sysctls[i]?.name);
    const f = `${fld}.sysctls[${i}].name`;
    if (name === '') out.push(required(f));
    else if (name.length > 253 || !SYSCTL_RE.test(name))
      out.push(invalid(f, name, `must have at most 253 characters and match regex ^${SYSCTL_FMT}$`));
    else if (sysctls.slice(0, i).some((s) => str(s?.name) === name)) out.push(duplicate(f, name));
  }
  const fsp = sc.fsGroupChangePolicy;
  if (set(fsp) && fsp !== 'Always' && fsp !== 'OnRootMismatch')
    out.push(unsupported(`${fld}.fsGroupChangePolicy`, fsp, ['Always', 'OnRootMismatch']));
  pushSeccomp(out, sc.seccompProfile, `${fld}.seccompProfile`);
  pushAppArmor(out, sc.appArmorProfile, `${fld}.appArmorProfile`);
  const sgp = sc.supplementalGroupsPolicy;
  if (set(sgp) && sgp !== 'Merge' && sgp !== 'Strict')
    out.push(unsupported(`${fld}.supplementalGroupsPolicy`, sgp, ['Merge', 'Strict']));
}

/** ValidateSecurityContext of a container (`hostUsers`: the pod's spec.hostUsers, default true). */
export function pushContainerSecurityContextErrors(
  out: FieldError[],
  c: Any,
  hostUsers: boolean,
  path: string,
): void {
  const sc: Any = c?.securityContext;
  if (!set(sc)) return;
  const fld = `${path}.securityContext`;
  // privileged: the API server runs with --allow-privileged=true (kubeadm, kind, k3s).
  pushIdError(out, sc.runAsUser, `${fld}.runAsUser`);
  pushIdError(out, sc.runAsGroup, `${fld}.runAsGroup`);
  if (set(sc.procMount)) {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked')
      out.push(unsupported(`${fld}.procMount`, sc.procMount, ['Default', 'Unmasked']));
    if (hostUsers && sc.procMount === 'Unmasked')
      out.push(invalid(`${fld}.procMount`, 'Unmasked', '`hostUsers` must be false to use `Unmasked`'));
  }
  pushSeccomp(out, sc.seccompProfile, `${fld}.seccompProfile`);
  pushAppArmor(out, sc.appArmorProfile, `${fld}.appArmorProfile`);
}

/** ValidateNodeSelectorRequirement (`strict`: label values checked, as for required terms). */
function pushNodeRequirement(out: FieldError[], rq: Any, strict: boolean, field: string): void {
  const values = list(rq?.values);
  const op = str(rq?.operator);
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0)
      out.push(reqd(`${field}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (op === 'Exists' || op === 'DoesNotExist') {
    if (values.length > 0)
      out.push(
        forbidden(`${field}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"),
      );
  } else if (op === 'Gt' || op === 'Lt') {
    if (values.length !== 1)
      out.push(reqd(`${field}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else out.push(invalid(`${field}.operator`, op, 'not a valid selector operator'));
  pushLabelName(out, str(rq?.key), `${field}.key`);
  if (strict)
    for (let i = 0; i < values.length; i++)
      for (const m of labelValueErrors(str(values[i])))
        out.push(invalid(`${field}.values[${i}]`, values[i], m));
}

/** ValidateNodeSelectorTerm: expressions, then fields (metadata.name only, one node name). */
function pushNodeTerm(out: FieldError[], term: Any, strict: boolean, field: string): void {
  const exprs = list(term?.matchExpressions);
  for (let j = 0; j < exprs.length; j++)
    pushNodeRequirement(out, exprs[j], strict, `${field}.matchExpressions[${j}]`);
  const fields = list(term?.matchFields);
  for (let j = 0; j < fields.length; j++) {
    const rq: Any = fields[j] ?? {};
    const f = `${field}.matchFields[${j}]`;
    const values = list(rq.values);
    const op = str(rq.operator);
    if (op === 'In' || op === 'NotIn') {
      if (values.length !== 1)
        out.push(
          reqd(
            `${f}.values`,
            "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
          ),
        );
    } else out.push(invalid(`${f}.operator`, op, 'not a valid selector operator'));
    if (str(rq.key) !== 'metadata.name')
      out.push(invalid(`${f}.key`, str(rq.key), 'not a valid field selector key'));
    else
      for (let i = 0; i < values.length; i++)
        pushNameErrors(out, str(values[i]), 'subdomain', `${f}.values[${i}]`, values[i]);
  }
}

/** validatePodAffinityTerm (its matchLabelKeys are left out: see the header). */
function pushPodAffinityTerm(out: FieldError[], term: Any, field: string): void {
  pushLabelSelectorErrors(out, term?.labelSelector, `${field}.labelSelector`);
  pushLabelSelectorErrors(out, term?.namespaceSelector, `${field}.namespaceSelector`);
  for (const ns of list(term?.namespaces)) pushNameErrors(out, str(ns), 'label', `${field}.namespace`, ns);
  const key = str(term?.topologyKey);
  if (key === '') out.push(reqd(`${field}.topologyKey`, 'can not be empty'));
  pushLabelName(out, key, `${field}.topologyKey`);
}

function pushPodAffinity(out: FieldError[], pa: Any, field: string): void {
  const req = list(pa.requiredDuringSchedulingIgnoredDuringExecution);
  for (let i = 0; i < req.length; i++)
    pushPodAffinityTerm(out, req[i], `${field}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`);
  const pref = list(pa.preferredDuringSchedulingIgnoredDuringExecution);
  for (let j = 0; j < pref.length; j++) {
    const f = `${field}.preferredDuringSchedulingIgnoredDuringExecution[${j}]`;
    const w = typeof pref[j]?.weight === 'number' ? pref[j].weight : 0;
    if (w <= 0 || w > 100) out.push(invalid(`${f}.weight`, w, 'must be in the range 1-100'));
    pushPodAffinityTerm(out, pref[j]?.podAffinityTerm, `${f}.podAffinityTerm`);
  }
}

/** validateAffinity: node affinity, pod affinity, pod anti-affinity. */
export function pushAffinityErrors(out: FieldError[], affinity: Any, path: string): void {
  if (!set(affinity)) return;
  const fld = `${path}.affinity`;
  const na = affinity.nodeAffinity;
  if (set(na)) {
    const nf = `${fld}.nodeAffinity`;
    const required = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (set(required)) {
      const tf = `${nf}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
      const terms = list(required.nodeSelectorTerms);
      if (terms.length === 0) out.push(reqd(tf, 'must have at least one node selector term'));
      for (let i = 0; i < terms.length; i++) pushNodeTerm(out, terms[i], true, `${tf}[${i}]`);
    }
    const pref = list(na.preferredDuringSchedulingIgnoredDuringExecution);
    for (let i = 0; i < pref.length; i++) {
      const f = `${nf}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const w = typeof pref[i]?.weight === 'number' ? pref[i].weight : 0;
      if (w <= 0 || w > 100) out.push(invalid(`${f}.weight`, w, 'must be in the range 1-100'));
      // Invalid label values are always allowed in preferred terms.
      pushNodeTerm(out, pref[i]?.preference, false, `${f}.preference`);
    }
  }
  if (set(affinity.podAffinity)) pushPodAffinity(out, affinity.podAffinity, `${fld}.podAffinity`);
  if (set(affinity.podAntiAffinity)) pushPodAffinity(out, affinity.podAntiAffinity, `${fld}.podAntiAffinity`);
}

/** validateReadinessGates and validateSchedulingGates. */
export function pushGateErrors(out: FieldError[], spec: Any, path: string): void {
  const rg = list(spec?.readinessGates);
  for (let i = 0; i < rg.length; i++) {
    const t = str(rg[i]?.conditionType);
    for (const m of qualifiedNameErrors(t))
      out.push(invalid(`${path}.readinessGates[${i}].conditionType`, t, m));
  }
  const sg = list(spec?.schedulingGates);
  for (let i = 0; i < sg.length; i++) {
    const n = str(sg[i]?.name);
    const f = `${path}.schedulingGates[${i}]`;
    for (const m of qualifiedNameErrors(n)) out.push(invalid(f, n, m));
    if (sg.slice(0, i).some((g) => str(g?.name) === n)) out.push(duplicate(f, n));
  }
}

/** validateTopologySpreadConstraints (matchLabelKeys left out: see the header). */
export function pushTopologySpreadErrors(out: FieldError[], constraints: unknown, path: string): void {
  const cs = list(constraints);
  for (let i = 0; i < cs.length; i++) {
    const c: Any = cs[i] ?? {};
    const f = `${path}.topologySpreadConstraints[${i}]`;
    const skew = typeof c.maxSkew === 'number' ? c.maxSkew : 0;
    if (skew <= 0) out.push(invalid(`${f}.maxSkew`, skew, NOT_POSITIVE));
    const key = str(c.topologyKey);
    if (key === '') out.push(reqd(`${f}.topologyKey`, 'can not be empty'));
    const action = str(c.whenUnsatisfiable);
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway')
      out.push(unsupported(`${f}.whenUnsatisfiable`, action, ['DoNotSchedule', 'ScheduleAnyway']));
    if (cs.slice(i + 1).some((r) => str(r?.topologyKey) === key && str(r?.whenUnsatisfiable) === action))
      out.push(duplicate(`${f}.{topologyKey, whenUnsatisfiable}`, `{${key}, ${action}}`));
    if (set(c.minDomains)) {
      if (c.minDomains <= 0) out.push(invalid(`${f}.minDomains`, c.minDomains, NOT_POSITIVE));
      if (action !== 'DoNotSchedule')
        out.push(
          invalid(
            `${f}.minDomains`,
            c.minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
    }
    for (const k of ['nodeAffinityPolicy', 'nodeTaintsPolicy'])
      if (set(c[k]) && c[k] !== 'Honor' && c[k] !== 'Ignore')
        out.push(unsupported(`${f}.${k}`, c[k], ['Honor', 'Ignore']));
    pushLabelSelectorErrors(out, c.labelSelector, `${f}.labelSelector`);
  }
}

/** ValidateTolerations. */
export function pushTolerationErrors(out: FieldError[], tolerations: unknown, path: string): void {
  const ts = list(tolerations);
  for (let i = 0; i < ts.length; i++) {
    const t: Any = ts[i] ?? {};
    const f = `${path}.tolerations[${i}]`;
    const key = str(t.key);
    const op = str(t.operator);
    const effect = str(t.effect);
    const value = str(t.value);
    if (key) pushLabelName(out, key, `${f}.key`);
    if (key === '' && op !== 'Exists')
      out.push(
        invalid(
          `${f}.operator`,
          op,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    if (set(t.tolerationSeconds) && effect !== 'NoExecute')
      out.push(invalid(`${f}.effect`, effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    if (op === 'Equal' || op === '') {
      const errs = value === '' ? [] : labelValueErrors(value);
      if (errs.length > 0) out.push(invalid(`${f}.operator`, value, errs.join(';')));
    } else if (op === 'Exists') {
      if (value) out.push(invalid(`${f}.operator`, value, "value must be empty when `operator` is 'Exists'"));
    } else out.push(unsupported(`${f}.operator`, op, ['Equal', 'Exists']));
    if (effect && effect !== 'NoSchedule' && effect !== 'PreferNoSchedule' && effect !== 'NoExecute')
      out.push(unsupported(`${f}.effect`, effect, ['NoSchedule', 'PreferNoSchedule', 'NoExecute']));
  }
}

/** ValidateHostAliases: each IP (IsValidIP) and hostname (a DNS-1123 subdomain). */
export function pushHostAliasErrors(out: FieldError[], aliases: unknown, path: string): void {
  const as = list(aliases);
  for (let i = 0; i < as.length; i++) {
    const f = `${path}.hostAliases[${i}]`;
    const ip = str(as[i]?.ip);
    for (const m of ipErrors(ip)) out.push(invalid(`${f}.ip`, ip, m));
    const names = list(as[i]?.hostnames);
    for (let j = 0; j < names.length; j++)
      pushNameErrors(out, str(names[j]), 'subdomain', `${f}.hostnames[${j}]`, names[j]);
  }
}

/**
 * validatePodHostNetworkDeps: with hostNetwork a container port's hostPort must be its
 * containerPort (in a Pod; a template may leave it 0, for SetDefaults_Pod to fill).
 */
export function pushHostNetworkErrors(out: FieldError[], spec: Any, path: string, isPod: boolean): void {
  if (spec?.hostNetwork !== true) return;
  const cs = list(spec.containers);
  for (let i = 0; i < cs.length; i++) {
    const ports = list(cs[i]?.ports);
    for (let j = 0; j < ports.length; j++) {
      const hp = typeof ports[j]?.hostPort === 'number' ? ports[j].hostPort : 0;
      const cp = typeof ports[j]?.containerPort === 'number' ? ports[j].containerPort : 0;
      if ((isPod || hp !== 0) && hp !== cp)
        out.push(
          invalid(
            `${path}.containers[${i}].ports[${j}].hostPort`,
            hp,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
    }
  }
}

/** ValidatePodSpec's names and numbers after the topology spread constraints, before tolerations. */
export function pushPodNameFieldErrors(out: FieldError[], spec: Any, path: string): void {
  const sa = str(spec?.serviceAccountName);
  if (sa) pushNameErrors(out, sa, 'subdomain', `${path}.serviceAccountName`, sa);
  const node = str(spec?.nodeName);
  if (node) pushNameErrors(out, node, 'subdomain', `${path}.nodeName`, node);
  const ads = spec?.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > 2147483647))
    out.push(invalid(`${path}.activeDeadlineSeconds`, ads, 'must be between 1 and 2147483647, inclusive'));
  const hostname = str(spec?.hostname);
  if (hostname) pushNameErrors(out, hostname, 'label', `${path}.hostname`, hostname);
  const subdomain = str(spec?.subdomain);
  if (subdomain) pushNameErrors(out, subdomain, 'label', `${path}.subdomain`, subdomain);
}

/** ValidatePodSpec's tail after the host aliases: class names, preemption policy, os. */
export function pushPodTailErrors(out: FieldError[], spec: Any, path: string): void {
  const pc = str(spec?.priorityClassName);
  if (pc) pushNameErrors(out, pc, 'subdomain', `${path}.priorityClassName`, pc);
  if (set(spec?.runtimeClassName)) {
    const rc = str(spec.runtimeClassName);
    pushNameErrors(out, rc, 'subdomain', `${path}.runtimeClassName`, rc);
  }
  if (set(spec?.preemptionPolicy)) {
    const pp = str(spec.preemptionPolicy);
    if (pp === '') out.push(required(`${path}.preemptionPolicy`));
    else if (pp !== 'PreemptLowerPriority' && pp !== 'Never')
      out.push(unsupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  if (set(spec?.os)) {
    const name = str(spec.os.name);
    if (name === '') out.push(reqd(`${path}.os.name`, 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows')
      out.push(unsupported(`${path}.os`, name, ['linux', 'windows']));
  }
}

const PORT_RANGE = 'must be between 1 and 65535, inclusive';
const HEADER_NAME = /^[-!#$%&'*+.^_`|~0-9A-Za-z]+$/;
const HEADER_MSG =
  "a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')";

/**
 * validation.IsValidPortName's causes, in its order (apimachinery v0.34.9
 * pkg/util/validation/validation.go): every check runs, so `HTTP` gets both the charset's and the
 * one-letter cause. Pod ports, probes and Service target ports all use it.
 */
export function portNameErrors(v: string): string[] {
  const errs: string[] = [];
  if (v.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(v))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(v)) errs.push('must contain at least one letter (a-z)');
  if (v.includes('--')) errs.push('must not contain consecutive hyphens');
  if (v.length > 0 && (v.startsWith('-') || v.endsWith('-')))
    errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName: a port number, or an IANA service name (IsValidPortName). */
function pushPortNumOrName(out: FieldError[], v: unknown, field: string): void {
  if (typeof v !== 'string') {
    const n = typeof v === 'number' ? v : 0;
    if (n < 1 || n > 65535) out.push(invalid(field, n, PORT_RANGE));
    return;
  }
  for (const m of portNameErrors(v)) out.push(invalid(field, v, m));
}

/**
 * validateHandler of a lifecycle hook (exec, httpGet, tcpSocket, sleep; one only). A sleep may
 * be 0 up to the pod's terminationGracePeriodSeconds (PodLifecycleSleepActionAllowZero is on in
 * 1.34). The httpGet path is defaulted to "/", so never missing here. Headers are reported at
 * `httpHeaders`, without their index, as the source does.
 */
function pushHookErrors(out: FieldError[], h: Any, grace: unknown, field: string): void {
  let n = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'sleep']) {
    const a = h?.[kind];
    if (!set(a)) continue;
    if (n > 0) {
      out.push(forbidden(`${field}.${kind}`, 'may not specify more than 1 handler type'));
      continue;
    }
    n++;
    const f = `${field}.${kind}`;
    if (kind === 'exec') {
      if (list(a.command).length === 0) out.push(required(`${f}.command`));
    } else if (kind === 'httpGet') {
      if (!str(a.path)) out.push(required(`${f}.path`));
      pushPortNumOrName(out, a.port, `${f}.port`);
      if (a.scheme !== 'HTTP' && a.scheme !== 'HTTPS')
        out.push(unsupported(`${f}.scheme`, str(a.scheme), ['HTTP', 'HTTPS']));
      for (const hd of list(a.httpHeaders))
        if (!HEADER_NAME.test(str(hd?.name)))
          out.push(invalid(`${f}.httpHeaders`, str(hd?.name), HEADER_MSG));
    } else if (kind === 'tcpSocket') pushPortNumOrName(out, a.port, `${f}.port`);
    else if (typeof grace === 'number') {
      const s = typeof a.seconds === 'number' ? a.seconds : 0;
      if (s < 0 || s > grace)
        out.push(
          invalid(f, s, `must be non-negative and less than terminationGracePeriodSeconds (${grace})`),
        );
    }
  }
  if (n === 0) out.push(reqd(field, 'must specify a handler type'));
}

/** validateLifecycle: postStart, then preStop. */
export function pushLifecycleErrors(out: FieldError[], c: Any, grace: unknown, path: string): void {
  const l = c?.lifecycle;
  if (!set(l)) return;
  if (set(l.postStart)) pushHookErrors(out, l.postStart, grace, `${path}.lifecycle.postStart`);
  if (set(l.preStop)) pushHookErrors(out, l.preStop, grace, `${path}.lifecycle.preStop`);
}
