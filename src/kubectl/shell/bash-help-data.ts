// bash 5.2.15's help texts (builtins/*.def short_doc and long_doc), as `help` prints them on
// bookworm (C locale). Generated from the real bash: `help -s NAME`, `help -d NAME` for every
// entry of shell_builtins (in its order, the order `help` lists them) and `help NAME` for the
// builtins the Pod bash runs (the long text without help's 4-space indent).

/** [name, synopsis (short_doc), description (the long doc's first line)], in shell_builtins order. */
export const HELP_ENTRIES: [string, string, string][] = [
  ['%', 'job_spec [&]', 'Resume job in foreground.'],
  ['(( ... ))', '(( expression ))', 'Evaluate arithmetic expression.'],
  ['.', '. filename [arguments]', 'Execute commands from a file in the current shell.'],
  [':', ':', 'Null command.'],
  ['[', '[ arg... ]', 'Evaluate conditional expression.'],
  ['[[ ... ]]', '[[ expression ]]', 'Execute conditional command.'],
  ['alias', 'alias [-p] [name[=value] ... ]', 'Define or display aliases.'],
  ['bg', 'bg [job_spec ...]', 'Move jobs to the background.'],
  [
    'bind',
    'bind [-lpsvPSVX] [-m keymap] [-f filename] [-q name] [-u name] [-r keyseq] [-x keyseq:shell-command] [keyseq:readline-function or readline-command]',
    'Set Readline key bindings and variables.',
  ],
  ['break', 'break [n]', 'Exit for, while, or until loops.'],
  ['builtin', 'builtin [shell-builtin [arg ...]]', 'Execute shell builtins.'],
  ['caller', 'caller [expr]', 'Return the context of the current subroutine call.'],
  [
    'case',
    'case WORD in [PATTERN [| PATTERN]...) COMMANDS ;;]... esac',
    'Execute commands based on pattern matching.',
  ],
  ['cd', 'cd [-L|[-P [-e]] [-@]] [dir]', 'Change the shell working directory.'],
  [
    'command',
    'command [-pVv] command [arg ...]',
    'Execute a simple command or display information about commands.',
  ],
  [
    'compgen',
    'compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]',
    'Display possible completions depending on the options.',
  ],
  [
    'complete',
    'complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]',
    'Specify how arguments are to be completed by Readline.',
  ],
  ['compopt', 'compopt [-o|+o option] [-DEI] [name ...]', 'Modify or display completion options.'],
  ['continue', 'continue [n]', 'Resume for, while, or until loops.'],
  ['coproc', 'coproc [NAME] command [redirections]', 'Create a coprocess named NAME.'],
  [
    'declare',
    'declare [-aAfFgiIlnrtux] [name[=value] ...] or declare -p [-aAfFilnrtux] [name ...]',
    'Set variable values and attributes.',
  ],
  ['dirs', 'dirs [-clpv] [+N] [-N]', 'Display directory stack.'],
  ['disown', 'disown [-h] [-ar] [jobspec ... | pid ...]', 'Remove jobs from current shell.'],
  ['echo', 'echo [-neE] [arg ...]', 'Write arguments to the standard output.'],
  ['enable', 'enable [-a] [-dnps] [-f filename] [name ...]', 'Enable and disable shell builtins.'],
  ['eval', 'eval [arg ...]', 'Execute arguments as a shell command.'],
  [
    'exec',
    'exec [-cl] [-a name] [command [argument ...]] [redirection ...]',
    'Replace the shell with the given command.',
  ],
  ['exit', 'exit [n]', 'Exit the shell.'],
  ['export', 'export [-fn] [name[=value] ...] or export -p', 'Set export attribute for shell variables.'],
  ['false', 'false', 'Return an unsuccessful result.'],
  [
    'fc',
    'fc [-e ename] [-lnr] [first] [last] or fc -s [pat=rep] [command]',
    'Display or execute commands from the history list.',
  ],
  ['fg', 'fg [job_spec]', 'Move job to the foreground.'],
  ['for', 'for NAME [in WORDS ... ] ; do COMMANDS; done', 'Execute commands for each member in a list.'],
  ['for ((', 'for (( exp1; exp2; exp3 )); do COMMANDS; done', 'Arithmetic for loop.'],
  ['function', 'function name { COMMANDS ; } or name () { COMMANDS ; }', 'Define shell function.'],
  ['getopts', 'getopts optstring name [arg ...]', 'Parse option arguments.'],
  ['hash', 'hash [-lr] [-p pathname] [-dt] [name ...]', 'Remember or display program locations.'],
  ['help', 'help [-dms] [pattern ...]', 'Display information about builtin commands.'],
  [
    'history',
    'history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]',
    'Display or manipulate the history list.',
  ],
  [
    'if',
    'if COMMANDS; then COMMANDS; [ elif COMMANDS; then COMMANDS; ]... [ else COMMANDS; ] fi',
    'Execute commands based on conditional.',
  ],
  ['jobs', 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]', 'Display status of jobs.'],
  [
    'kill',
    'kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]',
    'Send a signal to a job.',
  ],
  ['let', 'let arg [arg ...]', 'Evaluate arithmetic expressions.'],
  ['local', 'local [option] name[=value] ...', 'Define local variables.'],
  ['logout', 'logout [n]', 'Exit a login shell.'],
  [
    'mapfile',
    'mapfile [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
    'Read lines from the standard input into an indexed array variable.',
  ],
  ['popd', 'popd [-n] [+N | -N]', 'Remove directories from stack.'],
  [
    'printf',
    'printf [-v var] format [arguments]',
    'Formats and prints ARGUMENTS under control of the FORMAT.',
  ],
  ['pushd', 'pushd [-n] [+N | -N | dir]', 'Add directories to stack.'],
  ['pwd', 'pwd [-LP]', 'Print the name of the current working directory.'],
  [
    'read',
    'read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]',
    'Read a line from the standard input and split it into fields.',
  ],
  [
    'readarray',
    'readarray [-d delim] [-n count] [-O origin] [-s count] [-t] [-u fd] [-C callback] [-c quantum] [array]',
    'Read lines from a file into an array variable.',
  ],
  ['readonly', 'readonly [-aAf] [name[=value] ...] or readonly -p', 'Mark shell variables as unchangeable.'],
  ['return', 'return [n]', 'Return from a shell function.'],
  [
    'select',
    'select NAME [in WORDS ... ;] do COMMANDS; done',
    'Select words from a list and execute commands.',
  ],
  [
    'set',
    'set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]',
    'Set or unset values of shell options and positional parameters.',
  ],
  ['shift', 'shift [n]', 'Shift positional parameters.'],
  ['shopt', 'shopt [-pqsu] [-o] [optname ...]', 'Set and unset shell options.'],
  ['source', 'source filename [arguments]', 'Execute commands from a file in the current shell.'],
  ['suspend', 'suspend [-f]', 'Suspend shell execution.'],
  ['test', 'test [expr]', 'Evaluate conditional expression.'],
  ['time', 'time [-p] pipeline', "Report time consumed by pipeline's execution."],
  ['times', 'times', 'Display process times.'],
  ['trap', 'trap [-lp] [[arg] signal_spec ...]', 'Trap signals and other events.'],
  ['true', 'true', 'Return a successful result.'],
  ['type', 'type [-afptP] name [name ...]', 'Display information about command type.'],
  [
    'typeset',
    'typeset [-aAfFgiIlnrtux] name[=value] ... or typeset -p [-aAfFilnrtux] [name ...]',
    'Set variable values and attributes.',
  ],
  ['ulimit', 'ulimit [-SHabcdefiklmnpqrstuvxPRT] [limit]', 'Modify shell resource limits.'],
  ['umask', 'umask [-p] [-S] [mode]', 'Display or set file mode mask.'],
  ['unalias', 'unalias [-a] name [name ...]', 'Remove each NAME from the list of defined aliases.'],
  [
    'unset',
    'unset [-f] [-v] [-n] [name ...]',
    'Unset values and attributes of shell variables and functions.',
  ],
  ['until', 'until COMMANDS; do COMMANDS-2; done', 'Execute commands as long as a test does not succeed.'],
  [
    'variables',
    'variables - Names and meanings of some shell variables',
    'Common shell variable names and usage.',
  ],
  ['wait', 'wait [-fn] [-p var] [id ...]', 'Wait for job completion and return exit status.'],
  ['while', 'while COMMANDS; do COMMANDS-2; done', 'Execute commands as long as a test succeeds.'],
  ['{ ... }', '{ COMMANDS ; }', 'Group commands as a unit.'],
];

