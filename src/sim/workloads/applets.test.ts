// The BusyBox applets a student types into `kubectl exec deploy/sleep-1 -- …` besides the network
// tools: printenv, pwd, whoami, id, uname, date, which, ps, netstat, and Alpine's release files.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../kubectl/shell/exec';
import type { Pod } from '../api/types';
import type { Cluster, ObjectKey } from '../contract';
import { lookupExec, podShellCommands } from './commands';
import { API_SVC, execIn, numbersApp, podKeyFor } from './testkit';

function chapter(seed = 21) {
  const d = numbersApp({ seed });
  const c = d.cluster;
  return { d, c, s1: podKeyFor(c, 'sleep-1') };
}

const nameOf = (key: ObjectKey) => key.split('/')[2] ?? '';
const sh = (c: Cluster, pod: ObjectKey, line: string) => execIn(c, pod, line, runScript);
const out = (c: Cluster, pod: ObjectKey, argv: string[]) => {
  const r = execIn(c, pod, argv);
  return [r.stdout, r.stderr, r.exitCode];
};

describe('printenv', () => {
  it('prints the whole environment like env, or the values asked for (exit 1 if one is unset)', () => {
    const { c, s1 } = chapter();
    expect(execIn(c, s1, ['printenv']).stdout).toBe(execIn(c, s1, ['env']).stdout);
    expect(out(c, s1, ['printenv', 'HOSTNAME', 'HOME'])).toEqual([`${nameOf(s1)}\n/root\n`, '', 0]);
    expect(out(c, s1, ['printenv', 'NOPE', 'HOME'])).toEqual(['/root\n', '', 1]);
    expect(out(c, s1, ['printenv', 'KUBERNETES_SERVICE_HOST'])).toEqual(['10.96.0.1\n', '', 0]);
    // Inside a shell, what the shell exports.
    expect(sh(c, s1, 'FOO=bar printenv FOO').stdout).toBe('bar\n');
  });
});

describe('pwd, whoami, id', () => {
  it('start in / as root with Alpine root’s groups', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['pwd'])).toEqual(['/\n', '', 0]);
    expect(out(c, podKeyFor(c, 'numbers-api'), ['pwd'])).toEqual(['/app\n', '', 0]);
    expect(out(c, s1, ['whoami'])).toEqual(['root\n', '', 0]);
    expect(out(c, s1, ['id'])).toEqual([
      'uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['id', '-u'])).toEqual(['0\n', '', 0]);
    expect(out(c, s1, ['id', '-un'])).toEqual(['root\n', '', 0]);
    expect(out(c, s1, ['id', '-G'])).toEqual(['0 1 2 3 4 6 10 11 20 26 27\n', '', 0]);
    expect(out(c, s1, ['id', '-Gn'])).toEqual([
      'root bin daemon sys adm disk wheel floppy dialout tape video\n',
      '',
      0,
    ]);
  });

  it('usage errors: whoami takes no operand; id -n needs -u/-g/-G; -u and -g exclude each other', () => {
    const { c, s1 } = chapter();
    const w = execIn(c, s1, ['whoami', 'x']);
    expect(w.exitCode).toBe(1);
    expect(w.stderr).toMatch(
      /^BusyBox v1\.34\.1 \(.*\) multi-call binary\.\n\nUsage: whoami\n\nPrint the user name associated with the current effective user id\n$/,
    );
    for (const argv of [
      ['id', '-n'],
      ['id', '-u', '-g'],
      ['id', 'root', 'root'],
    ]) {
      const r = execIn(c, s1, argv);
      expect([r.stdout, r.exitCode, r.stderr.includes('\nUsage: id [-ugGnr] [USER]\n')]).toEqual([
        '',
        1,
        true,
      ]);
    }
  });
});

describe('uname', () => {
  it('prints the node kernel’s fields in utsname order; -p/-i are unknown', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['uname'])).toEqual(['Linux\n', '', 0]);
    expect(out(c, s1, ['uname', '-n'])).toEqual([`${nameOf(s1)}\n`, '', 0]);
    expect(out(c, s1, ['uname', '-m', '-r', '-s'])).toEqual(['Linux 6.10.14-linuxkit x86_64\n', '', 0]);
    expect(out(c, s1, ['uname', '-po'])).toEqual(['unknown Linux\n', '', 0]);
    expect(out(c, s1, ['uname', '--machine'])).toEqual(['x86_64\n', '', 0]);
  });

  it('does not make up the kernel build string: -v and -a say they are not simulated', () => {
    const { c, s1 } = chapter();
    for (const flag of ['-a', '-v']) {
      const r = execIn(c, s1, ['uname', flag]);
      expect([r.stdout, r.exitCode]).toEqual(['', 1]);
      expect(r.stderr).toContain('not simulated');
    }
  });
});

