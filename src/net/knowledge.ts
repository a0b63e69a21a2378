/**
 * Facts the curriculum asks about that are not computed from a topology: which OSI layer a
 * device or protocol works at, which transport an application uses, which port a service
 * listens on (IANA's registry). One table, so drills, questions and explanations agree.
 */

export const OSI_LAYERS = ['physical', 'data link', 'network', 'transport', 'session', 'presentation', 'application'] as const;
export type OsiLayerName = (typeof OSI_LAYERS)[number];

/** Layer number (1–7) of devices and protocols, with the reason a learner should remember. */
export const LAYER_OF: Record<string, { layer: number; why: string }> = {
  hub: { layer: 1, why: 'a hub repeats bits to every port without reading any address' },
  repeater: { layer: 1, why: 'a repeater regenerates the signal; it understands no addresses' },
  cable: { layer: 1, why: 'cables carry the bits themselves' },
  switch: { layer: 2, why: 'a switch forwards frames by destination MAC address' },
  bridge: { layer: 2, why: 'a bridge forwards frames by MAC address' },
  nic: { layer: 2, why: 'a network card has the MAC address and frames the data' },
  ethernet: { layer: 2, why: 'Ethernet frames carry MAC addresses' },
  mac: { layer: 2, why: 'MAC addresses live in the Ethernet header' },
  arp: { layer: 2, why: 'ARP maps IP addresses to MAC addresses on one link (it sits between layers 2 and 3, carried directly in Ethernet frames)' },
  router: { layer: 3, why: 'a router forwards packets by destination IP address' },
  ip: { layer: 3, why: 'IP addresses and routing are the network layer' },
  ipv4: { layer: 3, why: 'IP addresses and routing are the network layer' },
  icmp: { layer: 3, why: 'ICMP reports errors for IP and travels inside IP packets' },
  tcp: { layer: 4, why: 'TCP gives reliable, ordered streams between ports' },
  udp: { layer: 4, why: 'UDP carries datagrams between ports' },
  port: { layer: 4, why: 'port numbers pick the process: the transport layer' },
  tls: { layer: 6, why: 'encryption and encoding of data is the presentation layer in the OSI model' },
  http: { layer: 7, why: 'HTTP is what the application speaks' },
  https: { layer: 7, why: 'HTTPS is HTTP (application) over TLS' },
  dns: { layer: 7, why: 'DNS is an application protocol' },
  dhcp: { layer: 7, why: 'DHCP is an application protocol carried over UDP' },
  ftp: { layer: 7, why: 'FTP is an application protocol' },
  smtp: { layer: 7, why: 'SMTP is an application protocol' },
  ssh: { layer: 7, why: 'SSH is an application protocol' },
  browser: { layer: 7, why: 'the browser is the application' },
};

export type Transport = 'tcp' | 'udp';

/** Which transport an application uses, and why. */
export const TRANSPORT_FOR: Record<string, { transport: Transport; why: string }> = {
  web: { transport: 'tcp', why: 'web pages must arrive complete and in order' },
  http: { transport: 'tcp', why: 'web pages must arrive complete and in order' },
  https: { transport: 'tcp', why: 'web pages must arrive complete and in order' },
  email: { transport: 'tcp', why: 'a mail must not lose a byte' },
  smtp: { transport: 'tcp', why: 'a mail must not lose a byte' },
  'file-transfer': { transport: 'tcp', why: 'a file with a missing piece is useless' },
  ftp: { transport: 'tcp', why: 'a file with a missing piece is useless' },
  ssh: { transport: 'tcp', why: 'every keystroke must arrive, in order' },
  dns: { transport: 'udp', why: 'one small question, one small answer: a connection would cost more than the query (large answers fall back to TCP)' },
  dhcp: { transport: 'udp', why: 'a host without an address cannot open connections; it broadcasts datagrams' },
  video: { transport: 'udp', why: 'a late frame is worthless: better to skip it than to wait for a retransmission' },
  'live-video': { transport: 'udp', why: 'a late frame is worthless: better to skip it than to wait for a retransmission' },
  voip: { transport: 'udp', why: 'speech must be on time; a lost packet is a tiny gap, a retransmitted one is an echo' },
  gaming: { transport: 'udp', why: 'the newest position matters, not an old one resent' },
  ntp: { transport: 'udp', why: 'a time query is one small datagram each way' },
  tftp: { transport: 'udp', why: 'TFTP keeps its own simple acknowledgements over UDP' },
  snmp: { transport: 'udp', why: 'small monitoring queries, one datagram each' },
};

/** IANA well-known ports (0–1023) and a few registered ones the curriculum mentions. */
export const PORT_OF: Record<string, { port: number; transport: Transport | 'both' }> = {
  ftp: { port: 21, transport: 'tcp' },
  'ftp-data': { port: 20, transport: 'tcp' },
  ssh: { port: 22, transport: 'tcp' },
  telnet: { port: 23, transport: 'tcp' },
  smtp: { port: 25, transport: 'tcp' },
  dns: { port: 53, transport: 'both' },
  'dhcp-server': { port: 67, transport: 'udp' },
  'dhcp-client': { port: 68, transport: 'udp' },
  tftp: { port: 69, transport: 'udp' },
  http: { port: 80, transport: 'tcp' },
  pop3: { port: 110, transport: 'tcp' },
  ntp: { port: 123, transport: 'udp' },
  imap: { port: 143, transport: 'tcp' },
  snmp: { port: 161, transport: 'udp' },
  https: { port: 443, transport: 'tcp' },
  mysql: { port: 3306, transport: 'tcp' },
  rdp: { port: 3389, transport: 'tcp' },
  postgresql: { port: 5432, transport: 'tcp' },
  'http-alt': { port: 8080, transport: 'tcp' },
};

export type PortRange = 'well-known' | 'registered' | 'dynamic';

/** RFC 6335: 0–1023 system (well-known), 1024–49151 user (registered), 49152–65535 dynamic (ephemeral). */
export function portRange(port: number): PortRange {
  if (port < 1024) return 'well-known';
  if (port < 49152) return 'registered';
  return 'dynamic';
}

/** Normalises a name a player or author typed: "Data Link" → "data link", "IPv4" → "ipv4". */
export function normalizeTerm(s: string): string {
  return s.trim().toLowerCase().replace(/[_\s]+/g, ' ').replace(/-/g, ' ').replace(/ layer$/, '');
}

export function layerNumber(answer: string | number): number | undefined {
  if (typeof answer === 'number') return Number.isInteger(answer) && answer >= 1 && answer <= 7 ? answer : undefined;
  const t = normalizeTerm(answer).replace(/^l(?=\d$)/, '');
  if (/^[1-7]$/.test(t)) return Number(t);
  const i = OSI_LAYERS.indexOf(t as OsiLayerName);
  return i >= 0 ? i + 1 : t === 'link' ? 2 : t === 'datalink' ? 2 : undefined;
}
