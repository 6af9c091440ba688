// chmod in the containers: GNU coreutils 9.1 in Debian's nginx (texts from bookworm's
// /bin/chmod, run as root with umask 022 in a scratch directory: `chmod`, `chmod +x`, `chmod 9 x`,
// `chmod -z f`, `chmod -w f` on a 0666 file, `chmod -v`/`-c`, `ls -l` after each), BusyBox
// 1.34.1's applet in the Alpine images (texts from coreutils/chmod.c, libbb/parse_mode.c and
// libbb/recursive_action.c of tag 1_34_1). The mode arithmetic itself: chmod-mode.test.ts.
import { describe, expect, it } from 'vitest';
import { type KubectlDriver, kdrive } from '../../kubectl/testing';
import { BUSYBOX_BANNER } from './busybox/usage';

function nginx(): KubectlDriver {
  const d = kdrive({ seed: 3 });
  d.kubectl('run web --image=nginx:1.27.3').advance(60_000);
  return d;
}
function sleepPod(): KubectlDriver {
  const d = kdrive({ seed: 5 });
  d.kubectl('apply -f sleep/sleep1.yaml');
  d.kubectl('wait --for=condition=Ready pod -l app=sleep-1');
  return d;
}
const run = (d: KubectlDriver, target: string, script: string) => {
  d.kubectl(`exec ${target} -- sh -c '${script}'`);
  return { out: d.stdout(), err: d.stderr(), code: d.exitCode() };
};
const TRY = "Try 'chmod --help' for more information.\n";

describe('GNU chmod (nginx)', () => {
  it('usage errors, as coreutils 9.1 words them (status 1)', () => {
    const d = nginx();
    const cases: [string, string][] = [
      ['chmod', `chmod: missing operand\n${TRY}`],
      ['chmod +x', `chmod: missing operand after '+x'\n${TRY}`],
      ['chmod -x', `chmod: missing operand\n${TRY}`],
      ['chmod 9 /tmp', `chmod: invalid mode: '9'\n${TRY}`],
      ['chmod u+q /tmp', `chmod: invalid mode: 'u+q'\n${TRY}`],
      ['chmod 10000 /tmp', `chmod: invalid mode: '10000'\n${TRY}`],
      ['chmod -Rx /tmp', `chmod: invalid mode: '-Rx'\n${TRY}`],
      ['chmod -z /tmp', `chmod: invalid option -- 'z'\n${TRY}`],
      ['chmod --foo /tmp', `chmod: unrecognized option '--foo'\n${TRY}`],
      ['chmod +x /nope', "chmod: cannot access '/nope': No such file or directory\n"],
    ];
    for (const [cmd, err] of cases) {
      expect(run(d, 'web', cmd)).toEqual({
        out: '',
        err: `${err}command terminated with exit code 1\n`,
        code: 1,
      });
    }
  });

  it('modes show in ls -l; -v and -c report; a write keeps the mode, rm ends it', () => {
    const d = nginx();
    // Each `ls -l f` line's first ten columns, as `| cut -c1-10` on the host.
    const modes = (out: string) =>
      out
        .split('\n')
        .map((l) => (/^[-d][-rwxsStT]{9} /.test(l) ? l.slice(0, 10) : l))
        .join('\n');
    const r = run(
      d,
      'web',
      'cd /tmp; touch f; chmod -v 644 f; chmod -c u+x,g+s f; chmod 4755 f; ls -l f; chmod 1777 f; ' +
        'chmod +w f; echo x > f; ls -l f; chmod 6644 f; ls -l f; rm f; touch f; ls -l f',
    );
    expect(r.err).toBe('');
    expect(modes(r.out)).toBe(
      "mode of 'f' retained as 0644 (rw-r--r--)\n" +
        "mode of 'f' changed from 0644 (rw-r--r--) to 2744 (rwxr-Sr--)\n" +
        '-rwsr-xr-x\n-rwxrwxrwt\n-rwSr-Sr--\n-rw-r--r--\n',
    );
  });

  it('-R: a directory before its entries, links met on the way left alone; -w warns about the umask', () => {
    const d = nginx();
    const r = run(
      d,
      'web',
      'cd /tmp; mkdir -p d/e; chmod -cR g+w d; chmod -vR o-x d; chmod -R 700 nope d; echo $?; touch f; chmod 666 f; chmod -w f; echo $?',
    );
    expect(r.out).toBe(
      "mode of 'd' changed from 0755 (rwxr-xr-x) to 0775 (rwxrwxr-x)\n" +
        "mode of 'd/e' changed from 0755 (rwxr-xr-x) to 0775 (rwxrwxr-x)\n" +
        "mode of 'd' changed from 0775 (rwxrwxr-x) to 0774 (rwxrwxr--)\n" +
        "mode of 'd/e' changed from 0775 (rwxrwxr-x) to 0774 (rwxrwxr--)\n" +
        '1\n1\n',
    );
    expect(r.err).toBe(
      "chmod: cannot access 'nope': No such file or directory\n" +
        'chmod: f: new permissions are r--rw-rw-, not r--r--r--\n',
    );
  });
});

describe('BusyBox chmod (sleep, Alpine)', () => {
  it('usage with fewer than two operands, invalid mode, a missing file (exit 1)', () => {
    const d = sleepPod();
    const usage = `${BUSYBOX_BANNER}\n\nUsage: chmod [-Rcvf] MODE[,MODE]... FILE...\n\nMODE is octal number (bit pattern sstrwxrwxrwx) or [ugoa]{+|-|=}[rwxXst]\n\n\t-R\tRecurse\n\t-c\tList changed files\n\t-v\tVerbose\n\t-f\tHide errors\n`;
    expect(run(d, 'deploy/sleep-1', 'chmod +x')).toEqual({
      out: '',
      err: `${usage}command terminated with exit code 1\n`,
      code: 1,
    });
    expect(
      run(
        d,
        'deploy/sleep-1',
        'chmod 9 /tmp; echo $?; chmod +x /nope; echo $?; chmod -f +x /nope; chmod -Rz x /tmp',
      ),
    ).toEqual({
      out: '1\n1\n',
      err:
        "chmod: invalid mode '9'\nchmod: /nope: No such file or directory\nchmod: /nope: No such file or directory\n" +
        `chmod: unrecognized option: z\n${usage}command terminated with exit code 1\n`,
      code: 1,
    });
  });

  it('-v and -c (an octal mode always counts as a change), -x as a mode, ls -l', () => {
    const d = sleepPod();
    const r = run(
      d,
      'deploy/sleep-1',
      'cd /tmp; touch f; chmod -v 755 f; chmod -c 755 f; chmod -c u+x f; chmod -c -x f; chmod g+s,o+t f; ls -l f',
    );
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3).join('\n')).toBe(
      "mode of 'f' changed to 0755 (rwxr-xr-x)\nmode of 'f' changed to 0755 (rwxr-xr-x)\nmode of 'f' changed to 0644 (rw-r--r--)",
    );
    // bb_parse_mode's who mask for o is S_IRWXO alone: o+t sets no sticky bit (GNU's does).
    expect(lines[3]?.slice(0, 11)).toBe('-rw-r-Sr-- ');
  });
});
