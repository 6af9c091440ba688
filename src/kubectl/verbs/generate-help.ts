// `kubectl <verb> --help` as kubectl 1.34's templater lays it out on a 120-column terminal
// [kubectl pkg/util/templates/templater.go, help_flags_printer.go, pkg/util/term/term_writer.go]:
// each flag as `    -s, --name=default:` then its usage wrapped at 120-10 columns behind a tab;
// flags in name order; the whole text through go-wordwrap at 120 columns.

export interface HelpFlag {
  name: string;
  short?: string;
  /** pflag's DefValue as shown: strings are quoted (`''`, `'none'`), others bare (`false`, `[]`). */
  def: string;
  usage: string;
}

/** mitchellh/go-wordwrap WrapString: greedy, a break eats the spaces before it. */
export function goWordWrap(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const ch of s) {
    if (ch === '\n') {
      if (word.length === 0) {
        if (current + space.length <= lim) out += space;
      } else {
        out += space + word;
      }
      space = '';
      word = '';
      out += ch;
      current = 0;
    } else if (/\s/.test(ch) && ch !== '\u00a0') {
      if (space.length === 0 || word.length > 0) {
        current += space.length + word.length;
        out += space + word;
        space = '';
        word = '';
      }
      space += ch;
    } else {
      word += ch;
      if (current + space.length + word.length > lim && word.length < lim) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word.length === 0) {
    if (current + space.length <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** One flag in the Options list: `    -s, --name=default:` and its usage wrapped at 110 behind a tab. */
export function flagBlock(f: HelpFlag): string {
  const head = `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${f.def}:`;
  return `${head}\n\t${goWordWrap(f.usage, 110).replaceAll('\n', '\n\t')}\n\n`;
}

export function composeHelp(parts: {
  long: string;
  examples: string;
  flags: HelpFlag[];
  usage: string;
}): string {
  const flags = [...parts.flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const options = flags.map(flagBlock).join('').trimEnd();
  const text =
    `${parts.long}\n\nExamples:\n${parts.examples}\n\nOptions:\n${options}\n\nUsage:\n  ${parts.usage} [options]\n\n` +
    'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return goWordWrap(text, 120);
}

/** PrintFlags' `-o` usage (cli-runtime AllowedFormats order). */
export const OUTPUT_USAGE =
  'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).';

export const DRY_RUN_USAGE =
  'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.';
