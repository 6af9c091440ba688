// kubectl cp with the Debian nginx image's GNU tar 1.34 (cp-gnu.ts, sim/workloads/gnu-tar.ts):
// exact bytes of tar's lines and where kubectl puts them (copying out: tar's stderr on kubectl's
// stdout; copying in: on its stderr, then exec's exit-code line), files and directories both ways,
// the missing path, a -C directory that is missing or a file, symbolic links, `:` quoting.
import { describe, expect, it } from 'vitest';
import { NGINX_50X, NGINX_WELCOME } from '../../sim/workloads/image-nginx';
import { kdriveWithFiles, STUDENT_DIR } from '../testing';

type Drive = ReturnType<typeof kdriveWithFiles>['d'];
const chunks = (d: Drive) => (d.last?.output ?? []).map((c) => [c.stream, c.text]);

const REMOVING = "tar: Removing leading `/' from member names\n";

/** The chapter's nginx image (Debian bookworm, GNU tar). */
function setup() {
  const r = kdriveWithFiles({ seed: 1, profile: 'docker-desktop' });
  r.write('note.txt', 'hello\n');
  r.d.kubectl('run web --image=nginx:1.27.3').advance(30_000);
  return r;
}

describe('kubectl cp from a GNU tar container', () => {
  it("copies a file: GNU tar's leading-slash warning, with its `' quotes, on kubectl's stdout", () => {
    const { d } = setup();
    d.kubectl('cp web:/usr/share/nginx/html/index.html index.html');
    expect([chunks(d), d.exitCode()]).toEqual([[['stdout', REMOVING]], 0]);
    expect(d.session.fs.read(`${STUDENT_DIR}/index.html`)).toBe(NGINX_WELCOME);
  });

  it('copies a directory with its files; a relative path (from /) removes nothing', () => {
    const { d } = setup();
    d.kubectl('cp web:/usr/share/nginx/html site');
    expect([chunks(d), d.exitCode()]).toEqual([[['stdout', REMOVING]], 0]);
    expect(d.session.fs.read(`${STUDENT_DIR}/site/index.html`)).toBe(NGINX_WELCOME);
    expect(d.session.fs.read(`${STUDENT_DIR}/site/50x.html`)).toBe(NGINX_50X);
    d.kubectl('cp web:usr/share/nginx/html/50x.html e.html');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    expect(d.session.fs.read(`${STUDENT_DIR}/e.html`)).toBe(NGINX_50X);
  });

  it('copies what was written in the container, empty directories included', () => {
    const { d } = setup();
    d.kubectl('exec web -- mkdir -p /tmp/out/empty /tmp/out/sub');
    d.kubectl('exec web -- sh -c "echo deep > /tmp/out/sub/f.txt"');
    d.kubectl('cp web:/tmp/out got');
    expect([chunks(d), d.exitCode()]).toEqual([[['stdout', REMOVING]], 0]);
    expect(d.session.fs.stat(`${STUDENT_DIR}/got/empty`)?.type).toBe('dir');
    expect(d.session.fs.read(`${STUDENT_DIR}/got/sub/f.txt`)).toBe('deep\n');
  });

  it('a missing path: the removal warning, Cannot stat, the failure line, all on stdout, exit 0 (kubernetes/kubectl#980)', () => {
    const { d } = setup();
    d.kubectl('cp web:/tmp/no-such-file /tmp/foo');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        [
          'stdout',
          "tar: Removing leading `/' from member names\ntar: /tmp/no-such-file: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
        ],
      ],
      0,
    ]);
    expect(d.session.fs.stat('/tmp/foo')).toBeUndefined();
    // A relative missing path has no prefix to remove; a file as a directory is ENOTDIR.
    d.kubectl('cp web:nope x');
    expect(d.stdout()).toBe(
      'tar: nope: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n',
    );
    d.kubectl('cp web:/etc/hostname/x y');
    expect(d.stdout()).toBe(
      `${REMOVING}tar: /etc/hostname/x: Cannot stat: Not a directory\ntar: Exiting with failure status due to previous errors\n`,
    );
  });

  it("quotes the name as quotearg_colon's escape style does (`:` and `\\` escaped), not the prefix", () => {
    const { d } = setup();
    d.kubectl('cp web://tmp/a:b x');
    expect(d.stdout()).toBe(
      "tar: Removing leading `//' from member names\ntar: //tmp/a\\:b: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n",
    );
  });

  it("skips symbolic links with kubectl's warnings on stderr, the first naming the exec to use", () => {
    const { d } = setup();
    d.kubectl('cp web:/var/log/nginx logs');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        ['stdout', REMOVING],
        [
          'stderr',
          'warning: skipping symlink: "logs/access.log" -> "/dev/stdout" (consider using "kubectl exec -n "" "web" -- tar cf - "/var/log/nginx" | tar xf -")\n',
        ],
        ['stderr', 'warning: skipping symlink: "logs/error.log" -> "/dev/stderr"\n'],
      ],
      0,
    ]);
    expect(d.session.fs.stat(`${STUDENT_DIR}/logs`)?.type).toBe('dir');
    expect(d.session.fs.stat(`${STUDENT_DIR}/logs/access.log`)).toBeUndefined();
    d.kubectl('cp default/web:/var/log/nginx/error.log err.log');
    expect(d.stderr()).toBe(
      'warning: skipping symlink: "err.log" -> "/dev/stderr" (consider using "kubectl exec -n "default" "web" -- tar cf - "/var/log/nginx/error.log" | tar xf -")\n',
    );
  });

  it("an image file whose text is not modelled is refused with the playground's notice", () => {
    const { d } = setup();
    d.kubectl('cp web:/etc/nginx conf');
    expect(d.stdout()).toBe(
      `${REMOVING}tar: /etc/nginx/fastcgi_params: the text of this image file is not modelled in this playground\n`,
    );
    expect(d.session.fs.stat(`${STUDENT_DIR}/conf`)).toBeUndefined();
  });
});

describe('kubectl cp into a GNU tar container', () => {
  it('copies a file and a directory where exec sees them', () => {
    const { d, write } = setup();
    d.kubectl('cp note.txt web:/usr/share/nginx/html/note.txt');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    d.kubectl('exec web -- cat /usr/share/nginx/html/note.txt');
    expect(d.stdout()).toBe('hello\n');
    d.sh(`mkdir -p ${STUDENT_DIR}/web/css`);
    write('web/index.html', '<h1>mine</h1>\n');
    write('web/css/a.css', 'h1{}\n');
    d.kubectl('cp web web:/tmp/site');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    d.kubectl('exec web -- cat /tmp/site/index.html /tmp/site/css/a.css');
    expect(d.stdout()).toBe('<h1>mine</h1>\nh1{}\n');
  });

  it("a -C directory that cannot be opened is open_fatal's two lines on stderr, exit 2", () => {
    const { d } = setup();
    d.kubectl('cp note.txt web:/nope/x');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        [
          'stderr',
          'tar: /nope: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n',
        ],
        ['stderr', 'command terminated with exit code 2\n'],
      ],
      2,
    ]);
    d.kubectl('cp note.txt web:/etc/hostname/x');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        [
          'stderr',
          'tar: /etc/hostname: Cannot open: Not a directory\ntar: Error is not recoverable: exiting now\n',
        ],
        ['stderr', 'command terminated with exit code 2\n'],
      ],
      2,
    ]);
  });
});
