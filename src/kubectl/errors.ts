// How kubectl prints errors (reference §B0, §B1, §C8) [KUBECTL cmd/util/helpers.go]:
// - a 422 with causes: `The <Kind> "<name>" is invalid: <field>: <detail>`, or, with several
//   causes, `… is invalid: ` (trailing space) then one `* <cause>` line each (MultilineError);
// - a 422 without kind or name (a patch that does not decode): `The request is invalid: <cause>`;
// - any other API status: `Error from server (<Reason>): <message>`, or `Error from server: <message>`
//   when the status has no reason (StatusReasonUnknown is "", which our ApiError spells 'Unknown');
// - client-side failures: `error: <message>`.
// Several errors from one apply print in the raw form, one line each (MultipleErrors).
import type { ApiError } from '../sim/contract';

/** Failures the simulator's apiserver reports but which real kubectl detects client-side. */
const CLIENT_SIDE = [
  /^unable to decode "/,
  /^resource mapping not found for name: /,
  /^the namespace from the provided object /,
  /^error when retrieving current configuration of:/,
  // apply's patch that kubectl could not compute (no patch bytes: `applying patch:\n\nto:`).
  /^error when applying patch:\n\nto:\n/,
];

export function isClientSide(e: ApiError): boolean {
  return CLIENT_SIDE.some((re) => re.test(e.message));
}

/** The single-error ("pretty") form, without a trailing newline. */
export function formatError(e: ApiError): string {
  if (isClientSide(e)) return `error: ${e.message}`;
  if (e.reason === 'Invalid' && e.details && (e.details.kind || e.details.name)) {
    const head = `The ${e.details.kind ?? ''} "${e.details.name ?? ''}" is invalid`;
    const causes = e.details.causes ?? [];
    if (causes.length === 0) return head;
    // statusCausesToAggrError: `<field>: <message>` even when the field is empty (`: Too long: …`),
    // each distinct line once.
    const lines = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
    if (lines.length === 1) return `${head}: ${lines[0]}`;
    return `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  if (e.reason === 'Invalid' && e.details) {
    // checkErr for NewInvalid(GroupKind{}, "") (a PATCH whose result does not decode): `The
    // request is invalid`, then the causes (statusCausesToAggrError: `<field>: <message>`), or the
    // message when there are none.
    const causes = e.details.causes ?? [];
    if (causes.length === 0) return `The request is invalid${e.message ? `: ${e.message}` : ''}`;
    const lines = [...new Set(causes.map((c) => `${c.field}: ${c.message}`))];
    if (lines.length === 1) return `The request is invalid: ${lines[0]}`;
    return `The request is invalid: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  return fromServer(e);
}

function fromServer(e: ApiError): string {
  return e.reason === 'Unknown'
    ? `Error from server: ${e.message}`
    : `Error from server (${e.reason}): ${e.message}`;
}

/** The raw one-line form used when several errors are printed together. */
export function formatErrorRaw(e: ApiError): string {
  if (isClientSide(e)) return e.message;
  return fromServer(e);
}

/** cmdutil.AddSourceToErr: `error when creating "x.yaml": ` in front of a server message. */
export function withSource(e: ApiError, verb: string, source: string): ApiError {
  if (isClientSide(e)) return e;
  return { ...e, message: `error when ${verb} "${source}": ${e.message}` };
}

/**
 * apply's wrapper around a refused PATCH (apply.go applyOneObject around patcher.go Patch, both
 * cmdutil.AddSourceToErr): the patch sent, the object's resource.Info, the file twice. Only the
 * message changes: an Invalid error still prints from its details.
 */
export function withAppliedPatch(e: ApiError, patch: string, info: string, source: string): ApiError {
  if (isClientSide(e)) return e;
  return {
    ...e,
    message: `error when applying patch:\n${patch}\nto:\n${info}\nfor: "${source}": error when patching "${source}": ${e.message}`,
  };
}

/** Print a list of errors the way kubectl's CheckErr prints an aggregate. */
export function printErrors(errors: ApiError[], err: (t: string) => void): void {
  if (errors.length === 1) err(`${formatError(errors[0] as ApiError)}\n`);
  else for (const e of errors) err(`${formatErrorRaw(e)}\n`);
}
