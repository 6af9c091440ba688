// The directory trees the images ship, as far as they are established (what `ls`, `cat`, `find`,
// `kubectl cp` see before anything is written; ./fs.ts lays the container's writes over them).
// Listings of a modelled directory show only the entries modelled here: /bin's hundreds of
// applets, /usr/share's packages and /app's assemblies are not (their names are not established).
// - Alpine 3.15 (the sleep image, the .NET images' aspnet:6.0-alpine base, alpine, nginx:alpine):
//   the minirootfs' top-level directories and /usr's bin, lib, local, sbin, share; the sleep
//   image's release files (proc.ts cites them); /app, the .NET images' WORKDIR (busybox/info.ts).
// - busybox (docker-library/busybox Dockerfile.builder): /bin (busybox --install), /etc from
//   buildroot's skeleton (group, passwd, shadow) plus nsswitch.conf and localtime, /lib and the
//   lib64 -> lib link, and buildroot's system/device_table.txt directories (/dev, /tmp 1777,
//   /etc, /root 700, /var/www), every passwd home made (/usr/sbin, /var/spool/mail, /var, /home),
//   /usr/bin/env -> ../../bin/env. runc adds the /proc and /sys mount points.
// - nginx (Debian bookworm-slim, merged /usr: bin, lib, lib64, sbin link into usr): ./image-nginx.ts;
//   bash's /etc/bash.bashrc and /etc/skel, root's .bashrc and .profile (all /root holds):
//   ./image-debian.ts. bash itself is /bin/bash (a program of the command table, not listed here).

import { DEBIAN_BASH_BASHRC, DEBIAN_ROOT_BASHRC, DEBIAN_ROOT_PROFILE, DEBIAN_SKEL } from './image-debian';
import {
  NGINX_50X,
  NGINX_CONF,
  NGINX_DEFAULT_CONF,
  NGINX_OPAQUE,
  NGINX_ROOT,
  NGINX_TARBALL_MS,
  NGINX_WELCOME,
} from './image-nginx';
import type { ImageInfo } from './images';

export interface ImageEntry {
  kind: 'dir' | 'file' | 'link';
  /** A file's text; undefined when the image has the file but its text is not modelled. */
  text?: string;
  /** A file's size in bytes. */
  size?: number;
  /** Permission bits (with the sticky bit). */
  mode: number;
  /** Modification time (ms) when it is established; undefined when it is not. */
  mtime?: number;
  /** A symlink's target, as stored. */
  target?: string;
  /** A directory whose every entry is modelled here (so ls -l can count and total it). */
  complete?: boolean;
}

export type Layout = ReadonlyMap<string, ImageEntry>;

/** The container's file system is overlayfs on ext4: a directory is 4096 bytes. */
export const DIR_SIZE = 4096;

const ALPINE_TOP = [
  'bin',
  'dev',
  'etc',
  'home',
  'lib',
  'media',
  'mnt',
  'opt',
  'proc',
  'root',
  'run',
  'sbin',
  'srv',
  'sys',
  'tmp',
  'usr',
  'var',
];

/** alpine-baselayout's release files in the sleep image (FROM alpine:3.15, patch release 3.15.5). */
export const ALPINE_FILES: Record<string, string> = {
  '/etc/os-release':
    'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.15.5\nPRETTY_NAME="Alpine Linux v3.15"\n' +
    'HOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://bugs.alpinelinux.org/"\n',
  '/etc/alpine-release': '3.15.5\n',
};

/** buildroot's system/skeleton/etc/passwd, the busybox image's /etc/passwd. */
const BUILDROOT_PASSWD = `root:x:0:0:root:/root:/bin/sh
daemon:x:1:1:daemon:/usr/sbin:/bin/false
bin:x:2:2:bin:/bin:/bin/false
sys:x:3:3:sys:/dev:/bin/false
sync:x:4:100:sync:/bin:/bin/sync
mail:x:8:8:mail:/var/spool/mail:/bin/false
www-data:x:33:33:www-data:/var/www:/bin/false
operator:x:37:37:Operator:/var:/bin/false
nobody:x:65534:65534:nobody:/home:/bin/false
`;

class Builder {
  readonly map = new Map<string, ImageEntry>([['/', { kind: 'dir', mode: 0o755 }]]);
  dir(path: string, mode = 0o755): this {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) {
      const at = `/${parts.slice(0, i).join('/')}`;
      if (!this.map.has(at)) this.map.set(at, { kind: 'dir', mode: i === parts.length ? mode : 0o755 });
    }
    return this;
  }
  /** Directories the image ships empty, or with only the entries modelled here. */
  complete(paths: string[]): this {
    for (const p of paths) {
      this.dir(p);
      const e = this.map.get(p);
      if (e) e.complete = true;
    }
    return this;
  }
  dirs(paths: string[]): this {
    for (const p of paths) this.dir(p);
    return this;
  }
  file(path: string, text: string | undefined, opts: { size?: number; mode?: number; mtime?: number } = {}) {
    this.dir(path.slice(0, path.lastIndexOf('/')) || '/');
    const size = opts.size ?? (text === undefined ? 0 : new TextEncoder().encode(text).length);
    const e: ImageEntry = { kind: 'file', size, mode: opts.mode ?? 0o644 };
    if (text !== undefined) e.text = text;
    if (opts.mtime !== undefined) e.mtime = opts.mtime;
    this.map.set(path, e);
    return this;
  }
  link(path: string, target: string): this {
    this.dir(path.slice(0, path.lastIndexOf('/')) || '/');
    this.map.set(path, { kind: 'link', mode: 0o777, target });
    return this;
  }
}

