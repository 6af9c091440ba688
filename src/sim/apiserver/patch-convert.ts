// How the API server turns a strategically merged object back into its Go type
// [APIMACH runtime/converter.go v0.34.9 FromUnstructuredWithValidation]: struct fields in
// declaration order, the first type mismatch fails the patch with the converter's text
// (`unrecognized type: int32`, `cannot convert int64 to v1.ServiceType`, `cannot restore
// struct from: string`), and unknown fields are collected with their paths
// (`spec.template.spec.containers[0].imagee`) for field validation Warn.
import { base64Decode } from './go-base64';
import type { FieldType, StructDef } from './schema';

// biome-ignore lint/suspicious/noExplicitAny: decoded JSON.
type Any = any;

/**
 * Named string types (Go's `type ServiceType string`): the converter names them when a number
 * is converted [k8s.io/api core/v1, apps/v1 types.go]. Other string fields are plain `string`.
 */
const NAMED: Record<string, Record<string, string>> = {
  'v1.ServiceSpec': {
    type: 'v1.ServiceType',
    sessionAffinity: 'v1.ServiceAffinity',
    externalTrafficPolicy: 'v1.ServiceExternalTrafficPolicy',
    internalTrafficPolicy: 'v1.ServiceInternalTrafficPolicy',
    ipFamilyPolicy: 'v1.IPFamilyPolicy',
  },
  'v1.ServicePort': { protocol: 'v1.Protocol' },
  'v1.ContainerPort': { protocol: 'v1.Protocol' },
  'v1.EndpointPort': { protocol: 'v1.Protocol' },
  'v1.Container': {
    imagePullPolicy: 'v1.PullPolicy',
    terminationMessagePolicy: 'v1.TerminationMessagePolicy',
    restartPolicy: 'v1.ContainerRestartPolicy',
  },
  'v1.PodSpec': {
    restartPolicy: 'v1.RestartPolicy',
    dnsPolicy: 'v1.DNSPolicy',
    preemptionPolicy: 'v1.PreemptionPolicy',
  },
  'v1.DeploymentStrategy': { type: 'v1.DeploymentStrategyType' },
  'v1.LabelSelectorRequirement': { operator: 'v1.LabelSelectorOperator' },
  'v1.ObjectMeta': { uid: 'types.UID' },
  'v1.OwnerReference': { uid: 'types.UID' },
  'v1.ObjectReference': { uid: 'types.UID' },
};

/** The reflect.Kind of a decoded JSON value (sigs.k8s.io/json PreserveInts: integers are int64). */
function kindOf(v: unknown): string {
  if (Array.isArray(v)) return 'slice';
  if (typeof v === 'object') return 'map';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  return Number.isInteger(v) ? 'int64' : 'float64';
}

class ConvertError extends Error {}

/** fromUnstructured for a simple destination (string, integers, bool). */
function simple(v: unknown, f: FieldType, named: string | undefined): void {
  const st = kindOf(v);
  const dtKind = f.t === 'int' ? f.go : f.t === 'bool' ? 'bool' : 'string';
  const dtName = named ?? dtKind;
  if (st === 'map' || st === 'slice') throw new ConvertError(`unrecognized type: ${dtKind}`);
  if (dtKind === 'string') {
    if (st === 'string') return;
    // An integer converts to a string type (reflect's int → string), and is then refused.
    if (st === 'int64') throw new ConvertError(`cannot convert int64 to ${dtName}`);
    throw new ConvertError(`unrecognized type: ${dtKind}`);
  }
  if (dtKind === 'bool') {
    if (st !== 'bool') throw new ConvertError('unrecognized type: bool');
    return;
  }
  // Integers: from int64, or from a float64 with no fraction.
  if (st === 'int64') return;
  if (st === 'float64') {
    if (Number.isInteger(v)) return;
    throw new ConvertError(`cannot convert float64 to ${dtName}`);
  }
  throw new ConvertError(`unrecognized type: ${dtKind}`);
}

interface Walk {
  path: string;
  unknown: string[];
}

function push(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function value(f: FieldType, v: unknown, w: Walk, named: string | undefined): void {
  if (v === null || v === undefined) return; // the zero value
  switch (f.t) {
    case 'any':
    case 'intOrString':
      return;
    case 'bytes': {
      // sliceFromUnstructured: a string is base64 (json.Unmarshal into []byte), a list is bytes.
      const k = kindOf(v);
      if (k === 'string') {
        const r = v === '' ? undefined : base64Decode(v as string);
        if (r && !r.ok)
          throw new ConvertError(`error decoding from json: illegal base64 data at input byte ${r.at}`);
        return;
      }
      if (k !== 'slice') throw new ConvertError(`cannot restore slice from ${k}`);
      return;
    }
    case 'string':
    case 'int':
    case 'bool':
      simple(v, f, named);
      return;
    case 'map': {
      if (kindOf(v) !== 'map') throw new ConvertError(`cannot restore map from ${kindOf(v)}`);
      for (const k of Object.keys(v as Any))
        value(f.value, (v as Any)[k], { ...w, path: push(w.path, k) }, undefined);
      return;
    }
    case 'array': {
      if (kindOf(v) !== 'slice') throw new ConvertError(`cannot restore slice from ${kindOf(v)}`);
      (v as unknown[]).forEach((x, i) => {
        value(f.elem, x, { ...w, path: `${w.path}[${i}]` }, undefined);
      });
      return;
    }
    case 'struct':
      struct(f.s, v, w);
      return;
  }
}

function struct(s: StructDef, v: unknown, w: Walk): void {
  if (kindOf(v) !== 'map') throw new ConvertError(`cannot restore struct from: ${kindOf(v)}`);
  const obj = v as Record<string, unknown>;
  // Declared fields in order, then the keys the type does not have.
  for (const [k, f] of Object.entries(s.fields)) {
    if (Object.hasOwn(obj, k)) value(f, obj[k], { ...w, path: push(w.path, k) }, NAMED[s.go]?.[k]);
  }
  for (const k of Object.keys(obj)) if (!Object.hasOwn(s.fields, k)) w.unknown.push(push(w.path, k));
}

/** The converter's first error, or the unknown fields' paths. */
export function convertCheck(root: StructDef, obj: unknown): { error: string } | { unknown: string[] } {
  const w: Walk = { path: '', unknown: [] };
  try {
    struct(root, obj, w);
  } catch (e) {
    if (e instanceof ConvertError) return { error: e.message };
    throw e;
  }
  return { unknown: w.unknown };
}