describe('date', () => {
  it('prints the simulated clock in BusyBox’s default format, in UTC', () => {
    const { c, s1 } = chapter();
    // "Thu, 26 Nov 2026 00:05:26 GMT" → "Thu Nov 26 00:05:26 UTC 2026" (%e pads the day with a space).
    const [wd, dd, mon, yyyy, hms] = new Date(c.now()).toUTCString().replace(',', '').split(' ');
    const expected = `${wd} ${mon} ${String(Number(dd)).padStart(2, ' ')} ${hms} UTC ${yyyy}\n`;
    expect(out(c, s1, ['date'])).toEqual([expected, '', 0]);
    expect(out(c, s1, ['date', '-u', '+%s'])).toEqual([`${Math.floor(c.now() / 1000)}\n`, '', 0]);
  });

  it('formats: -d @N, +FMT, -I[SPEC], -R', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['date', '-d', '@0'])).toEqual(['Thu Jan  1 00:00:00 UTC 1970\n', '', 0]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '+%F %T %j %a %A %b %B %y %H%M%S'])).toEqual([
      '2023-11-14 22:13:20 318 Tue Tuesday Nov November 23 221320\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '-I'])).toEqual(['2023-11-14\n', '', 0]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '-Ihours'])).toEqual(['2023-11-14T22+00:00\n', '', 0]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '-Iseconds'])).toEqual([
      '2023-11-14T22:13:20+00:00\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '-Ins'])).toEqual([
      '2023-11-14T22:13:20,000000000+00:00\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['date', '-d', '@1700000000', '-R'])).toEqual([
      'Tue, 14 Nov 2023 22:13:20 +0000\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['date', '-d', '2024-02-29 07:08', '+%D %e %k %l %p'])).toEqual([
      '02/29/24 29  7  7 AM\n',
      '',
      0,
    ]);
  });

  it('cannot set the clock in a container; a bad date is rejected', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['date', '-s', '@0', '+%s'])).toEqual([
      '0\n',
      "date: can't set date: Operation not permitted\n",
      0,
    ]);
    expect(out(c, s1, ['date', '-d', 'tomorrow'])).toEqual(['', "date: invalid date 'tomorrow'\n", 1]);
  });
});

describe('which', () => {
  it('finds the first $PATH directory holding a command, exit 1 when one is missing', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['which', 'ping'])).toEqual(['/bin/ping\n', '', 0]);
    expect(out(c, s1, ['which', 'curl', 'nc', 'ps', 'sh'])).toEqual([
      '/usr/bin/curl\n/usr/bin/nc\n/bin/ps\n/bin/sh\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['which', 'nope', 'wget'])).toEqual(['/usr/bin/wget\n', '', 1]);
    expect(out(c, s1, ['which', '/sbin/ip'])).toEqual(['/sbin/ip\n', '', 0]);
    expect(out(c, podKeyFor(c, 'numbers-api'), ['which', 'curl'])).toEqual(['', '', 1]);
    const none = execIn(c, s1, ['which']);
    expect([none.exitCode, none.stderr.endsWith('\nUsage: which COMMAND...\n\nLocate COMMAND\n')]).toEqual([
      1,
      true,
    ]);
  });
});

