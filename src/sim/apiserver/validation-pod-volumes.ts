// A Pod spec's volumes, a container's volume mounts and devices, and its envFrom, validated as
// ValidatePodSpec validates them for Pods and for every workload's pod template
// [K8S pkg/apis/core/validation/validation.go: ValidateVolumes, validateVolumeSource and the
// per-source validators, validateKeyToPath, ValidateLocalNonReservedPath, ValidateVolumeMounts,
// ValidateVolumeDevices, ValidateEnvFrom]. Bound late with the rest of validation.ts (only a
// user's write validates; the boot's Pods carry only the ServiceAccount token volume, valid).
// Kept as in the source, slips included: a subPath's and a subPathExpr's causes are reported at
// `volumeMounts.subPath` (no index), a downward-API file's at `downwardAPI` (no `items[i]`), the
// projected token's path at `projected.path`, and a second downwardAPI source's Forbidden at
// `downwarAPI`. envFrom's prefix is IsRelaxedEnvVarName'd (GA in 1.34); the downward-API
// selectors are validation-pod-env's. Not checked here: the cloud and legacy sources' own fields
// (kept as given by the decoder), ephemeral volumes' claim templates, and image volumes
// (ImageVolume is off by default in 1.34).

import { SA_TOKEN_PROJECTION } from './defaults';
import { duplicate, type FieldError, forbidden, invalid, required, unsupported } from './errors';
import { nameOk, pushNameErrors } from './validation';
import {
  pushFieldSelectorErrors,
  pushResourceFieldErrors,
  RELAXED_ENV_MSG,
  relaxedEnvNameOk,
  VOLUME_FIELD_PATHS,
} from './validation-pod-env';

// biome-ignore lint/suspicious/noExplicitAny: validators walk decoded JSON.
type Any = any;

const FILE_MODE = 'must be a number between 0 and 0777 (octal), both inclusive';
const MORE_THAN_ONE = 'may not specify more than 1 volume type';

/** validateVolumeSource's order of the sources, with the path each Forbidden names. */
const SOURCES: [string, string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];

const SOURCE_RANK = new Map(SOURCES.map(([k], i) => [k, i]));
const PROJECTED_RANK = SOURCE_RANK.get('projected');

const HOST_PATH_TYPES = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];
const MOUNT_PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RRO_MODES = ['Disabled', 'Enabled', 'IfPossible'];

const set = (x: unknown): boolean => x !== undefined && x !== null;
const str = (x: unknown): string => (typeof x === 'string' ? x : '');

function modeOk(m: unknown): boolean {
  return !(typeof m === 'number' && (m > 0o777 || m < 0));
}

/** Whether a `/`-separated element of `p` is `..` (p.split('/').includes('..'), without the split). */
function hasBackstep(p: string): boolean {
  for (let i = p.indexOf('..'); i >= 0; i = p.indexOf('..', i + 1))
    if ((i === 0 || p.charCodeAt(i - 1) === 47) && (i + 2 === p.length || p.charCodeAt(i + 2) === 47))
      return true;
  return false;
}

/** validatePathNoBacksteps: one cause when any `/`-separated element is `..`. */
function pushNoBacksteps(out: FieldError[], p: string, field: string): void {
  if (hasBackstep(p)) out.push(invalid(field, p, "must not contain '..'"));
}

