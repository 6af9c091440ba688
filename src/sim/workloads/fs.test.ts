// The container's file system (fs.ts, image-fs.ts) through the applets a student types: each
// image's tree as ls and cat show it, what mkdir/echo/touch/rm/kubectl cp change, and both ls
// flavours (BusyBox in the Alpine and busybox images, GNU coreutils in Debian's nginx).
import { describe, expect, it } from 'vitest';
import { kdriveWithFiles } from '../../kubectl/testing';
import { NGINX_CONF, NGINX_DEFAULT_CONF } from './image-nginx';

function setup() {
  const r = kdriveWithFiles({ seed: 1 });
  r.d.kubectl('run web --image=nginx');
  r.d.kubectl('run bb --image=busybox -- sleep 100000');
  r.d.kubectl('run sl --image=kiamol/ch03-sleep -- sleep 100000').advance(60_000);
  return r;
}
type D = ReturnType<typeof setup>['d'];
const run = (d: D, line: string) => {
  d.kubectl(line);
  return [d.stdout(), d.stderr(), d.exitCode()];
};

describe('the busybox image (docker-library Dockerfile.builder, buildroot skeleton)', () => {
  it('ls / and /etc, cat /etc/passwd', () => {
    const { d } = setup();
    expect(run(d, 'exec bb -- ls /')).toEqual([
      'bin\ndev\netc\nhome\nlib\nlib64\nproc\nroot\nsys\ntmp\nusr\nvar\n',
      '',
      0,
    ]);
    expect(run(d, 'exec bb -- ls /etc')[0]).toBe(
      'group\nhostname\nhosts\nlocaltime\nnsswitch.conf\npasswd\nresolv.conf\nshadow\n',
    );
    // runc made /var/run for the service account token's mount (/var/run/secrets/…).
    expect(run(d, 'exec bb -- ls /var /usr')[0]).toBe('/usr:\nbin\nsbin\n\n/var:\nrun\nspool\nwww\n');
    const passwd = run(d, 'exec bb -- cat /etc/passwd')[0] as string;
    expect(passwd.split('\n')[0]).toBe('root:x:0:0:root:/root:/bin/sh');
    expect(passwd.split('\n')).toHaveLength(10);
    expect(run(d, 'exec bb -- cat /etc/shadow')).toEqual([
      '',
      'cat: /etc/shadow: the text of this image file is not modelled in this playground\ncommand terminated with exit code 1\n',
      1,
    ]);
  });

  it('mkdir -p, echo >, ls -R and ls -l see one tree; rm needs -r for a directory', () => {
    const { d } = setup();
    const t = run(d, 'exec bb -- date +%b%e_%H:%M')[0] as string;
    const when = t.trim().replace(/^(\w{3})\s*(\d+)_/, (_, m, day) => `${m} ${day.padStart(2, ' ')} `);
    expect(run(d, 'exec bb -- sh -c "mkdir -p /tmp/a/b && echo hi > /tmp/a/b/c && touch /tmp/a/f"')[2]).toBe(
      0,
    );
    expect(run(d, 'exec bb -- ls -R /tmp')).toEqual(['/tmp:\na\n\n/tmp/a:\nb\nf\n\n/tmp/a/b:\nc\n', '', 0]);
    expect(run(d, 'exec bb -- ls -l /tmp/a')).toEqual([
      `total 4\ndrwxr-xr-x    2 root     root          4096 ${when} b\n-rw-r--r--    1 root     root             0 ${when} f\n`,
      '',
      0,
    ]);
    expect(run(d, 'exec bb -- ls -l /tmp/a/b/c')[0]).toBe(
      `-rw-r--r--    1 root     root             3 ${when} /tmp/a/b/c\n`,
    );
    expect(run(d, 'exec bb -- cat /tmp/a/b/c')[0]).toBe('hi\n');
    expect(run(d, 'exec bb -- mkdir /tmp/a')).toEqual([
      '',
      "mkdir: can't create directory '/tmp/a': File exists\ncommand terminated with exit code 1\n",
      1,
    ]);
    expect(run(d, 'exec bb -- mkdir /x/y')[1]).toBe(
      "mkdir: can't create directory '/x/y': No such file or directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec bb -- cat /tmp/a')[1]).toBe(
      'cat: read error: Is a directory\ncommand terminated with exit code 1\n',
    );
    expect(run(d, 'exec bb -- rm /tmp/a')[1]).toBe(
      "rm: '/tmp/a' is a directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec bb -- sh -c "echo x > /tmp/a/nope/z"')[1]).toBe(
      "sh: can't create /tmp/a/nope/z: nonexistent directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec bb -- rm -r /tmp/a')[2]).toBe(0);
    expect(run(d, 'exec bb -- ls /tmp/a/b/c /tmp')).toEqual([
      '/tmp:\n',
      'ls: /tmp/a/b/c: No such file or directory\ncommand terminated with exit code 1\n',
      1,
    ]);
    expect(run(d, 'exec bb -- touch /tmp/a/f')[1]).toBe(
      'touch: /tmp/a/f: No such file or directory\ncommand terminated with exit code 1\n',
    );
  });

  it("ls -l of the image's own directories: a notice, not invented times", () => {
    const { d } = setup();
    expect(run(d, 'exec bb -- ls -l /etc')).toEqual([
      '',
      "ls: /etc: the times or entries of the image's own files are not modelled in this playground (-l)\ncommand terminated with exit code 1\n",
      1,
    ]);
  });
});

describe('the sleep image (Alpine 3.15)', () => {
  it('keeps its top level and release files; a removed image file is gone', () => {
    const { d } = setup();
    expect(run(d, 'exec sl -- ls /')[0]).toBe(
      'bin\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n',
    );
    expect(run(d, 'exec sl -- ls /usr')[0]).toBe('bin\nlib\nlocal\nsbin\nshare\n');
    expect(run(d, 'exec sl -- rm /etc/alpine-release')[2]).toBe(0);
    expect(run(d, 'exec sl -- ls /etc')[0]).toBe('hostname\nhosts\nos-release\nresolv.conf\n');
    expect(run(d, 'exec sl -- cat /etc/alpine-release')[1]).toBe(
      "cat: can't open '/etc/alpine-release': No such file or directory\ncommand terminated with exit code 1\n",
    );
  });
});

describe('the nginx image (Debian: GNU coreutils)', () => {
  it('its root, /etc/nginx and the document root', () => {
    const { d } = setup();
    expect(run(d, 'exec web -- ls /')[0]).toBe(
      'bin\nboot\ndev\ndocker-entrypoint.d\ndocker-entrypoint.sh\netc\nhome\nlib\nlib64\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n',
    );
    expect(run(d, 'exec web -- ls /etc/nginx')[0]).toBe(
      'conf.d\nfastcgi_params\nmime.types\nmodules\nnginx.conf\nscgi_params\nuwsgi_params\n',
    );
    expect(run(d, 'exec web -- ls /docker-entrypoint.d')[0]).toBe(
      '10-listen-on-ipv6-by-default.sh\n15-local-resolvers.envsh\n20-envsubst-on-templates.sh\n30-tune-worker-processes.sh\n',
    );
    // GNU's widths: the widest link count and size; 2024 is over six months old.
    expect(run(d, 'exec web -- ls -l /usr/share/nginx/html')).toEqual([
      'total 8\n-rw-r--r-- 1 root root 497 Nov 26  2024 50x.html\n-rw-r--r-- 1 root root 615 Nov 26  2024 index.html\n',
      '',
      0,
    ]);
    expect(run(d, 'exec web -- ls -R /usr/share/nginx')[0]).toBe(
      '/usr/share/nginx:\nhtml\n\n/usr/share/nginx/html:\n50x.html\nindex.html\n',
    );
    // The package's link; the Dockerfile's log links to the container's stdout and stderr.
    expect(run(d, 'exec web -- ls -F /etc/nginx /var/log/nginx')[0]).toBe(
      '/etc/nginx:\nconf.d/\nfastcgi_params\nmime.types\nmodules@\nnginx.conf\nscgi_params\nuwsgi_params\n\n/var/log/nginx:\naccess.log@\nerror.log@\n',
    );
    // The link is followed to /usr/lib/nginx/modules, whose .so files are not modelled.
    expect(run(d, 'exec web -- ls /etc/nginx/modules/')).toEqual([
      '',
      "ls: /etc/nginx/modules/: the image's own files here are not modelled in this playground\n",
      0,
    ]);
  });

  it('cat shows the package configuration (the entrypoint added the IPv6 listen)', () => {
    const { d } = setup();
    expect(run(d, 'exec web -- cat /etc/nginx/nginx.conf')[0]).toBe(NGINX_CONF);
    const conf = run(d, 'exec web -- cat /etc/nginx/conf.d/default.conf')[0] as string;
    expect(conf).toBe(NGINX_DEFAULT_CONF);
    expect(conf.split('\n').slice(0, 4)).toEqual([
      'server {',
      '    listen       80;',
      '    listen  [::]:80;',
      '    server_name  localhost;',
    ]);
    expect(run(d, 'exec web -- cat /bin/../etc/hostname')[0]).toBe('web\n');
  });

  it("GNU's messages and exit codes", () => {
    const { d } = setup();
    expect(run(d, 'exec web -- ls /nope')).toEqual([
      '',
      "ls: cannot access '/nope': No such file or directory\ncommand terminated with exit code 2\n",
      2,
    ]);
    expect(run(d, 'exec web -- cat /nope')[1]).toBe(
      'cat: /nope: No such file or directory\ncommand terminated with exit code 1\n',
    );
    expect(run(d, 'exec web -- cat /tmp')[1]).toBe(
      'cat: /tmp: Is a directory\ncommand terminated with exit code 1\n',
    );
    expect(run(d, 'exec web -- rm /tmp')[1]).toBe(
      "rm: cannot remove '/tmp': Is a directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec web -- mkdir /a/b')[1]).toBe(
      "mkdir: cannot create directory '/a/b': No such file or directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec web -- touch /a/b')[1]).toBe(
      "touch: cannot touch '/a/b': No such file or directory\ncommand terminated with exit code 1\n",
    );
  });

  it('kubectl cp into the document root, then ls and cat (the gaps of 11e1738)', () => {
    const { d, write } = setup();
    write('index.html', '<h1>mine</h1>\n');
    d.kubectl('cp index.html web:/usr/share/nginx/html/');
    expect([d.text(), d.exitCode()]).toEqual(['', 0]);
    expect(run(d, 'exec web -- cat /usr/share/nginx/html/index.html')[0]).toBe('<h1>mine</h1>\n');
    const long = run(d, 'exec web -- ls -l /usr/share/nginx/html')[0] as string;
    expect(long).toMatch(
      /^total 8\n-rw-r--r-- 1 root root 497 Nov 26 {2}2024 50x\.html\n-rw-r--r-- 1 root root {2}14 \w{3} [ \d]\d \d\d:\d\d index\.html\n$/,
    );
    d.sh('mkdir -p /home/student/ch03/site/css');
    write('site/css/a.css', 'h1{}\n');
    d.kubectl('cp site web:/usr/share/nginx/html/site');
    expect(run(d, 'exec web -- ls -R /usr/share/nginx/html')[0]).toBe(
      '/usr/share/nginx/html:\n50x.html\nindex.html\nsite\n\n/usr/share/nginx/html/site:\ncss\n\n/usr/share/nginx/html/site/css:\na.css\n',
    );
  });
});

describe('a configMap volume beside the image', () => {
  it('ls of the mount and another directory lists both (the mount through its atomic writer layout)', () => {
    const { d } = setup();
    d.kubectl('create configmap cfg --from-literal=greeting=hello');
    d.apply(`apiVersion: v1
kind: Pod
metadata:
  name: vol
spec:
  containers:
    - name: vol
      image: busybox
      args: [sleep, '100000']
      volumeMounts:
        - name: c
          mountPath: /etc/cfg
  volumes:
    - name: c
      configMap:
        name: cfg
`);
    d.advance(60_000);
    expect(run(d, 'exec vol -- ls /etc/cfg /var/www')).toEqual(['/etc/cfg:\ngreeting\n\n/var/www:\n', '', 0]);
    expect(run(d, 'exec vol -- cat /etc/cfg/greeting')[0]).toBe('hello');
    expect(run(d, 'exec vol -- ls /etc')[0]).toBe(
      'cfg\ngroup\nhostname\nhosts\nlocaltime\nnsswitch.conf\npasswd\nresolv.conf\nshadow\n',
    );
  });
});

describe('writable layers', () => {
  const POD = `apiVersion: v1
kind: Pod
metadata:
  name: two
spec:
  containers:
    - name: a
      image: busybox
      args: [sleep, '100000']
      volumeMounts: [{ name: shared, mountPath: /shared }]
    - name: b
      image: busybox
      args: [sleep, '100000']
      volumeMounts: [{ name: shared, mountPath: /shared }]
  volumes:
    - name: shared
      emptyDir: {}
`;

  it("each container has its own; an emptyDir volume's files are the Pod's", () => {
    const { d } = setup();
    d.apply(POD).advance(60_000);
    expect(run(d, 'exec two -c a -- sh -c "echo a > /tmp/own; echo s > /shared/f"')[2]).toBe(0);
    expect(run(d, 'exec two -c b -- ls /tmp /shared')).toEqual(['/shared:\nf\n\n/tmp:\n', '', 0]);
    expect(run(d, 'exec two -c b -- cat /shared/f')[0]).toBe('s\n');
    expect(run(d, 'exec two -c a -- cat /tmp/own')[0]).toBe('a\n');
  });
});

describe('a restarted container', () => {
  it("starts from the image again: the last instance's writes are gone", () => {
    const { d } = setup();
    d.apply(`apiVersion: v1
kind: Pod
metadata:
  name: brief
spec:
  containers:
    - name: brief
      image: busybox
      args: [sleep, '40']
`).advance(10_000);
    expect(run(d, 'exec brief -- sh -c "echo x > /tmp/x; ls /tmp"')[0]).toBe('x\n');
    d.advance(45_000);
    d.kubectl('get pod brief -o jsonpath={.status.containerStatuses[0].restartCount}');
    expect(d.stdout()).toBe('1');
    expect(run(d, 'exec brief -- ls /tmp')).toEqual(['', '', 0]);
  });
});

describe('directories whose contents the model does not have', () => {
  it('ls says so on stderr rather than looking empty; an empty directory of the image is just empty', () => {
    const { d } = setup();
    expect(run(d, 'exec sl -- ls /usr/lib')).toEqual([
      '',
      "ls: /usr/lib: the image's own files here are not modelled in this playground\n",
      0,
    ]);
    expect(run(d, 'exec sl -- ls /mnt')).toEqual(['', '', 0]);
    expect(run(d, 'exec bb -- ls /home')).toEqual(['', '', 0]);
  });
});

describe('a file where a directory is wanted', () => {
  it('is ENOTDIR: "Not a directory" in each applet', () => {
    const { d } = setup();
    expect(run(d, 'exec bb -- ls /etc/passwd/x')[1]).toBe(
      'ls: /etc/passwd/x: Not a directory\ncommand terminated with exit code 1\n',
    );
    expect(run(d, 'exec bb -- cat /etc/passwd/x')[1]).toBe(
      "cat: can't open '/etc/passwd/x': Not a directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec bb -- mkdir /etc/passwd/x')[1]).toBe(
      "mkdir: can't create directory '/etc/passwd/x': Not a directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec web -- ls /etc/hostname/x')[1]).toBe(
      "ls: cannot access '/etc/hostname/x': Not a directory\ncommand terminated with exit code 2\n",
    );
    expect(run(d, 'exec web -- rm /etc/hostname/x')[1]).toBe(
      "rm: cannot remove '/etc/hostname/x': Not a directory\ncommand terminated with exit code 1\n",
    );
  });
});

describe('rm through a file', () => {
  it("BusyBox's remove_file: ENOTDIR is `can't stat`, even with -f; GNU's -f ignores it", () => {
    const { d } = setup();
    expect(run(d, 'exec bb -- rm -f /etc/passwd/x')[1]).toBe(
      "rm: can't stat '/etc/passwd/x': Not a directory\ncommand terminated with exit code 1\n",
    );
    expect(run(d, 'exec web -- rm -f /etc/hostname/x')).toEqual(['', '', 0]);
  });
});
