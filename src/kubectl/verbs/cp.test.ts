// kubectl cp (cp.ts, cp-container.ts): specs and Validate's messages, copies both ways through the
// container's file model (exec's cat/ls see them), BusyBox tar's lines (on kubectl's stdout when
// copying out), the local filesystem's errors, the exec errors, images without tar, help, completion.
import { describe, expect, it } from 'vitest';
import { kdriveWithFiles, STUDENT_DIR } from '../testing';

const chunks = (d: ReturnType<typeof setup>['d']) => (d.last?.output ?? []).map((c) => [c.stream, c.text]);

/** The book's sleep Pod (BusyBox tar) and a pause Pod (no tar, no shell). */
function setup(profile: 'docker-desktop' | 'kind' = 'docker-desktop') {
  const r = kdriveWithFiles({ seed: 1, profile });
  r.write('note.txt', 'hello\n');
  r.d.kubectl('run sleep --image=kiamol/ch03-sleep -- sleep 100000');
  r.d.kubectl('run bare --image=registry.k8s.io/pause:3.10').advance(60_000);
  return r;
}

describe('kubectl cp: to a container', () => {
  it('writes the file where exec sees it; a directory destination takes the base name', () => {
    const { d } = setup();
    d.kubectl('cp note.txt sleep:/tmp/copy.txt');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    d.kubectl('exec sleep -- cat /tmp/copy.txt');
    expect(d.stdout()).toBe('hello\n');
    d.kubectl('cp note.txt default/sleep:/tmp/');
    expect(d.exitCode()).toBe(0);
    d.kubectl('exec sleep -- ls /tmp');
    expect(d.stdout()).toBe('copy.txt\nnote.txt\n');
  });

  it('copies a local directory file by file under the destination', () => {
    const { d, write } = setup();
    d.sh(`mkdir -p ${STUDENT_DIR}/web/css`);
    write('web/index.html', '<h1>hi</h1>\n');
    write('web/css/a.css', 'h1{}\n');
    d.kubectl('cp web sleep:/tmp/site');
    expect(d.exitCode()).toBe(0);
    d.kubectl('exec sleep -- cat /tmp/site/index.html /tmp/site/css/a.css');
    expect(d.stdout()).toBe('<h1>hi</h1>\nh1{}\n');
  });

  it("a missing extraction directory is BusyBox tar's xchdir error and its exit code", () => {
    const { d } = setup();
    d.kubectl('cp note.txt sleep:/nope/dir/x');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        ['stderr', "tar: can't change directory to '/nope/dir': No such file or directory\n"],
        ['stderr', 'command terminated with exit code 1\n'],
      ],
      1,
    ]);
    // A file in the way: chdir's ENOTDIR.
    d.kubectl('cp note.txt sleep:/etc/hostname/x');
    expect(d.stderr()).toBe(
      "tar: can't change directory to '/etc/hostname': Not a directory\ncommand terminated with exit code 1\n",
    );
  });

  it('checks the local file first, then the Pod and container as exec does', () => {
    const { d } = setup();
    d.kubectl('cp nope.txt nobody:/tmp');
    expect([d.stderr(), d.exitCode()]).toEqual(["error: nope.txt doesn't exist in local filesystem\n", 1]);
    d.kubectl('cp note.txt nobody:/tmp');
    expect([d.stderr(), d.exitCode()]).toEqual([
      'Error from server (NotFound): pods "nobody" not found\n',
      1,
    ]);
    d.kubectl('cp note.txt sleep:/tmp -c bogus');
    expect(d.stderr()).toBe('Error from server (BadRequest): container bogus is not valid for pod sleep\n');
    d.kubectl('cp note.txt kube-system/sleep:/tmp');
    expect(d.stderr()).toBe('Error from server (NotFound): pods "sleep" not found\n');
  });

  it('an image without tar: Docker streams the OCI error on stdout and exits 126', () => {
    const { d } = setup();
    d.kubectl('cp note.txt bare:/tmp');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        [
          'stdout',
          'OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in $PATH: unknown\n',
        ],
        ['stderr', 'command terminated with exit code 126\n'],
      ],
      126,
    ]);
  });

  it("a Debian image (GNU tar, cp-gnu.test.ts): copying in works, a missing directory is GNU tar's open_fatal (exit 2), copying out works", () => {
    const { d } = setup();
    d.kubectl('run web --image=nginx').advance(30_000);
    d.kubectl('cp note.txt web:/tmp');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    d.kubectl('exec web -- cat /tmp/note.txt');
    expect(d.stdout()).toBe('hello\n');
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
    d.kubectl('cp web:/tmp/note.txt back.txt');
    expect([chunks(d), d.exitCode()]).toEqual([
      [['stdout', "tar: Removing leading `/' from member names\n"]],
      0,
    ]);
    expect(d.session.fs.read(`${STUDENT_DIR}/back.txt`)).toBe('hello\n');
  });

  it('an image without tar under containerd: one Internal error, exit 1', () => {
    const { d } = setup('kind');
    d.kubectl('cp note.txt bare:/tmp');
    expect(d.stdout()).toBe('');
    expect(d.stderr()).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "tar": executable file not found in \$PATH: unknown\n$/,
    );
    expect(d.exitCode()).toBe(1);
  });
});

