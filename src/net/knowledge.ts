/**
 * Facts the curriculum asks about that are not computed from a topology: which OSI layer a
 * device or protocol works at, which transport an application uses, which port a service
 * listens on (IANA's registry). One table, so drills, questions and explanations agree.
 */

export const OSI_LAYERS = ['physical', 'data link', 'network', 'transport', 'session', 'presentation', 'application'] as const;
export type OsiLayerName = (typeof OSI_LAYERS)[number];
/** The layers' names in Chinese, in the same order. */
export const OSI_LAYERS_ZH = ['物理层', '数据链路层', '网络层', '传输层', '会话层', '表示层', '应用层'] as const;

/** Layer number (1–7) of devices and protocols, with the reason a learner should remember (and in Chinese). */
export const LAYER_OF: Record<string, { layer: number; why: string; zh: string }> = {
  hub: { layer: 1, why: 'a hub repeats bits to every port without reading any address', zh: '集线器把比特转发到每个端口，不看任何地址' },
  repeater: { layer: 1, why: 'a repeater regenerates the signal; it understands no addresses', zh: '中继器再生信号，不理解任何地址' },
  cable: { layer: 1, why: 'cables carry the bits themselves', zh: '网线传送的就是比特本身' },
  switch: { layer: 2, why: 'a switch forwards frames by destination MAC address', zh: '交换机按目的 MAC 地址转发帧' },
  bridge: { layer: 2, why: 'a bridge forwards frames by MAC address', zh: '网桥按 MAC 地址转发帧' },
  nic: { layer: 2, why: 'a network card has the MAC address and frames the data', zh: '网卡拥有 MAC 地址，并把数据封装成帧' },
  ethernet: { layer: 2, why: 'Ethernet frames carry MAC addresses', zh: '以太网帧里带的是 MAC 地址' },
  mac: { layer: 2, why: 'MAC addresses live in the Ethernet header', zh: 'MAC 地址在以太网首部里' },
  arp: { layer: 2, why: 'ARP maps IP addresses to MAC addresses on one link (it sits between layers 2 and 3, carried directly in Ethernet frames)', zh: 'ARP 在一条链路上把 IP 地址映射成 MAC 地址（介于第 2 层和第 3 层之间，直接装在以太网帧里）' },
  router: { layer: 3, why: 'a router forwards packets by destination IP address', zh: '路由器按目的 IP 地址转发分组' },
  ip: { layer: 3, why: 'IP addresses and routing are the network layer', zh: 'IP 地址和路由属于网络层' },
  ipv4: { layer: 3, why: 'IP addresses and routing are the network layer', zh: 'IP 地址和路由属于网络层' },
  icmp: { layer: 3, why: 'ICMP reports errors for IP and travels inside IP packets', zh: 'ICMP 为 IP 报告差错，它装在 IP 分组里传送' },
  tcp: { layer: 4, why: 'TCP gives reliable, ordered streams between ports', zh: 'TCP 在端口之间提供可靠、有序的字节流' },
  udp: { layer: 4, why: 'UDP carries datagrams between ports', zh: 'UDP 在端口之间传送数据报' },
  port: { layer: 4, why: 'port numbers pick the process: the transport layer', zh: '端口号用来找到进程：这是传输层的事' },
  tls: { layer: 6, why: 'encryption and encoding of data is the presentation layer in the OSI model', zh: '在 OSI 模型里，数据的加密和编码属于表示层' },
  http: { layer: 7, why: 'HTTP is what the application speaks', zh: 'HTTP 是应用程序说的语言' },
  https: { layer: 7, why: 'HTTPS is HTTP (application) over TLS', zh: 'HTTPS 就是跑在 TLS 之上的 HTTP（应用层）' },
  dns: { layer: 7, why: 'DNS is an application protocol', zh: 'DNS 是应用层协议' },
  dhcp: { layer: 7, why: 'DHCP is an application protocol carried over UDP', zh: 'DHCP 是跑在 UDP 上的应用层协议' },
  ftp: { layer: 7, why: 'FTP is an application protocol', zh: 'FTP 是应用层协议' },
  smtp: { layer: 7, why: 'SMTP is an application protocol', zh: 'SMTP 是应用层协议' },
  ssh: { layer: 7, why: 'SSH is an application protocol', zh: 'SSH 是应用层协议' },
  browser: { layer: 7, why: 'the browser is the application', zh: '浏览器就是应用程序' },
};

export type Transport = 'tcp' | 'udp';

/** Which transport an application uses, and why (and in Chinese). */
export const TRANSPORT_FOR: Record<string, { transport: Transport; why: string; zh: string }> = {
  web: { transport: 'tcp', why: 'web pages must arrive complete and in order', zh: '网页必须完整、按顺序到达' },
  http: { transport: 'tcp', why: 'web pages must arrive complete and in order', zh: '网页必须完整、按顺序到达' },
  https: { transport: 'tcp', why: 'web pages must arrive complete and in order', zh: '网页必须完整、按顺序到达' },
  email: { transport: 'tcp', why: 'a mail must not lose a byte', zh: '一封邮件一个字节也不能丢' },
  smtp: { transport: 'tcp', why: 'a mail must not lose a byte', zh: '一封邮件一个字节也不能丢' },
  'file-transfer': { transport: 'tcp', why: 'a file with a missing piece is useless', zh: '缺了一块的文件就没法用' },
  ftp: { transport: 'tcp', why: 'a file with a missing piece is useless', zh: '缺了一块的文件就没法用' },
  ssh: { transport: 'tcp', why: 'every keystroke must arrive, in order', zh: '每一次按键都必须按顺序到达' },
  dns: { transport: 'udp', why: 'one small question, one small answer: a connection would cost more than the query (large answers fall back to TCP)', zh: '一个小问题、一个小回答：建连接的开销比查询本身还大（回答太大时改用 TCP）' },
  dhcp: { transport: 'udp', why: 'a host without an address cannot open connections; it broadcasts datagrams', zh: '还没有地址的主机无法建立连接，只能广播数据报' },
  video: { transport: 'udp', why: 'a late frame is worthless: better to skip it than to wait for a retransmission', zh: '迟到的画面毫无价值：宁可跳过，也不等重传' },
  'live-video': { transport: 'udp', why: 'a late frame is worthless: better to skip it than to wait for a retransmission', zh: '迟到的画面毫无价值：宁可跳过，也不等重传' },
  voip: { transport: 'udp', why: 'speech must be on time; a lost packet is a tiny gap, a retransmitted one is an echo', zh: '语音必须准时：丢一个包只是一点空白，重传的包却成了回声' },
  gaming: { transport: 'udp', why: 'the newest position matters, not an old one resent', zh: '要的是最新的位置，而不是重发的旧位置' },
  ntp: { transport: 'udp', why: 'a time query is one small datagram each way', zh: '一次对时查询来回各只有一个小数据报' },
  tftp: { transport: 'udp', why: 'TFTP keeps its own simple acknowledgements over UDP', zh: 'TFTP 在 UDP 之上自己做简单的确认' },
  snmp: { transport: 'udp', why: 'small monitoring queries, one datagram each', zh: '监控查询很小，一个数据报就够' },
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