/** validateLocalDescendingPath: relative, and no `..` element. */
function pushLocalDescending(out: FieldError[], p: string, field: string): void {
  if (p.startsWith('/')) out.push(invalid(field, p, 'must be a relative path'));
  pushNoBacksteps(out, p, field);
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with `..`. */
function pushLocalNonReserved(out: FieldError[], p: string, field: string): void {
  pushLocalDescending(out, p, field);
  if (p.startsWith('..') && !p.startsWith('../')) out.push(invalid(field, p, "must not start with '..'"));
}

function pushModeError(out: FieldError[], m: unknown, field: string): void {
  if (!modeOk(m)) out.push(invalid(field, m, FILE_MODE));
}

/** validateKeyToPath. */
function pushKeyToPath(out: FieldError[], kp: Any, field: string): void {
  if (!str(kp?.key)) out.push(required(`${field}.key`));
  const p = str(kp?.path);
  if (!p) out.push(required(`${field}.path`));
  pushLocalNonReserved(out, p, `${field}.path`);
  pushModeError(out, kp?.mode, `${field}.mode`);
}

function pushItems(out: FieldError[], items: unknown, field: string): void {
  if (!Array.isArray(items)) return;
  for (let i = 0; i < items.length; i++) pushKeyToPath(out, items[i], `${field}[${i}]`);
}

/** validateDownwardAPIVolumeFile. */
function pushDownwardFile(out: FieldError[], file: Any, field: string): void {
  const p = str(file?.path);
  if (!p) out.push(required(`${field}.path`));
  pushLocalNonReserved(out, p, `${field}.path`);
  if (set(file?.fieldRef)) {
    pushFieldSelectorErrors(out, file.fieldRef, VOLUME_FIELD_PATHS, `${field}.fieldRef`);
    if (set(file?.resourceFieldRef))
      out.push(
        invalid(field, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'),
      );
  } else if (set(file?.resourceFieldRef))
    pushResourceFieldErrors(out, file.resourceFieldRef, true, `${field}.resourceFieldRef`);
  else out.push({ field, message: 'Required value: one of fieldRef and resourceFieldRef is required' });
  pushModeError(out, file?.mode, `${field}.mode`);
}

/** validateProjectionSources: each source one kind, and no path twice across them. */
function pushProjected(out: FieldError[], pr: Any, fld: string): void {
  pushModeError(out, pr.defaultMode, `${fld}.defaultMode`);
  const sources: Any[] = Array.isArray(pr.sources) ? pr.sources : [];
  const paths: string[] = [];
  const seen = (p: string) => {
    if (paths.includes(p)) return true;
    paths.push(p);
    return false;
  };
  for (let i = 0; i < sources.length; i++) {
    const src = sources[i] ?? {};
    const srcPath = `${fld}.sources[${i}]`;
    let n = 0;
    for (const kind of ['secret', 'configMap'] as const) {
      const s = src[kind];
      if (!set(s)) continue;
      n++;
      if (!str(s.name)) out.push(required(`${srcPath}.${kind}.name`));
      const items: Any[] = Array.isArray(s.items) ? s.items : [];
      for (let j = 0; j < items.length; j++) {
        pushKeyToPath(out, items[j], `${srcPath}.${kind}.items[${j}]`);
        const p = str(items[j]?.path);
        if (p && seen(p)) out.push(invalid(fld, str(s.name), 'conflicting duplicate paths'));
      }
    }
    if (set(src.downwardAPI)) {
      n++;
      const items: Any[] = Array.isArray(src.downwardAPI.items) ? src.downwardAPI.items : [];
      for (const file of items) {
        pushDownwardFile(out, file, `${srcPath}.downwardAPI`);
        const p = str(file?.path);
        if (p && seen(p)) out.push(invalid(fld, p, 'conflicting duplicate paths'));
      }
    }
    const tok = src.serviceAccountToken;
    if (set(tok)) {
      n++;
      const secs = typeof tok.expirationSeconds === 'number' ? tok.expirationSeconds : 0;
      const f = `${srcPath}.serviceAccountToken.expirationSeconds`;
      if (secs < 600) out.push(invalid(f, secs, 'may not specify a duration less than 10 minutes'));
      if (secs > 2 ** 32) out.push(invalid(f, secs, 'may not specify a duration larger than 2^32 seconds'));
      if (!str(tok.path)) out.push(required(`${fld}.path`));
      else pushLocalNonReserved(out, tok.path, `${fld}.path`);
    }
    if (set(src.clusterTrustBundle)) n++;
    if (set(src.podCertificate)) n++;
    if (n > 1) out.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  }
}

/** A decoded (so parseable) Quantity below zero: a minus sign and a non-zero digit before the suffix. */
function negativeQuantity(q: unknown): boolean {
  if (typeof q === 'number') return q < 0;
  const m = /^\s*-([0-9]*\.?[0-9]*)/.exec(str(q));
  return !!m && /[1-9]/.test(m[1] as string);
}

/** The checks of the one source a volume has (the first one validateVolumeSource counts). */
function pushSourceErrors(out: FieldError[], key: string, src: Any, fld: string): void {
  switch (key) {
    case 'emptyDir':
      if (negativeQuantity(src.sizeLimit))
        out.push(forbidden(`${fld}.sizeLimit`, 'SizeLimit field must be a valid resource quantity'));
      return;
    case 'hostPath': {
      const p = str(src.path);
      if (!p) {
        out.push(required(`${fld}.path`));
        return;
      }
      pushNoBacksteps(out, p, `${fld}.path`);
      if (set(src.type) && !HOST_PATH_TYPES.includes(src.type))
        out.push(unsupported(`${fld}.type`, src.type, HOST_PATH_TYPES));
      return;
    }
    case 'secret':
    case 'configMap':
      if (!str(key === 'secret' ? src.secretName : src.name))
        out.push(required(`${fld}.${key === 'secret' ? 'secretName' : 'name'}`));
      pushModeError(out, src.defaultMode, `${fld}.defaultMode`);
      pushItems(out, src.items, `${fld}.items`);
      return;
    case 'nfs': {
      if (!str(src.server)) out.push(required(`${fld}.server`));
      const p = str(src.path);
      if (!p) out.push(required(`${fld}.path`));
      if (!p.startsWith('/')) out.push(invalid(`${fld}.path`, p, 'must be an absolute path'));
      return;
    }
    case 'persistentVolumeClaim':
      if (!str(src.claimName)) out.push(required(`${fld}.claimName`));
      return;
    case 'downwardAPI': {
      pushModeError(out, src.defaultMode, `${fld}.defaultMode`);
      const items: Any[] = Array.isArray(src.items) ? src.items : [];
      for (const file of items) pushDownwardFile(out, file, fld);
      return;
    }
    case 'projected':
      // The ServiceAccount token volume's sources: one frozen object every Pod shares, valid.
      if (src !== SA_TOKEN_PROJECTION) pushProjected(out, src, fld);
      return;
  }
}

/**
 * ValidateVolumes: each volume's source, then its name (required, a DNS-1123 label, unique among
 * the volumes that had no error). Returns the names of those volumes, which the mounts may name.
 */
export function pushVolumeErrors(out: FieldError[], volumes: unknown, path: string): string[] {
  const names: string[] = [];
  if (!Array.isArray(volumes)) return names;
  for (let i = 0; i < volumes.length; i++) {
    const vol: Any = volumes[i] ?? {};
    const before = out.length;
    // The volume's own keys (a name and a source, usually), then its sources in the source's order.
    let first = -1;
    let more = false;
    for (const k in vol) {
      const r = SOURCE_RANK.get(k);
      if (r === undefined || !set(vol[k])) continue;
      if (first < 0) first = r;
      else {
        more = true;
        if (r < first) first = r;
      }
    }
    // The ServiceAccount token volume (its shared, valid sources) with a valid, new name: no cause,
    // and no field path built.
    const vname = vol.name;
    if (
      !more &&
      first === PROJECTED_RANK &&
      vol.projected === SA_TOKEN_PROJECTION &&
      typeof vname === 'string' &&
      vname !== '' &&
      nameOk(vname, 'label') &&
      !names.includes(vname)
    ) {
      names.push(vname);
      continue;
    }
    const idx = `${path}[${i}]`;
    const n = first < 0 ? 0 : 1;
    if (n > 0) {
      const [key] = SOURCES[first] as [string, string];
      pushSourceErrors(out, key, vol[key], `${idx}.${key}`);
    }
    if (more)
      for (let r = first + 1; r < SOURCES.length; r++) {
        const [key, forbiddenAt] = SOURCES[r] as [string, string];
        if (set(vol[key])) out.push(forbidden(`${idx}.${forbiddenAt}`, MORE_THAN_ONE));
      }
    if (n === 0) out.push({ field: idx, message: 'Required value: must specify a volume type' });
    const name = str(vol.name);
    if (!name) out.push(required(`${idx}.name`));
    else if (!nameOk(name, 'label')) pushNameErrors(out, name, 'label', `${idx}.name`, name);
    if (names.includes(name)) out.push(duplicate(`${idx}.name`, name));
    if (out.length === before) names.push(name);
  }
  return names;
}

/**
 * A mount ValidateVolumeMounts finds nothing wrong with, when the container has no devices: a
 * named volume that validated, a path no earlier mount has, and none of the optional fields that
 * have their own checks.
 */
function plainMountOk(
  m: Any,
  name: string,
  mountPath: string,
  volumes: string[],
  mounts: Any[],
  i: number,
): boolean {
  if (!name || !mountPath || !volumes.includes(name)) return false;
  if (set(m.subPath) || set(m.subPathExpr) || set(m.mountPropagation) || set(m.recursiveReadOnly))
    return false;
  for (let j = 0; j < i; j++) if (str(mounts[j]?.mountPath) === mountPath) return false;
  return true;
}

/** ValidateVolumeMounts (with the container's volumeDevices for the overlap checks). */
export function pushVolumeMountErrors(out: FieldError[], c: Any, volumes: string[], path: string): void {
  const mounts: Any[] = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  const devices: Any[] = Array.isArray(c.volumeDevices) ? c.volumeDevices : [];
  const fld = `${path}.volumeMounts`;
  const privileged = c.securityContext?.privileged === true;
  for (let i = 0; i < mounts.length; i++) {
    const m: Any = mounts[i] ?? {};
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    // The usual mount (a volume's name, a path of its own, nothing more): no cause, no path built.
    if (devices.length === 0 && plainMountOk(m, name, mountPath, volumes, mounts, i)) continue;
    const idx = `${fld}[${i}]`;
    if (!name) out.push(required(`${idx}.name`));
    if (!volumes.includes(name))
      out.push({ field: `${idx}.name`, message: `Not found: ${JSON.stringify(name)}` });
    if (!mountPath) out.push(required(`${idx}.mountPath`));
    for (let j = 0; j < i; j++)
      if (str(mounts[j]?.mountPath) === mountPath) {
        out.push(invalid(`${idx}.mountPath`, mountPath, 'must be unique'));
        break;
      }
    // GetVolumeDeviceMap: the last device of a name wins.
    let deviceOfName: string | undefined;
    for (const d of devices) if (str(d?.name) === name) deviceOfName = str(d?.devicePath);
    if (deviceOfName !== undefined)
      out.push(invalid(`${idx}.name`, name, 'must not already exist in volumeDevices'));
    if (devices.some((d) => str(d?.devicePath) === mountPath))
      out.push(invalid(`${idx}.mountPath`, mountPath, 'must not already exist as a path in volumeDevices'));
    const subPath = str(m.subPath);
    if (subPath) pushLocalDescending(out, subPath, `${fld}.subPath`);
    const expr = str(m.subPathExpr);
    if (expr) {
      if (subPath)
        out.push(invalid(`${idx}.subPathExpr`, expr, 'subPathExpr and subPath are mutually exclusive'));
      pushLocalDescending(out, expr, `${fld}.subPathExpr`);
    }
    const prop = m.mountPropagation;
    if (set(prop)) {
      if (!MOUNT_PROPAGATIONS.includes(prop))
        out.push(unsupported(`${fld}.mountPropagation`, prop, MOUNT_PROPAGATIONS));
      if (prop === 'Bidirectional' && !privileged)
        out.push(
          forbidden(
            `${fld}.mountPropagation`,
            'Bidirectional mount propagation is available only to privileged containers',
          ),
        );
    }
    const rro = m.recursiveReadOnly;
    if (set(rro) && rro !== 'Disabled') {
      if (rro === 'Enabled' || rro === 'IfPossible') {
        if (m.readOnly !== true)
          out.push(forbidden(`${fld}.recursiveReadOnly`, 'may only be specified when readOnly is true'));
        if (set(prop) && prop !== 'None')
          out.push(
            forbidden(
              `${fld}.recursiveReadOnly`,
              'may only be specified when mountPropagation is None or not specified',
            ),
          );
      } else out.push(unsupported(`${fld}.recursiveReadOnly`, rro, RRO_MODES));
    }
  }
}

/** ValidateVolumeDevices (a block device must come from a PersistentVolumeClaim or an ephemeral volume). */
export function pushVolumeDeviceErrors(
  out: FieldError[],
  c: Any,
  volumes: string[],
  specVolumes: unknown,
  path: string,
): void {
  const devices: Any[] = Array.isArray(c.volumeDevices) ? c.volumeDevices : [];
  if (devices.length === 0) return;
  const mounts: Any[] = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
  const vols: Any[] = Array.isArray(specVolumes) ? specVolumes : [];
  const paths: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < devices.length; i++) {
    const d: Any = devices[i] ?? {};
    const idx = `${path}.volumeDevices[${i}]`;
    const name = str(d.name);
    const devPath = str(d.devicePath);
    const matched = volumes.includes(name);
    const vol = matched ? vols.find((v) => str(v?.name) === name) : undefined;
    const isPVC = set(vol?.persistentVolumeClaim) || set(vol?.ephemeral);
    if (!name) out.push(required(`${idx}.name`));
    if (names.includes(name)) out.push(invalid(`${idx}.name`, name, 'must be unique'));
    if (matched && !isPVC)
      out.push(
        invalid(
          `${idx}.name`,
          name,
          'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode',
        ),
      );
    if (!matched) out.push({ field: `${idx}.name`, message: `Not found: ${JSON.stringify(name)}` });
    if (!devPath) out.push(required(`${idx}.devicePath`));
    if (paths.includes(devPath)) out.push(invalid(`${idx}.devicePath`, devPath, 'must be unique'));
    if (devPath.split('/').includes('..'))
      out.push(invalid(`${idx}.devicePath`, devPath, "can not contain backsteps ('..')"));
    else paths.push(devPath);
    if (mounts.some((m) => str(m?.name) === name))
      out.push(invalid(`${idx}.name`, name, 'must not already exist in volumeMounts'));
    // GetVolumeMountMap: one mount path per name (the last).
    const byName = new Map<string, string>();
    for (const m of mounts) byName.set(str(m?.name), str(m?.mountPath));
    if ([...byName.values()].includes(devPath))
      out.push(invalid(`${idx}.devicePath`, devPath, 'must not already exist as a path in volumeMounts'));
    if (name) names.push(name);
  }
}

/** ConfigMap and Secret names (NameIsDNSSubdomain with prefix: maskTrailingDash first). */
function pushRefName(out: FieldError[], ref: Any, field: string): void {
  const name = str(ref?.name);
  if (!name) {
    out.push(required(`${field}.name`));
    return;
  }
  // maskTrailingDash: `name[:len(name)-2] + "a"` when it ends in a dash (and is longer than 1).
  const masked = name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
  // The causes are about the masked name; the value shown is the name as written.
  pushNameErrors(out, masked, 'subdomain', `${field}.name`, name);
}

/** ValidateEnvFrom. */
export function pushEnvFromErrors(out: FieldError[], envFrom: unknown, path: string): void {
  if (!Array.isArray(envFrom)) return;
  const fld = `${path}.envFrom`;
  for (let i = 0; i < envFrom.length; i++) {
    const ev: Any = envFrom[i] ?? {};
    const idx = `${fld}[${i}]`;
    const prefix = str(ev.prefix);
    if (prefix && !relaxedEnvNameOk(prefix)) out.push(invalid(`${idx}.prefix`, prefix, RELAXED_ENV_MSG));
    let n = 0;
    if (set(ev.configMapRef)) {
      n++;
      pushRefName(out, ev.configMapRef, `${idx}.configMapRef`);
    }
    if (set(ev.secretRef)) {
      n++;
      pushRefName(out, ev.secretRef, `${idx}.secretRef`);
    }
    if (n === 0) out.push(invalid(fld, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) out.push(invalid(fld, '', 'may not have more than one field specified at a time'));
  }
}