describe('kubectl cp: from a container', () => {
  it("copies a file; tar's leading-slash notice goes to kubectl's stdout", () => {
    const { d } = setup();
    d.kubectl('exec sleep -- sh -c "echo made inside > /tmp/made.txt"');
    d.kubectl('cp sleep:/tmp/made.txt back.txt');
    expect([chunks(d), d.exitCode()]).toEqual([
      [['stdout', "tar: removing leading '/' from member names\n"]],
      0,
    ]);
    expect(d.session.fs.read(`${STUDENT_DIR}/back.txt`)).toBe('made inside\n');
    // A relative path (from the working directory, `/`) has no leading slash to remove.
    d.kubectl('cp sleep:etc/hostname host.txt');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
    expect(d.session.fs.read(`${STUDENT_DIR}/host.txt`)).toBe('sleep\n');
  });

  it('creates missing local parent directories and copies a written directory', () => {
    const r = setup();
    const { d } = r;
    const { write } = r;
    d.sh(`mkdir -p ${STUDENT_DIR}/web`);
    write('web/n.txt', 'hello\n');
    // /tmp/dir does not exist: the copy becomes it (tar -C /tmp, member dir/n.txt).
    d.kubectl('cp web sleep:/tmp/dir');
    d.kubectl('exec sleep -- cat /tmp/dir/n.txt');
    expect(d.stdout()).toBe('hello\n');
    d.kubectl('cp sleep:/tmp/dir out/deep');
    expect([chunks(d), d.exitCode()]).toEqual([
      [['stdout', "tar: removing leading '/' from member names\n"]],
      0,
    ]);
    expect(d.session.fs.read(`${STUDENT_DIR}/out/deep/n.txt`)).toBe('hello\n');
  });

  it("a local directory as the destination is os.Create's error", () => {
    const { d } = setup();
    d.kubectl('cp sleep:/etc/hosts .');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        ['stdout', "tar: removing leading '/' from member names\n"],
        ['stderr', 'error: open .: is a directory\n'],
      ],
      1,
    ]);
  });

  it("a missing path: tar's errors on stdout and exit 0 (kubernetes/kubectl#980)", () => {
    const { d } = setup();
    d.kubectl('cp sleep:/tmp/nope x');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        [
          'stdout',
          'tar: /tmp/nope: No such file or directory\ntar: error exit delayed from previous errors\n',
        ],
      ],
      0,
    ]);
    expect(d.session.fs.stat(`${STUDENT_DIR}/x`)).toBeUndefined();
  });

  it('an image without tar: the OCI text went into the tar stream, only the exit code shows', () => {
    const { d } = setup();
    d.kubectl('cp bare:/x y');
    expect([chunks(d), d.exitCode()]).toEqual([[['stderr', 'command terminated with exit code 126\n']], 126]);
  });
});

describe('kubectl cp: the default container', () => {
  it("notices the default container on the tar exec's stderr, which copying out sends to stdout", () => {
    const { d } = setup();
    d.apply(`apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
  - name: a
    image: kiamol/ch03-sleep
    command: ['sleep', '100000']
  - name: b
    image: kiamol/ch03-sleep
    command: ['sleep', '100000']
`).advance(30_000);
    const notice = 'Defaulted container "a" out of: a, b\n';
    d.kubectl('cp note.txt two:/tmp/n.txt');
    expect([chunks(d), d.exitCode()]).toEqual([[['stderr', notice]], 0]);
    d.kubectl('cp two:/tmp/n.txt n2.txt');
    expect([chunks(d), d.exitCode()]).toEqual([
      [
        ['stdout', notice],
        ['stdout', "tar: removing leading '/' from member names\n"],
      ],
      0,
    ]);
    d.kubectl('cp note.txt two:/tmp/m.txt -c b');
    expect([chunks(d), d.exitCode()]).toEqual([[], 0]);
  });
});

describe("kubectl cp: Run's spec checks and Validate", () => {
  it("prints kubectl's messages", () => {
    const { d } = setup();
    const cases: [string, string][] = [
      ['cp a', 'error: source and destination are required\n'],
      ['cp a b c', 'error: source and destination are required\n'],
      ['cp :a b', 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n'],
      ['cp a/b/c:x y', 'error: filespec must match the canonical format: [[namespace/]pod:]file/path\n'],
      ['cp sleep:/a sleep:/b', 'error: one of src or dest must be a local file specification\n'],
      ['cp sleep: x', 'error: filepath can not be empty\n'],
      ['cp a b', 'error: one of src or dest must be a remote file specification\n'],
    ];
    for (const [cmd, err] of cases) {
      d.kubectl(cmd);
      expect([cmd, d.stdout(), d.stderr(), d.exitCode()]).toEqual([cmd, '', err, 1]);
    }
  });

  it('--help is kubectl 1.34 cp help', () => {
    const { d } = setup();
    const out = d.kubectl('cp --help').stdout();
    expect(
      out.startsWith(
        'Copy files and directories to and from containers.\n\nExamples:\n  # !!!Important Note!!!\n',
      ),
    ).toBe(true);
    expect(out).toContain(
      '    --retries=0:\n\tSet number of retries to complete a copy operation from a container. Specify 0 to disable or any negative\n\tvalue for infinite retrying. The default is 0 (no retry).\n\n',
    );
    expect(out).toContain('Usage:\n  kubectl cp <file-spec-src> <file-spec-dest> [options]\n');
  });

  it('completes namespaces with / and Pods with : for the first argument, files after', () => {
    const { d } = setup();
    const s = d.session;
    // cobra adds the matching local files (the chapter's sleep/ folder) to its own candidates.
    expect(s.complete('kubectl cp sl').candidates).toEqual(['sleep/', 'sleep:']);
    expect(s.complete('kubectl cp kube-p').candidates).toEqual(['kube-public/']);
    expect(s.complete('kubectl cp default/b').candidates).toEqual(['default/bare:']);
    expect(s.complete('kubectl cp no').candidates).toEqual(['note.txt']);
    expect(s.complete('kubectl cp ').candidates).toContain('./');
    expect(s.complete('kubectl cp sleep:/tmp/x no').candidates).toEqual(['note.txt']);
  });
});
