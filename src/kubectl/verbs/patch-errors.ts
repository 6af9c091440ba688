// How checkErr prints the API errors a PATCH can answer beyond the usual ones (errors.ts)
// [KUBECTL cmd/util/helpers.go checkErr, StandardErrorMessage]:
// - reason Invalid without a kind or name (NewInvalid(GroupKind{}, "") for a patch that does not
//   decode, NewGenericServerResponse(422) for a failed JSON patch operation): `The request is
//   invalid: ` and the causes, or the message when there are none;
// - reason "" (a plain error turned into a 500): `Error from server: <message>`.
import type { ApiError } from '../../sim/contract';
import { formatError, formatErrorRaw } from '../errors';

function anonymousInvalid(e: ApiError): boolean {
  return e.reason === 'Invalid' && !e.details?.kind && !e.details?.name;
}

/** The single-error form (no trailing newline). */
export function patchErrorPretty(e: ApiError): string {
  if (e.reason === 'Unknown') return `Error from server: ${e.message}`;
  if (anonymousInvalid(e)) {
    const causes = e.details?.causes ?? [];
    if (!e.details) return `The request is invalid${e.message ? `: ${e.message}` : ''}`;
    if (causes.length === 0) return `The request is invalid${e.message ? `: ${e.message}` : ''}`;
    const lines = causes.map((c) => `${c.field}: ${c.message}`);
    if (lines.length === 1) return `The request is invalid: ${lines[0]}`;
    return `The request is invalid: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  return formatError(e);
}

/** One line of an aggregate (MultipleErrors). */
export function patchErrorRaw(e: ApiError): string {
  if (e.reason === 'Unknown') return `Error from server: ${e.message}`;
  return formatErrorRaw(e);
}
