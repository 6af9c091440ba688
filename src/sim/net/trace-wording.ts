// The tracer's shared wording: a packet as a hop label, a clock time, and the verdict of a packet
// that nobody answers. The reasons specific to one path are written where that path is decided
// (./trace, ./trace-proxy, ./trace-deliver, ./trace-icmp).
import type { Protocol } from '../api/types';
import type { TraceRequest } from '../contract';
import type { Outcome } from './trace-walk';

/** A packet as a hop label: `ICMP echo → ip`, `SYN → ip:port`, `UDP → ip:port`. */
export const what = (proto: TraceRequest['protocol'], ip: string, port?: number) =>
  proto === 'ICMP' ? `ICMP echo → ${ip}` : proto === 'TCP' ? `SYN → ${ip}:${port}` : `UDP → ${ip}:${port}`;

/** The simulated clock's instant as hh:mm:ss (UTC). */
export const clockTime = (ms: number) => new Date(ms).toISOString().slice(11, 19);

/**
 * A packet that nobody answers: a TCP client retransmits its SYN until the connection times out;
 * ICMP and UDP get no reply at all.
 */
export function lost(proto: Protocol | 'ICMP', reason: string): Outcome {
  return proto === 'TCP'
    ? { verdict: 'timeout', reason: `${reason}; the SYN is never answered, so the connection times out` }
    : { verdict: 'no-reply', reason: `${reason}, so nothing answers` };
}
