// metav1.Status failures with the API server's exact texts (reference §B0, §C8).
import { KINDS, type KindInfo, qualifiedKind, qualifiedResource } from '../api/kinds';
import type { KindName } from '../api/types';
import type { ApiError, StatusCause } from '../contract';

export function notFound(kind: KindName, name: string): ApiError {
  const k = KINDS[kind];
  return {
    code: 404,
    reason: 'NotFound',
    message: `${qualifiedResource(kind)} "${name}" not found`,
    details: { kind: k.resource, ...(k.group ? { group: k.group } : {}), name },
  };
}

export function namespaceNotFound(ns: string): ApiError {
  return {
    code: 404,
    reason: 'NotFound',
    message: `namespaces "${ns}" not found`,
    details: { kind: 'namespaces', name: ns },
  };
}

export function alreadyExists(kind: KindName, name: string): ApiError {
  const k = KINDS[kind];
  return {
    code: 409,
    reason: 'AlreadyExists',
    message: `${qualifiedResource(kind)} "${name}" already exists`,
    details: { kind: k.resource, ...(k.group ? { group: k.group } : {}), name },
  };
}

export function conflict(kind: KindName, name: string, detail: string): ApiError {
  const k = KINDS[kind];
  return {
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${qualifiedResource(kind)} "${name}": ${detail}`,
    details: { kind: k.resource, name },
  };
}

/** One field error: `spec.ports[0].port` + `Invalid value: 0: must be between 1 and 65535, inclusive`. */
export type FieldError = StatusCause;

export const required = (field: string): FieldError => ({ field, message: 'Required value' });

/** `Invalid value: <value>: <detail>`; strings quoted, numbers bare, objects as JSON (1.34 format). */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { field, message: `Invalid value: ${formatValue(value)}: ${detail}` };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, message: `Forbidden: ${detail}` };
}

export function unsupported(field: string, value: unknown, allowed: string[]): FieldError {
  return {
    field,
    message: `Unsupported value: ${formatValue(value)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`,
  };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { field, message: `Duplicate value: ${formatValue(value)}` };
}

export function tooLong(field: string, _value: unknown, max: number): FieldError {
  return { field, message: `Too long: may not be more than ${max} bytes` };
}

/** apimachinery field/errors.go (1.34+): JSON for composite values, quoted strings, bare numbers. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return JSON.stringify(v);
  return JSON.stringify(sortKeys(v));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) out[k] = sortKeys(o[k]);
    return out;
  }
  return v;
}

/**
 * 422: `Service "x" is invalid: spec.ports: Required value`, or `[a, b]` with several causes.
 * errors.NewInvalid keeps every cause but builds the message from ErrorList.ToAggregate, which
 * drops a repeated `field: message` (apimachinery field/errors.go), so the text names each once.
 */
export function invalidError(kind: KindName, name: string, causes: FieldError[]): ApiError {
  const k: KindInfo = KINDS[kind];
  const parts = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
  const body = parts.length === 1 ? parts[0] : `[${parts.join(', ')}]`;
  return {
    code: 422,
    reason: 'Invalid',
    message: `${qualifiedKind(kind)} "${name}" is invalid: ${body}`,
    details: { kind, ...(k.group ? { group: k.group } : {}), name, causes },
  };
}

/** errors.NewInternalError: a plain error the registry returned, as a 500. */
export function internalError(message: string): ApiError {
  return { code: 500, reason: 'InternalError', message: `Internal error occurred: ${message}` };
}

export function badRequest(message: string): ApiError {
  return { code: 400, reason: 'BadRequest', message };
}
