// bash 5.2.15's help and hash in the nginx Pod (./bash-help.ts). Each expected text is what
// bookworm's bash printed on the host, stdout and stderr together (2>&1), for the same script:
//   env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin bash -c '<script>' 2>&1
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../testing';
import { helpColumns } from './bash-help';

function nginx(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}

const HELP =
  'GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n' +
  "These shell commands are defined internally.  Type `help' to see this list.\n" +
  "Type `help name' to find out more about the function `name'.\n" +
  "Use `info bash' to find out more about the shell in general.\n" +
  "Use `man -k' or `info' to find out more about commands not in this list.\n" +
  '\n' +
  'A star (*) next to a name means that the command is disabled.\n' +
  '\n' +
  ' job_spec [&]                            history [-c] [-d offset] [n] or hist>\n' +
  ' (( expression ))                        if COMMANDS; then COMMANDS; [ elif C>\n' +
  ' . filename [arguments]                  jobs [-lnprs] [jobspec ...] or jobs >\n' +
  ' :                                       kill [-s sigspec | -n signum | -sigs>\n' +
  ' [ arg... ]                              let arg [arg ...]\n' +
  ' [[ expression ]]                        local [option] name[=value] ...\n' +
  ' alias [-p] [name[=value] ... ]          logout [n]\n' +
  ' bg [job_spec ...]                       mapfile [-d delim] [-n count] [-O or>\n' +
  ' bind [-lpsvPSVX] [-m keymap] [-f file>  popd [-n] [+N | -N]\n' +
  ' break [n]                               printf [-v var] format [arguments]\n' +
  ' builtin [shell-builtin [arg ...]]       pushd [-n] [+N | -N | dir]\n' +
  ' caller [expr]                           pwd [-LP]\n' +
  ' case WORD in [PATTERN [| PATTERN]...)>  read [-ers] [-a array] [-d delim] [->\n' +
  ' cd [-L|[-P [-e]] [-@]] [dir]            readarray [-d delim] [-n count] [-O >\n' +
  ' command [-pVv] command [arg ...]        readonly [-aAf] [name[=value] ...] o>\n' +
  ' compgen [-abcdefgjksuv] [-o option] [>  return [n]\n' +
  ' complete [-abcdefgjksuv] [-pr] [-DEI]>  select NAME [in WORDS ... ;] do COMM>\n' +
  ' compopt [-o|+o option] [-DEI] [name .>  set [-abefhkmnptuvxBCEHPT] [-o optio>\n' +
  ' continue [n]                            shift [n]\n' +
  ' coproc [NAME] command [redirections]    shopt [-pqsu] [-o] [optname ...]\n' +
  ' declare [-aAfFgiIlnrtux] [name[=value>  source filename [arguments]\n' +
  ' dirs [-clpv] [+N] [-N]                  suspend [-f]\n' +
  ' disown [-h] [-ar] [jobspec ... | pid >  test [expr]\n' +
  ' echo [-neE] [arg ...]                   time [-p] pipeline\n' +
  ' enable [-a] [-dnps] [-f filename] [na>  times\n' +
  ' eval [arg ...]                          trap [-lp] [[arg] signal_spec ...]\n' +
  ' exec [-cl] [-a name] [command [argume>  true\n' +
  ' exit [n]                                type [-afptP] name [name ...]\n' +
  ' export [-fn] [name[=value] ...] or ex>  typeset [-aAfFgiIlnrtux] name[=value>\n' +
  ' false                                   ulimit [-SHabcdefiklmnpqrstuvxPRT] [>\n' +
  ' fc [-e ename] [-lnr] [first] [last] o>  umask [-p] [-S] [mode]\n' +
  ' fg [job_spec]                           unalias [-a] name [name ...]\n' +
  ' for NAME [in WORDS ... ] ; do COMMAND>  unset [-f] [-v] [-n] [name ...]\n' +
  ' for (( exp1; exp2; exp3 )); do COMMAN>  until COMMANDS; do COMMANDS-2; done\n' +
  ' function name { COMMANDS ; } or name >  variables - Names and meanings of so>\n' +
  ' getopts optstring name [arg ...]        wait [-fn] [-p var] [id ...]\n' +
  ' hash [-lr] [-p pathname] [-dt] [name >  while COMMANDS; do COMMANDS-2; done\n' +
  ' help [-dms] [pattern ...]               { COMMANDS ; }\n';

