// Finds a Chromium for Playwright on this machine, in order:
//   1. Playwright's own downloaded browser (if someone ran `npx playwright install` where that works),
//   2. Debian's /usr/bin/chromium (or CHROMIUM_PATH),
//   3. installs Debian's `chromium` with apt when running as root,
//   4. otherwise stops with a message naming exactly what to install.
// Prints the executable path on stdout (logs go to stderr).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const log = (m) => process.stderr.write(`[find-browser] ${m}\n`);

function playwrightOwn() {
  try {
    const out = execFileSync(
      process.execPath,
      ['-e', "const {chromium}=require('@playwright/test');process.stdout.write(chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out && existsSync(out) ? out : undefined;
  } catch {
    return undefined;
  }
}

function systemChromium() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

export function findBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const own = playwrightOwn();
  if (own) return own;
  const sys = systemChromium();
  if (sys) return sys;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    log("no Chromium found: installing Debian's chromium with apt-get (about 35 s)…");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const upd = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const inst = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-liberation'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
    if (upd.status === 0 && inst.status === 0) {
      const now = systemChromium();
      if (now) return now;
    }
    log('apt-get could not install chromium.');
  }
  return undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = findBrowser();
  if (!p) {
    process.stderr.write(
      'No Chromium for the end-to-end tests. Install one of:\n' +
        '  - Debian/Ubuntu: sudo apt-get install chromium fonts-liberation\n' +
        '  - or set CHROMIUM_PATH=/path/to/chrome-or-chromium\n',
    );
    process.exit(1);
  }
  process.stdout.write(p);
}
