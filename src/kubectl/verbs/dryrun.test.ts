// GetDryRunStrategy's answers and klog warnings (helpers.go v0.34.9), through the flag parser.
import { describe, expect, it } from 'vitest';
import { parseFlags } from '../flags';
import { clusterDryRun, DRY_RUN_FLAG, dryRunSuffix, getDryRunStrategy, klogWarningHeader } from './dryrun';

// 2026-11-26T00:05:07.042Z
const NOW = Date.UTC(2026, 10, 26, 0, 5, 7, 42);

function strategyFor(args: string[]) {
  const parsed = parseFlags(args, [DRY_RUN_FLAG, { name: 'output', short: 'o', type: 'string' }]);
  if (!parsed.ok) throw new Error(parsed.message);
  let err = '';
  const r = getDryRunStrategy(parsed.flags, { err: (t) => (err += t), now: NOW, pid: 4228 });
  return { r, err, positional: parsed.positional };
}

describe('--dry-run', () => {
  it('none / client / server, and the default none, without warnings', () => {
    expect(strategyFor([])).toEqual({ r: { ok: true, strategy: 'none' }, err: '', positional: [] });
    for (const s of ['none', 'client', 'server'] as const) {
      expect(strategyFor([`--dry-run=${s}`]).r).toEqual({ ok: true, strategy: s });
      expect(strategyFor(['--dry-run', s]).r).toEqual({ ok: true, strategy: 'client' }); // NoOptDefVal
      expect(strategyFor([`--dry-run=${s}`]).err).toBe('');
    }
  });

  it('a bare --dry-run is client, with the deprecation warning at helpers.go:731; the next word stays an argument', () => {
    const { r, err, positional } = strategyFor(['--dry-run', 'server']);
    expect(r).toEqual({ ok: true, strategy: 'client' });
    expect(positional).toEqual(['server']);
    expect(err).toBe(
      'W1126 00:05:07.042000    4228 helpers.go:731] --dry-run is deprecated and can be replaced with --dry-run=client.\n',
    );
    expect(strategyFor(['--dry-run=unchanged']).err).toContain('helpers.go:731] --dry-run is deprecated');
  });

  it('boolean values: true-ish → client (line 745), false-ish → none (line 748), as strconv.ParseBool reads them', () => {
    const t = strategyFor(['--dry-run=true']);
    expect(t.r).toEqual({ ok: true, strategy: 'client' });
    expect(t.err).toBe(
      'W1126 00:05:07.042000    4228 helpers.go:745] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.\n',
    );
    const f = strategyFor(['--dry-run=false']);
    expect(f.r).toEqual({ ok: true, strategy: 'none' });
    expect(f.err).toBe(
      'W1126 00:05:07.042000    4228 helpers.go:748] --dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.\n',
    );
    expect(strategyFor(['--dry-run=1']).r).toEqual({ ok: true, strategy: 'client' });
    expect(strategyFor(['--dry-run=F']).r).toEqual({ ok: true, strategy: 'none' });
    expect(strategyFor(['--dry-run=False']).err).toContain('--dry-run=False is deprecated (boolean value)');
    // Not a ParseBool spelling: an invalid value.
    expect(strategyFor(['--dry-run=yes']).r.ok).toBe(false);
    expect(strategyFor(['--dry-run=Client']).r.ok).toBe(false);
  });

  it('an invalid value: kubectl’s exact error, no warning', () => {
    const { r, err } = strategyFor(['--dry-run=maybe']);
    expect(r).toEqual({
      ok: false,
      message: 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".',
    });
    expect(err).toBe('');
    expect(strategyFor(['--dry-run=']).r).toEqual({
      ok: false,
      message: 'error: Invalid dry-run value (). Must be "none", "server", or "client".',
    });
  });

  it('suffixes and the facade option', () => {
    expect(dryRunSuffix('none')).toBe('');
    expect(dryRunSuffix('client')).toBe(' (dry run)');
    expect(dryRunSuffix('server')).toBe(' (server dry run)');
    expect(clusterDryRun('server')).toEqual({ dryRun: true });
    expect(clusterDryRun('client')).toEqual({});
    expect(clusterDryRun('none')).toEqual({});
  });

  it('klog header: month/day, microseconds, pid padded to 7', () => {
    expect(klogWarningHeader(Date.UTC(2026, 0, 2, 3, 4, 5, 6), 12, 731)).toBe(
      'W0102 03:04:05.006000      12 helpers.go:731] ',
    );
  });
});