const MISC =
  'cd: cd [-L|[-P [-e]] [-@]] [dir]\n' +
  '    Change the shell working directory.\n' +
  '    \n' +
  '    Change the current directory to DIR.  The default DIR is the value of the\n' +
  '    HOME shell variable. If DIR is "-", it is converted to $OLDPWD.\n' +
  '    \n' +
  '    The variable CDPATH defines the search path for the directory containing\n' +
  '    DIR.  Alternative directory names in CDPATH are separated by a colon (:).\n' +
  '    A null directory name is the same as the current directory.  If DIR begins\n' +
  '    with a slash (/), then CDPATH is not used.\n' +
  '    \n' +
  "    If the directory is not found, and the shell option `cdable_vars' is set,\n" +
  '    the word is assumed to be  a variable name.  If that variable has a value,\n' +
  '    its value is used for DIR.\n' +
  '    \n' +
  '    Options:\n' +
  '      -L\tforce symbolic links to be followed: resolve symbolic\n' +
  "    \t\tlinks in DIR after processing instances of `..'\n" +
  '      -P\tuse the physical directory structure without following\n' +
  '    \t\tsymbolic links: resolve symbolic links in DIR before\n' +
  "    \t\tprocessing instances of `..'\n" +
  '      -e\tif the -P option is supplied, and the current working\n' +
  '    \t\tdirectory cannot be determined successfully, exit with\n' +
  '    \t\ta non-zero status\n' +
  '      -@\ton systems that support it, present a file with extended\n' +
  '    \t\tattributes as a directory containing the file attributes\n' +
  '    \n' +
  "    The default is to follow symbolic links, as if `-L' were specified.\n" +
  "    `..' is processed by removing the immediately previous pathname component\n" +
  '    back to a slash or the beginning of DIR.\n' +
  '    \n' +
  '    Exit Status:\n' +
  '    Returns 0 if the directory is changed, and if $PWD is set successfully when\n' +
  '    -P is used; non-zero otherwise.\n' +
  'cd - Change the shell working directory.\n' +
  'pwd - Print the name of the current working directory.\n' +
  'hash: hash [-lr] [-p pathname] [-dt] [name ...]\n' +
  "Shell commands matching keyword `pw*'\n" +
  '\n' +
  'pwd: pwd [-LP]\n' +
  '    Print the name of the current working directory.\n' +
  '    \n' +
  '    Options:\n' +
  '      -L\tprint the value of $PWD if it names the current working\n' +
  '    \t\tdirectory\n' +
  '      -P\tprint the physical directory, without any symbolic links\n' +
  '    \n' +
  "    By default, `pwd' behaves as if `-L' were specified.\n" +
  '    \n' +
  '    Exit Status:\n' +
  '    Returns 0 unless an invalid option is given or the current directory\n' +
  '    cannot be read.\n' +
  "bash: line 1: help: no help topics match `nope'.  Try `help help' or `man -k nope' or `info nope'.\n" +
  'rc=1\n' +
  'bash: line 1: help: -z: invalid option\n' +
  'help: usage: help [-dms] [pattern ...]\n' +
  'rc=2\n';

const HASH =
  'hash: hash table empty\n' +
  'rc=0\n' +
  'hits\tcommand\n' +
  '   1\t/usr/bin/env\n' +
  '   2\t/usr/bin/ls\n' +
  '   1\t/usr/bin/cat\n' +
  'ls is hashed (/usr/bin/ls)\n' +
  'ls\t/usr/bin/ls\n' +
  'cat\t/usr/bin/cat\n' +
  'bash: line 1: hash: nope: not found\n' +
  'rc=1\n' +
  'builtin hash -p /usr/bin/env env\n' +
  'builtin hash -p /usr/bin/ls ls\n' +
  'builtin hash -p /usr/bin/cat cat\n' +
  'hits\tcommand\n' +
  '   1\t/usr/bin/env\n' +
  '   4\t/usr/bin/ls\n' +
  '   2\t/usr/bin/cat\n' +
  '   0\t/usr/bin/mkdir\n' +
  'bash: line 1: hash: ls: not found\n' +
  'rc=1\n' +
  'hash: hash table empty\n' +
  'bash: line 1: hash: -z: invalid option\n' +
  'hash: usage: hash [-lr] [-p pathname] [-dt] [name ...]\n' +
  'rc=2\n';

describe('help and hash in the Pod bash', () => {
  it('help: the version line, the preamble and the builtins in two 40-column halves', () => {
    const d = nginx();
    d.kubectl(`exec web -- bash -c 'help'`);
    expect(d.text()).toBe(HELP);
  });

  it('help cd, -d, -s, a pattern, no match (1), an invalid option (2)', () => {
    const d = nginx();
    d.kubectl(
      `exec web -- bash -c 'help cd; help -d cd pwd; help -s hash; help "pw*"; help nope; echo rc=$?; help -z; echo rc=$?'`,
    );
    expect(d.text()).toBe(MISC);
  });

  it("hash: empty, hits after runs (not a pipeline's), type and -t count, -l, -d, -r", () => {
    const d = nginx();
    d.kubectl(
      `exec web -- bash -c 'cd /tmp; hash; echo rc=$?; ls >/dev/null; ls >/dev/null; cat </dev/null; env >/dev/null; ls >/dev/null | cat; hash; type ls; hash -t ls cat; hash -t nope; echo rc=$?; hash -l; hash mkdir; hash; hash -d ls; hash -d ls; echo rc=$?; hash -r; hash; hash -z; echo rc=$?'`,
    );
    expect(d.text()).toBe(HASH);
  });

  it('the list follows COLUMNS as dispcolumn cuts it (host: COLUMNS=N bash -c help for 40, 60, 132, 200)', () => {
    // Checked against the host for these widths (and 7, which falls back to 40): the whole screen matched.
    expect(helpColumns(40).split('\n')[0]).toBe(' job_spec [&]        history [-c] [-d>');
    expect(helpColumns(7)).toBe(helpColumns(80));
  });
});
