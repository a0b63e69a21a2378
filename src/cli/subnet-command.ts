import { formatIpv4, ipv4ToBinary } from '../net/address/ipv4';
import {
  addressClass,
  addressRole,
  broadcastAddress,
  firstHost,
  formatMask,
  isLoopback,
  isPrivate,
  lastHost,
  maskFromPrefix,
  networkAddress,
  parseCidr,
  usableHostCount,
} from '../net/address/subnet';
import type { Io } from './main';
import { parseCommand, UsageError } from './main';

export function runSubnet(args: readonly string[], io: Io): number {
  const { values, positionals } = parseCommand(args, { json: { type: 'boolean' } });
  if (positionals.length !== 1) throw new UsageError(`'subnet' takes one address with its prefix, like 192.168.10.77/26`);
  const parsed = parseCidr(positionals[0]!);
  if (!parsed.ok) {
    io.err(`netquest subnet: ${parsed.error}\n`);
    return 1;
  }
  const { address, prefix } = parsed.value;
  const facts = {
    address: formatIpv4(address),
    prefix,
    mask: formatMask(maskFromPrefix(prefix)),
    network: formatIpv4(networkAddress(address, prefix)),
    broadcast: prefix >= 31 ? null : formatIpv4(broadcastAddress(address, prefix)),
    firstHost: formatIpv4(firstHost(address, prefix)),
    lastHost: formatIpv4(lastHost(address, prefix)),
    hosts: usableHostCount(prefix),
    role: addressRole(address, prefix),
    private: isPrivate(address),
    loopback: isLoopback(address),
    class: addressClass(address),
  };
  if (values.json) {
    io.out(`${JSON.stringify(facts)}\n`);
    return 0;
  }
  const roleNote =
    facts.role === 'network'
      ? '  (this is the network address itself: no host may use it)'
      : facts.role === 'broadcast'
        ? '  (this is the broadcast address: no host may use it)'
        : '';
  const lines = [
    `address    ${facts.address}/${prefix}${roleNote}`,
    `binary     ${ipv4ToBinary(address)}`,
    `mask       ${facts.mask}  ${ipv4ToBinary(maskFromPrefix(prefix) as number as typeof address)}`,
    `network    ${facts.network}  (address AND mask)`,
    `broadcast  ${facts.broadcast ?? `none: a /${prefix} ${prefix === 31 ? 'is a point-to-point link, both addresses usable (RFC 3021)' : 'is a single host'}`}`,
    `hosts      ${facts.firstHost} – ${facts.lastHost}  (${facts.hosts} usable)`,
    `kind       ${facts.private ? 'private (RFC 1918)' : facts.loopback ? 'loopback' : 'public'}, historic class ${facts.class}`,
  ];
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
