// BusyBox 1.34.1 usage texts (the `//usage:` blocks of each applet), printed by bb_show_usage()
// to stderr with exit code 1: banner line, blank line, `Usage: <applet> <trivial>`, full text.
/** Alpine 3.15's build; the timestamp is the package's build time (AUTOCONF_TIMESTAMP). */
export const BUSYBOX_BANNER = 'BusyBox v1.34.1 (2022-07-19 20:11:24 UTC) multi-call binary.';

const USAGE: Record<string, [string, string]> = {
  ping: [
    '[OPTIONS] HOST',
    'Send ICMP ECHO_REQUESTs to HOST\n' +
      '\n\t-4,-6\t\tForce IP or IPv6 name resolution' +
      '\n\t-c CNT\t\tSend only CNT pings' +
      '\n\t-s SIZE\t\tSend SIZE data bytes in packets (default 56)' +
      '\n\t-i SECS\t\tInterval' +
      '\n\t-A\t\tPing as soon as reply is recevied' +
      '\n\t-t TTL\t\tSet TTL' +
      '\n\t-I IFACE/IP\tSource interface or IP address' +
      '\n\t-W SEC\t\tSeconds to wait for the first response (default 10)' +
      '\n\t\t\t(after all -c CNT packets are sent)' +
      '\n\t-w SEC\t\tSeconds until ping exits (default:infinite)' +
      '\n\t\t\t(can exit earlier with -c CNT)' +
      '\n\t-q\t\tQuiet, only display output at start/finish' +
      '\n\t-p HEXBYTE\tPayload pattern',
  ],
  nslookup: [
    '[-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]',
    'Query DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any',
  ],
  wget: [
    "[-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header 'HEADER: VALUE'] [-Y on/off]\n" +
      '\t[--no-check-certificate] [-P DIR] [-U AGENT] [-T SEC] URL...',
    'Retrieve files via HTTP or FTP\n' +
      '\n\t--spider\tOnly check URL existence: $? is 0 if exists' +
      "\n\t--no-check-certificate\tDon't validate the server's certificate" +
      '\n\t-c\t\tContinue retrieval of aborted transfer' +
      '\n\t-q\t\tQuiet' +
      '\n\t-P DIR\t\tSave to DIR (default .)' +
      '\n\t-S    \t\tShow server response' +
      '\n\t-T SEC\t\tNetwork read timeout is SEC seconds' +
      "\n\t-O FILE\t\tSave to FILE ('-' for stdout)" +
      '\n\t-o LOGFILE\tLog messages to FILE' +
      '\n\t-U STR\t\tUse STR for User-Agent header' +
      '\n\t-Y on/off\tUse proxy',
  ],
  sleep: [
    '[N]...',
    'Pause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays',
  ],
  head: [
    '[OPTIONS] [FILE]...',
    'Print first 10 lines of FILEs (or stdin).\nWith more than one FILE, precede each with a filename header.\n' +
      '\n\t-n N[bkm]\tPrint first N lines' +
      '\n\t-n -N[bkm]\tPrint all except N last lines' +
      '\n\t-c [-]N[bkm]\tPrint first N bytes' +
      '\n\t-q\t\tNever print headers' +
      '\n\t-v\t\tAlways print headers',
  ],
  tail: [
    '[OPTIONS] [FILE]...',
    'Print last 10 lines of FILEs (or stdin) to stdout.\nWith more than one FILE, precede each with a filename header.\n' +
      '\n\t-f\t\tPrint data as file grows' +
      '\n\t-c [+]N[bkm]\tPrint last N bytes' +
      '\n\t-n N[bkm]\tPrint last N lines' +
      '\n\t-n +N[bkm]\tStart on Nth line and print the rest' +
      '\n\t-q\t\tNever print headers' +
      '\n\t-s SECONDS\tWait SECONDS between reads with -f' +
      '\n\t-v\t\tAlways print headers' +
      '\n\t-F\t\tSame as -f, but keep retrying',
  ],
  grep: [
    '[-HhnlLoqvsrRiwFE] [-m N] [-A|B|C N] { PATTERN | -e PATTERN... | -f FILE... } [FILE]...',
    'Search for PATTERN in FILEs (or stdin)\n' +
      "\n\t-H\tAdd 'filename:' prefix" +
      "\n\t-h\tDo not add 'filename:' prefix" +
      "\n\t-n\tAdd 'line_no:' prefix" +
      '\n\t-l\tShow only names of files that match' +
      "\n\t-L\tShow only names of files that don't match" +
      '\n\t-c\tShow only count of matching lines' +
      '\n\t-o\tShow only the matching part of line' +
      '\n\t-q\tQuiet. Return 0 if PATTERN is found, 1 otherwise' +
      '\n\t-v\tSelect non-matching lines' +
      '\n\t-s\tSuppress open and read errors' +
      '\n\t-r\tRecurse' +
      '\n\t-R\tRecurse and dereference symlinks' +
      '\n\t-i\tIgnore case' +
      '\n\t-w\tMatch whole words only' +
      '\n\t-x\tMatch whole lines only' +
      '\n\t-F\tPATTERN is a literal (not regexp)' +
      '\n\t-E\tPATTERN is an extended regexp' +
      '\n\t-m N\tMatch up to N times per file' +
      '\n\t-A N\tPrint N lines of trailing context' +
      '\n\t-B N\tPrint N lines of leading context' +
      "\n\t-C N\tSame as '-A N -B N'" +
      '\n\t-e PTRN\tPattern to match' +
      '\n\t-f FILE\tRead pattern from file',
  ],
  nc: [
    '[OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen',
    '\t-e PROG\tRun PROG after connect (must be last)' +
      '\n\t-l\tListen mode, for inbound connects' +
      '\n\t-lk\tWith -e, provides persistent server' +
      '\n\t-p PORT\tLocal port' +
      '\n\t-s ADDR\tLocal address' +
      '\n\t-w SEC\tTimeout for connects and final net reads' +
      '\n\t-i SEC\tDelay interval for lines sent' +
      "\n\t-n\tDon't do DNS resolution" +
      '\n\t-u\tUDP mode' +
      '\n\t-b\tAllow broadcasts' +
      '\n\t-v\tVerbose' +
      '\n\t-o FILE\tHex dump traffic' +
      '\n\t-z\tZero-I/O mode (scanning)',
  ],
  ps: [
    '[-o COL1,COL2=HEADER]',
    'Show list of processes\n\n\t-o COL1,COL2=HEADER\tSelect columns for display',
  ],
  netstat: [
    '[-ral] [-tuwx] [-enWp]',
    'Display networking information\n' +
      '\n\t-r\tRouting table' +
      '\n\t-a\tAll sockets' +
      '\n\t-l\tListening sockets' +
      '\n\t\tElse: connected sockets' +
      '\n\t-t\tTCP sockets' +
      '\n\t-u\tUDP sockets' +
      '\n\t-w\tRaw sockets' +
      '\n\t-x\tUnix sockets' +
      '\n\t\tElse: all socket types' +
      '\n\t-e\tOther/more information' +
      "\n\t-n\tDon't resolve names" +
      '\n\t-W\tWide display' +
      '\n\t-p\tShow PID/program name for sockets',
  ],
  id: [
    '[-ugGnr] [USER]',
    'Print information about USER or the current user\n' +
      '\n\t-u\tUser ID' +
      '\n\t-g\tGroup ID' +
      '\n\t-G\tSupplementary group IDs' +
      '\n\t-n\tPrint names instead of numbers' +
      '\n\t-r\tPrint real ID instead of effective ID',
  ],
  uname: [
    '[-amnrspvio]',
    'Print system information\n' +
      '\n\t-a\tPrint all' +
      '\n\t-m\tMachine (hardware) type' +
      '\n\t-n\tHostname' +
      '\n\t-r\tKernel release' +
      '\n\t-s\tKernel name (default)' +
      '\n\t-p\tProcessor type' +
      '\n\t-v\tKernel version' +
      '\n\t-i\tHardware platform' +
      '\n\t-o\tOS name',
  ],
  date: [
    '[OPTIONS] [+FMT] [[-s] TIME]',
    'Display time (using +FMT), or set time\n' +
      "\n\t-u\t\tWork in UTC (don't convert to local time)" +
      '\n\t[-s] TIME\tSet time to TIME' +
      "\n\t-d TIME\t\tDisplay TIME, not 'now'" +
      '\n\t-D FMT\t\tFMT (strptime format) for -s/-d TIME conversion' +
      '\n\t-r FILE\t\tDisplay last modification time of FILE' +
      '\n\t-R\t\tOutput RFC-2822 date' +
      '\n\t-I[SPEC]\tOutput ISO-8601 date' +
      '\n\t\t\tSPEC=date (default), hours, minutes, seconds or ns' +
      '\n' +
      '\nRecognized TIME formats:' +
      '\n\t@seconds_since_1970' +
      '\n\thh:mm[:ss]' +
      '\n\t[YYYY.]MM.DD-hh:mm[:ss]' +
      '\n\tYYYY-MM-DD hh:mm[:ss]' +
      '\n\t[[[[[YY]YY]MM]DD]hh]mm[.ss]' +
      "\n\t'date TIME' form accepts MMDDhhmm[[YY]YY][.ss] instead",
  ],
  whoami: ['', 'Print the user name associated with the current effective user id'],
  which: ['COMMAND...', 'Locate COMMAND'],
  printenv: ['[VARIABLE]...', 'Print environment VARIABLEs.\nIf no VARIABLE specified, print all.'],
  pwd: ['', 'Print the full filename of the current working directory'],
  mkdir: [
    '[-m MODE] [-p] DIRECTORY...',
    'Create DIRECTORY\n\n\t-m MODE\tMode\n\t-p\tNo error if exists; make parent directories as needed',
  ],
  printf: ['FORMAT [ARG]...', 'Format and print ARG(s) according to FORMAT (a-la C printf)'],
  // coreutils/chmod.c with DESKTOP (Alpine's config): -c -v -f.
  chmod: [
    '[-Rcvf] MODE[,MODE]... FILE...',
    'MODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]\n' +
      '\n\t-R\tRecurse' +
      '\n\t-c\tList changed files' +
      '\n\t-v\tVerbose' +
      '\n\t-f\tHide errors',
  ],
};

/** The text bb_show_usage() writes to stderr. */
export function usageText(applet: string): string {
  const u = USAGE[applet];
  if (!u) return `${BUSYBOX_BANNER}\n\nUsage: ${applet}\n`;
  // An empty trivial usage leaves the full usage's "\n\n" first: no space after the name.
  return `${BUSYBOX_BANNER}\n\nUsage: ${applet}${u[0] ? ` ${u[0]}` : ''}\n\n${u[1]}\n`;
}
