import { formatIpv4 } from '../net/address/ipv4';
import type { PingOutcome } from '../net/sim/trace';
import { message } from './messages';

/** A ping's fate in a phrase. */
export function describeOutcome(o: PingOutcome, locale = 'en'): string {
  switch (o.status) {
    case 'sent':
      return message('ping-sent', {}, locale);
    case 'reply':
      return message('ping-reply-from', { from: formatIpv4(o.from) }, locale);
    case 'time-exceeded':
      return message('ping-time-exceeded', { from: formatIpv4(o.from) }, locale);
    case 'unreachable':
      return message('ping-unreachable', { what: o.code === 0 ? 'net' : o.code === 3 ? 'port' : 'host', from: formatIpv4(o.from) }, locale);
    case 'timeout':
      return message('ping-timeout', {}, locale);
    case 'failed':
      return o.reason;
  }
}
