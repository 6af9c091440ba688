// kubectl's `Warning:` lines on stderr, yellow on a terminal.
// - The API server's warnings (the response's `Warning: 299` headers: deprecated APIs, the
//   Endpoints deprecation, metadata.finalizers, spec.sessionAffinity …) go through client-go's
//   warningWriter [client-go v0.34.9 rest/warnings.go HandleWarningHeader], which kubectl
//   installs with Color: term.AllowsColorOutput(ErrOut) [kubectl v0.34.9 pkg/cmd/cmd.go
//   NewKubectlCommand]; the Deduplicate it also sets is left to each verb here.
// - kubectl's own WarningPrinter [cli-runtime v0.34.9 pkg/printers/warningprinter.go] (delete's
//   "Immediate deletion …", drain's Pod warnings, set env, debug's waiting container) writes the
//   same bytes with the same Color test.
// - Lines kubectl prints itself with fmt (apply's missing last-applied annotation, "Detected
//   changes to resource …", debug's non-root note, version skew) stay plain: not for this file.
// Colour: `\x1b[33;1mWarning:\x1b[0m MESSAGE\n`; plain: `Warning: MESSAGE\n`.
import type { ProcContext } from './shell/types';

const YELLOW = '\u001b[33;1m';
const RESET = '\u001b[0m';

/**
 * printers.AllowsColorOutput(ErrOut) [cli-runtime v0.34.9 pkg/printers/terminal.go]: stderr is a
 * terminal, TERM is not `dumb`, and NO_COLOR is not set at all (an empty NO_COLOR counts).
 */
export function allowsColorOutput(proc: Pick<ProcContext, 'errTty' | 'env'>): boolean {
  if (proc.errTty !== true) return false;
  if (proc.env.TERM === 'dumb') return false;
  return !Object.hasOwn(proc.env, 'NO_COLOR');
}

/** The line the warningWriter / WarningPrinter writes for `message` (with its newline). */
export function warningLine(proc: Pick<ProcContext, 'errTty' | 'env'>, message: string): string {
  return allowsColorOutput(proc) ? `${YELLOW}Warning:${RESET} ${message}\n` : `Warning: ${message}\n`;
}

/**
 * `line` (`Warning: …`, with or without its newline) as the warningWriter writes it: the prefix
 * coloured when stderr allows it. Text not starting with `Warning: ` is returned as it is.
 */
export function styleWarning(proc: Pick<ProcContext, 'errTty' | 'env'>, line: string): string {
  if (!line.startsWith('Warning: ') || !allowsColorOutput(proc)) return line;
  return `${YELLOW}Warning:${RESET} ${line.slice('Warning: '.length)}`;
}