describe('ps', () => {
  const SH = '/bin/sh -c trap : TERM INT; (while true; do sleep 1000; done) & wait';

  it('shows the sleep image’s process tree and the exec’d ps, with runc’s PID gaps', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['ps'])).toEqual([
      `PID   USER     TIME  COMMAND\n    1 root      0:00 ${SH}\n    7 root      0:00 ${SH}\n` +
        '    8 root      0:00 sleep 1000\n    9 root      0:00 ps\n',
      '',
      0,
    ]);
    // The next exec comes after the previous one's runc threads; options are accepted.
    expect(execIn(c, s1, ['ps', '-ef']).stdout.split('\n').slice(-2)).toEqual([
      '   16 root      0:00 ps -ef',
      '',
    ]);
    // A shell's child: one more PID, the shell still listed.
    expect(sh(c, s1, 'ps').stdout.split('\n').slice(3, 6)).toEqual([
      '    8 root      0:00 sleep 1000',
      '   23 root      0:00 sh -c ps',
      '   30 root      0:00 ps',
    ]);
  });

  it('the loop starts a new sleep every 1000 s; a new container starts a new PID namespace', () => {
    const { d, c, s1 } = chapter();
    execIn(c, s1, ['true']); // pid 9 (+6)
    d.advance(1_000_000);
    const lines = execIn(c, s1, ['ps']).stdout.split('\n');
    expect(lines.slice(3, 5)).toEqual(['   16 root      0:00 sleep 1000', '   17 root      0:00 ps']);
    d.delete('Pod', nameOf(s1)).advance(30_000);
    const fresh = podKeyFor(c, 'sleep-1');
    expect(fresh).not.toBe(s1);
    expect(execIn(c, fresh, ['ps']).stdout.split('\n').slice(3, 5)).toEqual([
      '    8 root      0:00 sleep 1000',
      '    9 root      0:00 ps',
    ]);
  });

  it('cuts lines at the terminal width on a tty; rejects unknown options with usage', () => {
    const { c, s1 } = chapter();
    const table = lookupExec(c, s1, 'ps');
    if (!table.ok) throw new Error('ps missing');
    let text = '';
    table.run(['ps'], {
      cluster: c,
      stdin: '',
      env: {},
      out: (t) => {
        text += t;
      },
      err: () => {},
      trace: () => {},
      sleep: () => {},
      tty: true,
    });
    expect(text.split('\n')[1]).toBe(`    1 root      0:00 ${SH}`.slice(0, 79));
    // The .NET images have ps, but their process list (runtime threads take PIDs) is not made up.
    const api = execIn(c, podKeyFor(c, 'numbers-api'), ['ps']);
    expect([api.stdout, api.exitCode, api.stderr.includes('not simulated')]).toEqual(['', 1, true]);
    const bad = execIn(c, s1, ['ps', '-x']);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain('ps: unrecognized option: x\nBusyBox v1.34.1');
    expect(bad.stderr).toContain('\nUsage: ps [-o COL1,COL2=HEADER]\n\nShow list of processes\n');
  });
});

describe('netstat', () => {
  const HEAD =
    'Active Internet connections (only servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       ';

  it('the sleep image listens on nothing; Kestrel listens on [::]:80', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['netstat', '-tln'])).toEqual([`${HEAD}\n`, '', 0]);
    const api = podKeyFor(c, 'numbers-api');
    expect(out(c, api, ['netstat', '-tln'])).toEqual([
      `${HEAD}\ntcp        0      0 :::80                   :::*                    LISTEN      \n`,
      '',
      0,
    ]);
    expect(out(c, api, ['netstat', '-tlnp'])).toEqual([
      `${HEAD}PID/Program name    \ntcp        0      0 :::80                   :::*                    LISTEN      1/dotnet\n`,
      '',
      0,
    ]);
    // Without -n the port is named from /etc/services.
    expect(execIn(c, api, ['netstat', '-tl']).stdout).toContain(' :::http                 :::*  ');
    // No protocol option: every kind, UNIX sockets too (none in the sleep image); -la: both.
    expect(out(c, s1, ['netstat', '-la'])).toEqual([
      'Active Internet connections (servers and established)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n' +
        'Active UNIX domain sockets (servers and established)\nProto RefCnt Flags       Type       State         I-Node Path\n',
      '',
      0,
    ]);
    expect(execIn(c, api, ['netstat', '-lx']).exitCode).toBe(1); // .NET's IPC socket is not modelled
    // Without -l only connections, and there are none.
    expect(execIn(c, api, ['netstat', '-tn']).stdout).toBe(
      'Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State       \n',
    );
  });
});

describe('Alpine release files', () => {
  it('cat /etc/os-release and /etc/alpine-release in the sleep image', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['cat', '/etc/os-release'])).toEqual([
      'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.5\nPRETTY_NAME="Alpine Linux v3.15"\n' +
        'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n',
      '',
      0,
    ]);
    expect(out(c, s1, ['cat', '/etc/alpine-release'])).toEqual(['3.15.5\n', '', 0]);
    expect(execIn(c, s1, ['ls', '/etc']).stdout).toBe(
      'alpine-release\nhostname\nhosts\nos-release\nresolv.conf\n',
    );
    expect(execIn(c, podKeyFor(c, 'numbers-api'), ['cat', '/etc/os-release']).exitCode).toBe(1);
  });
});