function alpineBase(): Builder {
  return new Builder()
    .dirs(ALPINE_TOP.map((d) => `/${d}`))
    .dir('/tmp', 0o1777)
    .dir('/root', 0o700)
    .dirs(['/usr/bin', '/usr/lib', '/usr/local', '/usr/sbin', '/usr/share'])
    .complete(['/home', '/media', '/mnt', '/opt', '/root', '/srv', '/tmp']);
}

function busyboxImage(): Builder {
  const b = new Builder()
    .dirs([
      '/bin',
      '/dev',
      '/etc',
      '/home',
      '/lib',
      '/proc',
      '/sys',
      '/usr/bin',
      '/usr/sbin',
      '/var/spool/mail',
    ])
    .dir('/var/www')
    .dir('/tmp', 0o1777)
    .dir('/root', 0o700)
    .link('/lib64', 'lib')
    .link('/usr/bin/env', '../../bin/env')
    .file('/etc/passwd', BUILDROOT_PASSWD);
  for (const f of ['group', 'localtime', 'nsswitch.conf']) b.file(`/etc/${f}`, undefined);
  b.file('/etc/shadow', undefined, { mode: 0o600 });
  return b.complete(['/home', '/root', '/tmp', '/usr/bin', '/usr/sbin', '/var/spool/mail', '/var/www']);
}

function nginxImage(alpine: boolean): Builder {
  const b = alpine
    ? alpineBase()
    : new Builder()
        .dirs(['/boot', '/dev', '/etc', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys'])
        .dirs(['/usr/bin', '/usr/lib', '/usr/lib64', '/usr/sbin', '/usr/share', '/usr/local', '/var'])
        .dir('/tmp', 0o1777)
        .dir('/root', 0o700)
        .link('/bin', 'usr/bin')
        .link('/lib', 'usr/lib')
        .link('/lib64', 'usr/lib64')
        .link('/sbin', 'usr/sbin');
  const tarball = { mtime: NGINX_TARBALL_MS };
  b.dirs(['/etc/nginx/conf.d', '/usr/lib/nginx/modules', '/var/cache/nginx', '/docker-entrypoint.d'])
    .link('/etc/nginx/modules', '/usr/lib/nginx/modules')
    .link('/var/log/nginx/access.log', '/dev/stdout')
    .link('/var/log/nginx/error.log', '/dev/stderr')
    .file(`${NGINX_ROOT}/index.html`, NGINX_WELCOME, tarball)
    .file(`${NGINX_ROOT}/50x.html`, NGINX_50X, tarball)
    .file('/etc/nginx/nginx.conf', NGINX_CONF);
  // conf.d/default.conf as the entrypoint left it (fs.ts: its time is the container's start).
  b.file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF);
  for (const [path, size] of Object.entries(NGINX_OPAQUE)) {
    const script = path.startsWith('/docker-entrypoint');
    b.file(path, undefined, script ? { size, mode: 0o755 } : { size, mtime: NGINX_TARBALL_MS });
  }
  if (alpine) b.file('/etc/nginx/fastcgi.conf', undefined, { size: 1077, mtime: NGINX_TARBALL_MS });
  else {
    b.file('/etc/bash.bashrc', DEBIAN_BASH_BASHRC)
      .file('/root/.bashrc', DEBIAN_ROOT_BASHRC)
      .file('/root/.profile', DEBIAN_ROOT_PROFILE)
      .complete(['/root']);
    for (const [path, size] of Object.entries(DEBIAN_SKEL)) b.file(path, undefined, { size });
  }
  b.complete(['/etc/nginx', '/etc/nginx/conf.d', '/docker-entrypoint.d', '/usr/share/nginx', NGINX_ROOT]);
  b.complete(['/var/log/nginx', '/tmp', '/home', '/media', '/mnt', '/opt', '/srv']);
  return b;
}

const cache = new Map<string, Layout>();

/** The image's tree (absolute paths, `/` included), built once per kind. */
export function imageLayout(info: ImageInfo): Layout {
  const alpineTools = info.tools === 'alpine' || info.tools === 'alpine-curl';
  const key =
    info.app === 'nginx'
      ? `nginx:${alpineTools ? 'alpine' : 'debian'}`
      : info.repository === 'busybox'
        ? 'busybox'
        : `${info.app}`;
  let layout = cache.get(key);
  if (layout) return layout;
  let b: Builder;
  if (info.app === 'nginx') b = nginxImage(alpineTools);
  else if (info.repository === 'busybox') b = busyboxImage();
  else {
    b = alpineBase();
    if (info.app === 'sleep') for (const [path, text] of Object.entries(ALPINE_FILES)) b.file(path, text);
    if (info.app === 'numbers-api' || info.app === 'numbers-web') b.dir('/app');
  }
  layout = b.map;
  cache.set(key, layout);
  return layout;
}
