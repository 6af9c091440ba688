// The tracer's shared wording: a packet as a hop label, a clock time, and the verdict of a packet
// that nobody answers. The reasons specific to one path are written where that path is decided
// (./trace, ./trace-proxy, ./trace-deliver, ./trace-icmp). Every sentence is made with `say`: the
// English text (kubectl, tests and the replay read it) and the same sentence in machine form (a key of
// the UI's trace catalogue, src/ui/i18n/messages-trace.ts, whose English message renders to this text).
import type { Protocol } from '../api/types';
import type { TextCode, TextParam, TraceRequest } from '../contract';
import type { Outcome } from './trace-walk';

/** A sentence: its English text and its machine form. */
export interface Said {
  text: string;
  code: TextCode;
}

/** `text` is the English message `key` with `params` filled in (a test holds the two together). */
export const say = (key: string, params: Record<string, TextParam>, text: string): Said => ({
  text,
  code: { key, params },
});

/** `{via}: {text}`: a reason that says which way the packet came (a Service, loopback) first. */
export const via = (v: Said | undefined, s: Said): Said =>
  v ? say('via', { via: v.code, text: s.code }, `${v.text}: ${s.text}`) : s;

/** A packet as a hop label: `ICMP echo → ip`, `SYN → ip:port`, `UDP → ip:port`. */
export const what = (proto: TraceRequest['protocol'], ip: string, port?: number) =>
  proto === 'ICMP' ? `ICMP echo → ${ip}` : proto === 'TCP' ? `SYN → ${ip}:${port}` : `UDP → ${ip}:${port}`;

/** The simulated clock's instant as hh:mm:ss (UTC). */
export const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * A packet that nobody answers: a TCP client retransmits its SYN until the connection times out;
 * ICMP and UDP get no reply at all.
 */
export function lost(proto: Protocol | 'ICMP', why: Said): Outcome {
  return proto === 'TCP'
    ? outcome(
        'timeout',
        say(
          'lostTcp',
          { reason: why.code },
          `${why.text}; the SYN is never answered, so the connection times out`,
        ),
      )
    : outcome('no-reply', say('lostNoReply', { reason: why.code }, `${why.text}, so nothing answers`));
}

export const outcome = (verdict: Outcome['verdict'], s: Said): Outcome => ({
  verdict,
  reason: s.text,
  code: s.code,
});
