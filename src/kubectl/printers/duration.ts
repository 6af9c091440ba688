// AGE and "X ago" formatting: apimachinery util/duration.HumanDuration and kubectl's
// translateTimestampSince (reference §B0).

/** duration.HumanDuration for a non-negative duration in milliseconds. */
export function humanDuration(ms: number): string {
  // Go: int(d.Seconds()) truncates toward zero; up to 2 s (exclusive) in the future is "now".
  const truncated = Math.trunc(ms / 1000);
  if (truncated < -1) return '<invalid>';
  if (ms < 0) return '0s';
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    const d = Math.floor(hours / 24);
    return h === 0 ? `${d}d` : `${d}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    const y = Math.floor(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/**
 * duration.ShortHumanDuration's sibling used by kubectl tables: the time since `timestamp`
 * (RFC 3339), `<unknown>` when unset. A timestamp up to 2 s in the future (clock skew) is `0s`;
 * further in the future is `<invalid>` [apimachinery HumanDuration].
 */
export function translateTimestampSince(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  const t = parseTime(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(nowMs - t);
}

// Date.parse is a pure function of its argument (no clock), so it is allowed in the core.
export function parseTime(ts: string): number {
  return Date.parse(ts);
}