describe('determinism', () => {
  it('same seed, same output', () => {
    const run = () => {
      const { c, s1 } = chapter(3);
      return ['ps', 'date', 'id', 'printenv', 'uname -snrm', 'netstat -tlnp', 'which sh nc']
        .map((l) => execIn(c, s1, l.split(' ')))
        .map((r) => [r.stdout, r.stderr, r.exitCode]);
    };
    expect(run()).toEqual(run());
  });

  it('lookups of the new applets fail in images without them', () => {
    const { c } = chapter();
    const dns = (c.list('Pod', { namespace: 'kube-system' }) as Pod[]).find((p) =>
      p.metadata.name.startsWith('coredns'),
    );
    const key = `Pod/kube-system/${dns?.metadata.name}`;
    for (const cmd of ['nc', 'ps', 'printenv', 'id', 'date', 'uname', 'which'])
      expect(lookupExec(c, key, cmd).ok).toBe(false);
  });
});

describe('interactive shell', () => {
  it('kubectl exec -it … -- sh: the shell holds the exec’d PID; typed commands are its children', () => {
    const { c, s1 } = chapter();
    const table = podShellCommands(c, s1, ['sh']);
    let text = '';
    const ctx = {
      cluster: c,
      stdin: '',
      env: {},
      out: (t: string) => {
        text += t;
      },
      err: () => {},
      trace: () => {},
      sleep: () => {},
    };
    table.cat?.(['cat', '/etc/alpine-release'], ctx);
    expect(text).toBe('3.15.5\n');
    table.ps?.(['ps', '-e'], ctx);
    // The shape of real Alpine 3.15 transcripts: `7 sh`, then `15 ps -e` after one `cat` (14);
    // here PID 1's loop has forked 7 and 8 first, so the shell is 9.
    expect(text.split('\n').slice(5)).toEqual(['    9 root      0:00 sh', '   17 root      0:00 ps -e', '']);
  });
});

describe('printf', () => {
  it('formats like C printf, reuses FORMAT for extra arguments, processes escapes', () => {
    const { c, s1 } = chapter();
    expect(
      out(c, s1, [
        'printf',
        '%s-%d|%5s|%-5s|%05d|%x|%o|%c|%%|%b\\n',
        'a',
        '42',
        'r',
        'l',
        '-42',
        '255',
        '8',
        'xyz',
        'q\\tz',
      ]),
    ).toEqual(['a-42|    r|l    |-0042|ff|10|x|%|q\tz\n', '', 0]);
    expect(
      out(c, s1, ['printf', '%#x %+d % d %3.1s| %.3d %*d\\n', '255', '5', '5', 'abc', '7', '4', '9']),
    ).toEqual(['0xff +5  5   a| 007    9\n', '', 0]);
    expect(out(c, s1, ['printf', '%s\\n', 'a', 'b'])).toEqual(['a\nb\n', '', 0]);
    expect(out(c, s1, ['printf', 'a\\x41\\101\\cb'])).toEqual(['aAA', '', 0]);
    expect(out(c, s1, ['printf', '%.2f %e %g\\n', '3.14159', '12345.678', '0.0001'])).toEqual([
      '3.14 1.234568e+04 0.0001\n',
      '',
      0,
    ]);
  });

  it('errors: invalid number (prints 0, exit 1), invalid format, no FORMAT', () => {
    const { c, s1 } = chapter();
    expect(out(c, s1, ['printf', '%d\\n', 'x'])).toEqual(['0\n', "printf: invalid number 'x'\n", 1]);
    expect(out(c, s1, ['printf', 'a%y'])).toEqual(['a', 'printf: %y: invalid format\n', 1]);
    const none = execIn(c, s1, ['printf']);
    expect([
      none.exitCode,
      none.stderr.endsWith(
        '\nUsage: printf FORMAT [ARG]...\n\nFormat and print ARG(s) according to FORMAT (a-la C printf)\n',
      ),
    ]).toEqual([1, true]);
  });

  it('feeds nc an HTTP request inside sh -c; shell builtins take no PID', () => {
    const { d, c, s1 } = chapter();
    d.applyOk(API_SVC).advance(5000);
    const r = sh(
      c,
      s1,
      "printf 'GET /healthz HTTP/1.1\\r\\nHost: numbers-api\\r\\n\\r\\n' | nc numbers-api 80; echo; ps",
    );
    const [head, body] = r.stdout.split('\r\n\r\n');
    expect(head?.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(body).toBe('2\r\nOk\r\n0');
    // sh 9 (+6 runc threads), nc 16, ps 17: printf and echo ran inside the shell.
    expect(r.stdout.split('\n').slice(-3)).toEqual([
      '    9 root      0:00 ' +
        "sh -c printf 'GET /healthz HTTP/1.1\\r\\nHost: numbers-api\\r\\n\\r\\n' | nc numbers-api 80; echo; ps",
      '   17 root      0:00 ps',
      '',
    ]);
  });
});
