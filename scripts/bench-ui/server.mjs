// Build and serve the production bundle for the UI benchmark, and always stop the server again.
// The build goes to its own directory (not dist/) so an e2e run serving dist/ on port 4173 at the same
// time never sees half-written files. `vite preview` is started as `node …/vite.js` (what `npx vite`
// runs) so the child we hold IS the server: killing its PID frees the port (TOOLCHAIN gotcha 19).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Where the bench build goes unless --out-dir says otherwise (relative to the working directory). */
export const DEFAULT_OUT_DIR = 'node_modules/.cache/bench-ui/dist';

/** `npx vite build` into outDir, with a manifest (to tell lazy chunks apart) and hidden source maps. */
export function build(outDir) {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--sourcemap', 'hidden'];
  process.stderr.write(`[bench-ui] npx ${args.join(' ')}\n`);
  const r = spawnSync('npx', args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
}

export function hasBuild(outDir) {
  return existsSync(join(outDir, 'index.html'));
}

/** True when something already listens on host:port (another bench:ui run: it would share OUT_DIR). */
export function portTaken(host, port) {
  return new Promise((resolve) => {
    const sock = connect({ host, port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

function viteBin() {
  const pkg = require.resolve('vite/package.json');
  return join(dirname(pkg), 'bin', 'vite.js');
}

/** Start `vite preview` on host:port; resolves once it answers. */
export async function startPreview(host, port, outDir) {
  const child = spawn(
    process.execPath,
    [viteBin(), 'preview', '--outDir', outDir, '--host', host, '--port', String(port), '--strictPort'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // last resort if this process ends without stopping it (an uncaught error): never leave the port taken
  process.once('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const stop = () => stopPreview(child);
  const url = `http://${host}:${port}/`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}): ${stderr.trim()}`);
    try {
      const r = await fetch(url);
      if (r.ok) return { url, stop, pid: child.pid };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`vite preview did not answer on ${url}: ${stderr.trim()}`);
}

/** SIGTERM the server's own PID, SIGKILL it if it is still there after 3 s. */
async function stopPreview(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => {
    if (child.exitCode === null) child.kill('SIGKILL');
  }, 3000);
  await gone;
  clearTimeout(t);
}
