import { formatIpv4 } from '../net/address/ipv4';
import type { PingOutcome } from '../net/sim/trace';

/** A ping's fate in a phrase. */
export function describeOutcome(o: PingOutcome): string {
  switch (o.status) {
    case 'sent':
      return 'sent, no answer yet';
    case 'reply':
      return `reply from ${formatIpv4(o.from)}`;
    case 'time-exceeded':
      return `time to live exceeded at ${formatIpv4(o.from)} (a routing loop?)`;
    case 'unreachable':
      return `destination ${o.code === 0 ? 'net' : o.code === 3 ? 'port' : 'host'} unreachable, reported by ${formatIpv4(o.from)}`;
    case 'timeout':
      return 'no reply before the timeout';
    case 'failed':
      return o.reason;
  }
}