/** `help NAME`'s text after its first line, unindented, for the builtins the Pod bash has. */
export const HELP_LONG: Record<string, string> = {
  ':':
    'Null command.\n' +
    '\n' +
    'No effect; the command does nothing.\n' +
    '\n' +
    'Exit Status:\n' +
    'Always succeeds.\n',
  '.':
    'Execute commands from a file in the current shell.\n' +
    '\n' +
    'Read and execute commands from FILENAME in the current shell.  The\n' +
    'entries in $PATH are used to find the directory containing FILENAME.\n' +
    'If any ARGUMENTS are supplied, they become the positional parameters\n' +
    'when FILENAME is executed.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns the status of the last command executed in FILENAME; fails if\n' +
    'FILENAME cannot be read.\n',
  '[':
    'Evaluate conditional expression.\n' +
    '\n' +
    'This is a synonym for the "test" builtin, but the last argument must\n' +
    "be a literal `]', to match the opening `['.\n",
  alias:
    'Define or display aliases.\n' +
    '\n' +
    "Without arguments, `alias' prints the list of aliases in the reusable\n" +
    "form `alias NAME=VALUE' on standard output.\n" +
    '\n' +
    'Otherwise, an alias is defined for each NAME whose VALUE is given.\n' +
    'A trailing space in VALUE causes the next word to be checked for\n' +
    'alias substitution when the alias is expanded.\n' +
    '\n' +
    'Options:\n' +
    '  -p\tprint all defined aliases in a reusable format\n' +
    '\n' +
    'Exit Status:\n' +
    'alias returns true unless a NAME is supplied for which no alias has been\n' +
    'defined.\n',
  break:
    'Exit for, while, or until loops.\n' +
    '\n' +
    'Exit a FOR, WHILE or UNTIL loop.  If N is specified, break N enclosing\n' +
    'loops.\n' +
    '\n' +
    'Exit Status:\n' +
    'The exit status is 0 unless N is not greater than or equal to 1.\n',
  cd:
    'Change the shell working directory.\n' +
    '\n' +
    'Change the current directory to DIR.  The default DIR is the value of the\n' +
    'HOME shell variable. If DIR is "-", it is converted to $OLDPWD.\n' +
    '\n' +
    'The variable CDPATH defines the search path for the directory containing\n' +
    'DIR.  Alternative directory names in CDPATH are separated by a colon (:).\n' +
    'A null directory name is the same as the current directory.  If DIR begins\n' +
    'with a slash (/), then CDPATH is not used.\n' +
    '\n' +
    "If the directory is not found, and the shell option `cdable_vars' is set,\n" +
    'the word is assumed to be  a variable name.  If that variable has a value,\n' +
    'its value is used for DIR.\n' +
    '\n' +
    'Options:\n' +
    '  -L\tforce symbolic links to be followed: resolve symbolic\n' +
    "\t\tlinks in DIR after processing instances of `..'\n" +
    '  -P\tuse the physical directory structure without following\n' +
    '\t\tsymbolic links: resolve symbolic links in DIR before\n' +
    "\t\tprocessing instances of `..'\n" +
    '  -e\tif the -P option is supplied, and the current working\n' +
    '\t\tdirectory cannot be determined successfully, exit with\n' +
    '\t\ta non-zero status\n' +
    '  -@\ton systems that support it, present a file with extended\n' +
    '\t\tattributes as a directory containing the file attributes\n' +
    '\n' +
    "The default is to follow symbolic links, as if `-L' were specified.\n" +
    "`..' is processed by removing the immediately previous pathname component\n" +
    'back to a slash or the beginning of DIR.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns 0 if the directory is changed, and if $PWD is set successfully when\n' +
    '-P is used; non-zero otherwise.\n',
  continue:
    'Resume for, while, or until loops.\n' +
    '\n' +
    'Resumes the next iteration of the enclosing FOR, WHILE or UNTIL loop.\n' +
    'If N is specified, resumes the Nth enclosing loop.\n' +
    '\n' +
    'Exit Status:\n' +
    'The exit status is 0 unless N is not greater than or equal to 1.\n',
  echo:
    'Write arguments to the standard output.\n' +
    '\n' +
    'Display the ARGs, separated by a single space character and followed by a\n' +
    'newline, on the standard output.\n' +
    '\n' +
    'Options:\n' +
    '  -n\tdo not append a newline\n' +
    '  -e\tenable interpretation of the following backslash escapes\n' +
    '  -E\texplicitly suppress interpretation of backslash escapes\n' +
    '\n' +
    "`echo' interprets the following backslash-escaped characters:\n" +
    '  \\a\talert (bell)\n' +
    '  \\b\tbackspace\n' +
    '  \\c\tsuppress further output\n' +
    '  \\e\tescape character\n' +
    '  \\E\tescape character\n' +
    '  \\f\tform feed\n' +
    '  \\n\tnew line\n' +
    '  \\r\tcarriage return\n' +
    '  \\t\thorizontal tab\n' +
    '  \\v\tvertical tab\n' +
    '  \\\\\tbackslash\n' +
    '  \\0nnn\tthe character whose ASCII code is NNN (octal).  NNN can be\n' +
    '\t\t0 to 3 octal digits\n' +
    '  \\xHH\tthe eight-bit character whose value is HH (hexadecimal).  HH\n' +
    '\t\tcan be one or two hex digits\n' +
    '  \\uHHHH\tthe Unicode character whose value is the hexadecimal value HHHH.\n' +
    '\t\tHHHH can be one to four hex digits.\n' +
    '  \\UHHHHHHHH the Unicode character whose value is the hexadecimal value\n' +
    '\t\tHHHHHHHH. HHHHHHHH can be one to eight hex digits.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless a write error occurs.\n',
  exit:
    'Exit the shell.\n' +
    '\n' +
    'Exits the shell with a status of N.  If N is omitted, the exit status\n' +
    'is that of the last command executed.\n',
  export:
    'Set export attribute for shell variables.\n' +
    '\n' +
    'Marks each NAME for automatic export to the environment of subsequently\n' +
    'executed commands.  If VALUE is supplied, assign VALUE before exporting.\n' +
    '\n' +
    'Options:\n' +
    '  -f\trefer to shell functions\n' +
    '  -n\tremove the export property from each NAME\n' +
    '  -p\tdisplay a list of all exported variables and functions\n' +
    '\n' +
    "An argument of `--' disables further option processing.\n" +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless an invalid option is given or NAME is invalid.\n',
  false: 'Return an unsuccessful result.\n' + '\n' + 'Exit Status:\n' + 'Always fails.\n',
  hash:
    'Remember or display program locations.\n' +
    '\n' +
    'Determine and remember the full pathname of each command NAME.  If\n' +
    'no arguments are given, information about remembered commands is displayed.\n' +
    '\n' +
    'Options:\n' +
    '  -d\tforget the remembered location of each NAME\n' +
    '  -l\tdisplay in a format that may be reused as input\n' +
    '  -p pathname\tuse PATHNAME as the full pathname of NAME\n' +
    '  -r\tforget all remembered locations\n' +
    '  -t\tprint the remembered location of each NAME, preceding\n' +
    '\t\teach location with the corresponding NAME if multiple\n' +
    '\t\tNAMEs are given\n' +
    'Arguments:\n' +
    '  NAME\tEach NAME is searched for in $PATH and added to the list\n' +
    '\t\tof remembered commands.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless NAME is not found or an invalid option is given.\n',
  help:
    'Display information about builtin commands.\n' +
    '\n' +
    'Displays brief summaries of builtin commands.  If PATTERN is\n' +
    'specified, gives detailed help on all commands matching PATTERN,\n' +
    'otherwise the list of help topics is printed.\n' +
    '\n' +
    'Options:\n' +
    '  -d\toutput short description for each topic\n' +
    '  -m\tdisplay usage in pseudo-manpage format\n' +
    '  -s\toutput only a short usage synopsis for each topic matching\n' +
    '\t\tPATTERN\n' +
    '\n' +
    'Arguments:\n' +
    '  PATTERN\tPattern specifying a help topic\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless PATTERN is not found or an invalid option is given.\n',
  history:
    'Display or manipulate the history list.\n' +
    '\n' +
    'Display the history list with line numbers, prefixing each modified\n' +
    "entry with a `*'.  An argument of N lists only the last N entries.\n" +
    '\n' +
    'Options:\n' +
    '  -c\tclear the history list by deleting all of the entries\n' +
    '  -d offset\tdelete the history entry at position OFFSET. Negative\n' +
    '\t\toffsets count back from the end of the history list\n' +
    '\n' +
    '  -a\tappend history lines from this session to the history file\n' +
    '  -n\tread all history lines not already read from the history file\n' +
    '\t\tand append them to the history list\n' +
    '  -r\tread the history file and append the contents to the history\n' +
    '\t\tlist\n' +
    '  -w\twrite the current history to the history file\n' +
    '\n' +
    '  -p\tperform history expansion on each ARG and display the result\n' +
    '\t\twithout storing it in the history list\n' +
    '  -s\tappend the ARGs to the history list as a single entry\n' +
    '\n' +
    'If FILENAME is given, it is used as the history file.  Otherwise,\n' +
    'if HISTFILE has a value, that is used, else ~/.bash_history.\n' +
    '\n' +
    'If the HISTTIMEFORMAT variable is set and not null, its value is used\n' +
    'as a format string for strftime(3) to print the time stamp associated\n' +
    'with each displayed history entry.  No time stamps are printed otherwise.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless an invalid option is given or an error occurs.\n',
  printf:
    'Formats and prints ARGUMENTS under control of the FORMAT.\n' +
    '\n' +
    'Options:\n' +
    '  -v var\tassign the output to shell variable VAR rather than\n' +
    '\t\tdisplay it on the standard output\n' +
    '\n' +
    'FORMAT is a character string which contains three types of objects: plain\n' +
    'characters, which are simply copied to standard output; character escape\n' +
    'sequences, which are converted and copied to the standard output; and\n' +
    'format specifications, each of which causes printing of the next successive\n' +
    'argument.\n' +
    '\n' +
    'In addition to the standard format specifications described in printf(1),\n' +
    'printf interprets:\n' +
    '\n' +
    '  %b\texpand backslash escape sequences in the corresponding argument\n' +
    '  %q\tquote the argument in a way that can be reused as shell input\n' +
    '  %Q\tlike %q, but apply any precision to the unquoted argument before\n' +
    '\t\tquoting\n' +
    '  %(fmt)T\toutput the date-time string resulting from using FMT as a format\n' +
    '\t        string for strftime(3)\n' +
    '\n' +
    'The format is re-used as necessary to consume all of the arguments.  If\n' +
    'there are fewer arguments than the format requires,  extra format\n' +
    'specifications behave as if a zero value or null string, as appropriate,\n' +
    'had been supplied.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless an invalid option is given or a write or assignment\n' +
    'error occurs.\n',
  pwd:
    'Print the name of the current working directory.\n' +
    '\n' +
    'Options:\n' +
    '  -L\tprint the value of $PWD if it names the current working\n' +
    '\t\tdirectory\n' +
    '  -P\tprint the physical directory, without any symbolic links\n' +
    '\n' +
    "By default, `pwd' behaves as if `-L' were specified.\n" +
    '\n' +
    'Exit Status:\n' +
    'Returns 0 unless an invalid option is given or the current directory\n' +
    'cannot be read.\n',
  shopt:
    'Set and unset shell options.\n' +
    '\n' +
    'Change the setting of each shell option OPTNAME.  Without any option\n' +
    'arguments, list each supplied OPTNAME, or all shell options if no\n' +
    'OPTNAMEs are given, with an indication of whether or not each is set.\n' +
    '\n' +
    'Options:\n' +
    "  -o\trestrict OPTNAMEs to those defined for use with `set -o'\n" +
    '  -p\tprint each shell option with an indication of its status\n' +
    '  -q\tsuppress output\n' +
    '  -s\tenable (set) each OPTNAME\n' +
    '  -u\tdisable (unset) each OPTNAME\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success if OPTNAME is enabled; fails if an invalid option is\n' +
    'given or OPTNAME is disabled.\n',
  source:
    'Execute commands from a file in the current shell.\n' +
    '\n' +
    'Read and execute commands from FILENAME in the current shell.  The\n' +
    'entries in $PATH are used to find the directory containing FILENAME.\n' +
    'If any ARGUMENTS are supplied, they become the positional parameters\n' +
    'when FILENAME is executed.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns the status of the last command executed in FILENAME; fails if\n' +
    'FILENAME cannot be read.\n',
  test:
    'Evaluate conditional expression.\n' +
    '\n' +
    'Exits with a status of 0 (true) or 1 (false) depending on\n' +
    'the evaluation of EXPR.  Expressions may be unary or binary.  Unary\n' +
    'expressions are often used to examine the status of a file.  There\n' +
    'are string operators and numeric comparison operators as well.\n' +
    '\n' +
    'The behavior of test depends on the number of arguments.  Read the\n' +
    'bash manual page for the complete specification.\n' +
    '\n' +
    'File operators:\n' +
    '\n' +
    '  -a FILE        True if file exists.\n' +
    '  -b FILE        True if file is block special.\n' +
    '  -c FILE        True if file is character special.\n' +
    '  -d FILE        True if file is a directory.\n' +
    '  -e FILE        True if file exists.\n' +
    '  -f FILE        True if file exists and is a regular file.\n' +
    '  -g FILE        True if file is set-group-id.\n' +
    '  -h FILE        True if file is a symbolic link.\n' +
    '  -L FILE        True if file is a symbolic link.\n' +
    "  -k FILE        True if file has its `sticky' bit set.\n" +
    '  -p FILE        True if file is a named pipe.\n' +
    '  -r FILE        True if file is readable by you.\n' +
    '  -s FILE        True if file exists and is not empty.\n' +
    '  -S FILE        True if file is a socket.\n' +
    '  -t FD          True if FD is opened on a terminal.\n' +
    '  -u FILE        True if the file is set-user-id.\n' +
    '  -w FILE        True if the file is writable by you.\n' +
    '  -x FILE        True if the file is executable by you.\n' +
    '  -O FILE        True if the file is effectively owned by you.\n' +
    '  -G FILE        True if the file is effectively owned by your group.\n' +
    '  -N FILE        True if the file has been modified since it was last read.\n' +
    '\n' +
    '  FILE1 -nt FILE2  True if file1 is newer than file2 (according to\n' +
    '                   modification date).\n' +
    '\n' +
    '  FILE1 -ot FILE2  True if file1 is older than file2.\n' +
    '\n' +
    '  FILE1 -ef FILE2  True if file1 is a hard link to file2.\n' +
    '\n' +
    'All file operators except -h and -L are acting on the target of a symbolic\n' +
    'link, not on the symlink itself, if FILE is a symbolic link.\n' +
    '\n' +
    'String operators:\n' +
    '\n' +
    '  -z STRING      True if string is empty.\n' +
    '\n' +
    '  -n STRING\n' +
    '     STRING      True if string is not empty.\n' +
    '\n' +
    '  STRING1 = STRING2\n' +
    '                 True if the strings are equal.\n' +
    '  STRING1 != STRING2\n' +
    '                 True if the strings are not equal.\n' +
    '  STRING1 < STRING2\n' +
    '                 True if STRING1 sorts before STRING2 lexicographically.\n' +
    '  STRING1 > STRING2\n' +
    '                 True if STRING1 sorts after STRING2 lexicographically.\n' +
    '\n' +
    'Other operators:\n' +
    '\n' +
    '  -o OPTION      True if the shell option OPTION is enabled.\n' +
    '  -v VAR         True if the shell variable VAR is set.\n' +
    '  -R VAR         True if the shell variable VAR is set and is a name\n' +
    '                 reference.\n' +
    '  ! EXPR         True if expr is false.\n' +
    '  EXPR1 -a EXPR2 True if both expr1 AND expr2 are true.\n' +
    '  EXPR1 -o EXPR2 True if either expr1 OR expr2 is true.\n' +
    '\n' +
    '  arg1 OP arg2   Arithmetic tests.  OP is one of -eq, -ne,\n' +
    '                 -lt, -le, -gt, or -ge.\n' +
    '\n' +
    'Arithmetic binary operators return true if ARG1 is equal, not-equal,\n' +
    'less-than, less-than-or-equal, greater-than, or greater-than-or-equal\n' +
    'than ARG2.\n' +
    '\n' +
    'See the bash manual page bash(1) for the handling of parameters (i.e.\n' +
    'missing parameters).\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success if EXPR evaluates to true; fails if EXPR evaluates to\n' +
    'false or an invalid argument is given.\n',
  true: 'Return a successful result.\n' + '\n' + 'Exit Status:\n' + 'Always succeeds.\n',
  type:
    'Display information about command type.\n' +
    '\n' +
    'For each NAME, indicate how it would be interpreted if used as a\n' +
    'command name.\n' +
    '\n' +
    'Options:\n' +
    '  -a\tdisplay all locations containing an executable named NAME;\n' +
    '\t\tincludes aliases, builtins, and functions, if and only if\n' +
    "\t\tthe `-p' option is not also used\n" +
    '  -f\tsuppress shell function lookup\n' +
    '  -P\tforce a PATH search for each NAME, even if it is an alias,\n' +
    '\t\tbuiltin, or function, and returns the name of the disk file\n' +
    '\t\tthat would be executed\n' +
    '  -p\treturns either the name of the disk file that would be executed,\n' +
    "\t\tor nothing if `type -t NAME' would not return `file'\n" +
    "  -t\toutput a single word which is one of `alias', `keyword',\n" +
    "\t\t`function', `builtin', `file' or `', if NAME is an alias,\n" +
    '\t\tshell reserved word, shell function, shell builtin, disk file,\n' +
    '\t\tor not found, respectively\n' +
    '\n' +
    'Arguments:\n' +
    '  NAME\tCommand name to be interpreted.\n' +
    '\n' +
    'Exit Status:\n' +
    'Returns success if all of the NAMEs are found; fails if any are not found.\n',
  unalias:
    'Remove each NAME from the list of defined aliases.\n' +
    '\n' +
    'Options:\n' +
    '  -a\tremove all alias definitions\n' +
    '\n' +
    'Return success unless a NAME is not an existing alias.\n',
  unset:
    'Unset values and attributes of shell variables and functions.\n' +
    '\n' +
    'For each NAME, remove the corresponding variable or function.\n' +
    '\n' +
    'Options:\n' +
    '  -f\ttreat each NAME as a shell function\n' +
    '  -v\ttreat each NAME as a shell variable\n' +
    '  -n\ttreat each NAME as a name reference and unset the variable itself\n' +
    '\t\trather than the variable it references\n' +
    '\n' +
    'Without options, unset first tries to unset a variable, and if that fails,\n' +
    'tries to unset a function.\n' +
    '\n' +
    "Some variables cannot be unset; also see `readonly'.\n" +
    '\n' +
    'Exit Status:\n' +
    'Returns success unless an invalid option is given or a NAME is read-only.\n',
};
