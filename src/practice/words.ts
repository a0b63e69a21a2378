/**
 * Practice's player-visible sentences, in one place so they can be translated: the questions
 * and explanations (WORDS in English, WORDS_ZH in Chinese, picked by drillWords), then the
 * screens' words in English and Chinese. ask.ts builds prompts and explanations from these; the
 * screens add no sentences of their own beyond labels. `netquest practice --export` prints
 * drills, not these words, so its output does not depend on the language.
 */
import { language, sayer } from '../tui/say';

type P = Record<string, string | number>;

export const WORDS = {
  // subnet
  subnetGiven: (p: P) => `Address ${p.address}/${p.prefix}`,
  maskGiven: (p: P) => `Mask ${p.mask}`,
  askNetwork: () => 'Network address?',
  askBroadcast: () => 'Broadcast address?',
  askFirstHost: () => 'First usable host?',
  askLastHost: () => 'Last usable host?',
  askHosts: () => 'How many usable hosts?',
  askMask: () => 'Subnet mask, dotted?',
  askPrefix: () => 'Prefix length (the /n)?',
  whyNetwork: (p: P) => `Keep the first ${p.prefix} bits, zero the rest: ${p.address} AND ${p.mask} = ${p.network}.`,
  whyBroadcast: (p: P) => `Set all ${p.hostBits} host bits of ${p.network} to 1: ${p.broadcast}.`,
  whyFirstHost: (p: P) => (Number(p.prefix) >= 31 ? `A /${p.prefix} has no network address to skip (RFC 3021 for /31): the first is ${p.expected}.` : `The network address plus one: ${p.network} + 1 = ${p.expected}.`),
  whyLastHost: (p: P) => (Number(p.prefix) >= 31 ? `A /${p.prefix} has no broadcast address to skip: the last is ${p.expected}.` : `The broadcast address minus one: ${p.broadcast} − 1 = ${p.expected}.`),
  whyHosts: (p: P) =>
    Number(p.prefix) === 32 ? 'A /32 is one address: one host route.' : Number(p.prefix) === 31 ? 'A /31 point-to-point link uses both addresses (RFC 3021): 2.' : `2^${p.hostBits} − 2 (network and broadcast) = ${p.expected}.`,
  whyMask: (p: P) => `${p.prefix} one-bits, then ${p.hostBits} zero-bits: ${p.expected}.`,
  whyPrefix: (p: P) => `Count the one-bits of ${p.mask}: ${p.expected}.`,
  // same-subnet
  sameGiven: (p: P) => `${p.a} and ${p.b}, both /${p.prefix}`,
  askSame: () => 'Same subnet?',
  whySame: (p: P) => `${p.a} is in ${p.networkA}/${p.prefix}, ${p.b} in ${p.networkB}/${p.prefix}.`,
  // binary
  askToBinary: (p: P) => `${p.decimal} in binary (8 bits)?`,
  askToDecimal: (p: P) => `${p.binary} in decimal?`,
  whyBinary: (p: P) => `${p.binary} = ${p.sum}.`,
  // vlsm
  vlsmGiven: (p: P) => `Split ${p.block} largest first: ${p.needs}`,
  askVlsm: (p: P) => `Subnet for ${p.name} (${p.hosts} hosts), as a.b.c.d/n?`,
  whyVlsm: (p: P) => `Largest first, each on its own boundary: ${p.plan}.`,
  // ports
  askPort: (p: P) => `Port number of ${p.service}?`,
  askPortTransport: (p: P) => `${p.service} (port ${p.port}) runs over?`,
  askRange: (p: P) => `Port ${p.port} is in which range?`,
  whyPort: (p: P) => `${p.service} listens on ${p.expected} (IANA).`,
  whyPortTransport: (p: P) => `${p.service} uses ${p.expected}.`,
  whyRange: () => '0–1023 well-known, 1024–49151 registered, 49152–65535 dynamic (RFC 6335).',
  // osi, transport
  askLayer: (p: P) => `Which OSI layer: ${p.of}? (1–7 or a name)`,
  whyLayer: (p: P) => `Layer ${p.layer}, ${p.name}: ${p.why}.`,
  askTransport: (p: P) => `TCP or UDP for ${p.application}?`,
  whyTransport: (p: P) => `${p.expected}: ${p.why}.`,
  // arp
  arpHost: (p: P) => `Host ${p.host}, gateway ${p.gateway}`,
  arpSends: (p: P) => `It sends a packet to ${p.destination}.`,
  askArp: () => 'Whom does it ARP for?',
  arpDestination: (p: P) => `the destination ${p.destination}`,
  arpGateway: (p: P) => `the gateway ${p.gateway}`,
  whyArpSame: (p: P) => `${p.destination} passes the AND test with ${p.host}: same subnet, ARP for it directly.`,
  whyArpGateway: (p: P) => `${p.destination} is on another subnet than ${p.host}: the frame goes to the gateway, so ARP for ${p.gateway}.`,
  // next-hop
  routesGiven: () => 'Routing table:',
  askNextHop: (p: P) => `Next hop for ${p.destination}? (address or route number)`,
  whyNextHop: (p: P) => `The longest prefix that contains ${p.destination} is ${p.route}: via ${p.expected}.`,
  // mac-learning
  macTable: () => 'MAC table (each MAC by its last two bytes):',
  macTableEmpty: () => 'MAC table: empty (MACs below by their last two bytes)',
  macFrame: (p: P) => `Frame ${p.src} → ${p.dst} arrives on ${p.ingress}`,
  askOut: (p: P) => `Out which port(s)? (e.g. p2, or p1 p3, or none) — ports ${p.ports}`,
  askLearn: () => 'What happens to the MAC table?',
  learnNew: (p: P) => `adds ${p.mac} on ${p.port}`,
  learnMove: (p: P) => `moves ${p.mac} to ${p.port}`,
  learnNothing: () => 'nothing new (just refreshes)',
  learnDst: (p: P) => `adds ${p.mac} (the destination)`,
  whyForward: (p: P) => `${p.dst} was learned on ${p.port}: forward out that port only.`,
  whyFlood: (p: P) => `${p.reason}: flood out every port but ${p.ingress} (${p.ports}).`,
  floodBroadcast: () => 'A broadcast',
  floodUnknown: (p: P) => `${p.dst} is not in the table`,
  whyFilter: (p: P) => `${p.dst} sits behind ${p.ingress}, where the frame came from: the switch drops it.`,
  whyLearnNew: (p: P) => `A switch learns source addresses: ${p.mac} is new, so it is added on ${p.port}.`,
  whyLearnMove: (p: P) => `${p.mac} was on ${p.from} and now comes in on ${p.port}: the entry moves.`,
  whyLearnNothing: (p: P) => `${p.mac} is already known on ${p.port}: the entry is only refreshed. Switches never learn destinations.`,
  // tcp
  tcpYou: (p: P) => `You are the ${p.you} (ISS ${p.iss}), in ${p.state}.`,
  tcpEarlier: (p: P) => `… ${p.n} earlier segment${Number(p.n) === 1 ? '' : 's'}`,
  tcpNow: (p: P) => `Now: ${p.event}`,
  tcpArrives: (p: P) => `${p.segment} arrives`,
  tcpConnect: () => 'your application calls connect()',
  tcpSend: (p: P) => `your application sends ${p.len} bytes`,
  tcpClose: () => 'your application calls close()',
  askTcpSend: () => 'What do you send? (flags seq ack, e.g. "ACK 1001 5001", or "nothing")',
  askTcpState: () => 'Your state after it?',
  whyTcpSend: (p: P) => `${p.expected}: seq is your next unsent byte, ack the next byte you expect${p.extra}.`,
  whyTcpNothing: () => 'A segment that takes no sequence space (a pure ACK or an RST) is not acknowledged: nothing to send.',
  whyTcpState: (p: P) => `${p.before} + ${p.event} → ${p.expected} (RFC 9293 §3.10).`,
  // answers and input
  yes: () => 'yes',
  no: () => 'no',
  nothing: () => 'nothing',
  typeAddress: () => 'an address like 192.168.1.0',
  typeNumber: (p: P) => `a number ${p.min}–${p.max}`,
  typeChoice: (p: P) => `a number 1–${p.n} or the answer`,
  typeBits: () => 'eight bits like 11000000',
  typeSubnet: () => 'a subnet like 192.168.1.64/26',
  typePorts: () => 'ports like p1 p3, or none',
  typeSegment: () => 'flags and numbers, e.g. SYN,ACK 300 1001',
  notANumber: (p: P) => `type a whole number ${p.min}–${p.max}`,
  notAChoice: (p: P) => `type a number 1–${p.n} or one of: ${p.choices}`,
  notBits: () => 'type only 0s and 1s, eight of them',
  notPorts: (p: P) => `'${p.word}' is not a port here; the ports are ${p.ports} (or type none)`,
  noFlags: () => 'name the flags (SYN, ACK, FIN, RST, PSH) or type nothing',
  unknownFlag: (p: P) => `'${p.word}' is not a flag; flags are SYN, ACK, FIN, RST, PSH`,
  needNumbers: (p: P) => `give ${p.n === 1 ? 'the seq number' : 'the seq and ack numbers'} after the flags`,
  tooManyNumbers: () => 'two numbers at most: seq, then ack',
  notAState: (p: P) => `'${p.word}' is not a TCP state (e.g. ESTABLISHED, SYN-SENT, TIME-WAIT)`,
  // pieces ask.ts puts into the lines above
  routeLine: (p: P) => `  ${p.n}. ${p.to} via ${p.via}`,
  macBroadcast: () => 'ff:ff (broadcast)',
  both: () => 'both',
  bothTcpUdp: () => 'both TCP and UDP',
  rangeWellKnown: () => 'well-known',
  rangeRegistered: () => 'registered',
  rangeDynamic: () => 'dynamic',
  none: () => 'none',
  tcpCarries: (p: P) => `; it carries the ${p.len} bytes`,
  client: () => 'client',
  server: () => 'server',
  layerAnswer: (p: P) => `${p.layer} (${p.name})`,
  ladderLine: (p: P) => `  ${p.from} → ${p.segment}`,
  listSep: () => ', ',
  // the address parsers' own messages in English; in Chinese, what a valid one looks like
  badAddress: (p: P) => `${p.error}`,
  badMask: (p: P) => `${p.error}`,
  badSubnet: (p: P) => `${p.error}`,
  hostBitsSet: (p: P) => `${p.error}`,
} as const;

/** The drill sentences' shape: a Chinese catalogue missing a key, or with one too many, does not compile. */
export type DrillWords = { readonly [K in keyof typeof WORDS]: (typeof WORDS)[K] };

/**
 * The drill sentences in Chinese: the same keys and parameters as WORDS. Addresses, numbers,
 * flags (SYN, ACK), TCP state names, port names (p1) and protocol names stay as they are.
 */
export const WORDS_ZH: DrillWords = {
  // subnet
  subnetGiven: (p) => `地址 ${p.address}/${p.prefix}`,
  maskGiven: (p) => `子网掩码 ${p.mask}`,
  askNetwork: () => '网络地址是？',
  askBroadcast: () => '广播地址是？',
  askFirstHost: () => '第一个可用主机地址是？',
  askLastHost: () => '最后一个可用主机地址是？',
  askHosts: () => '可用主机有多少个？',
  askMask: () => '子网掩码（点分十进制）是？',
  askPrefix: () => '前缀长度（/n）是？',
  whyNetwork: (p) => `保留前 ${p.prefix} 位，其余清零：${p.address} AND ${p.mask} = ${p.network}。`,
  whyBroadcast: (p) => `把 ${p.network} 的 ${p.hostBits} 个主机位全置 1：${p.broadcast}。`,
  whyFirstHost: (p) => (Number(p.prefix) >= 31 ? `/${p.prefix} 没有要跳过的网络地址（/31 见 RFC 3021）：第一个是 ${p.expected}。` : `网络地址加一：${p.network} + 1 = ${p.expected}。`),
  whyLastHost: (p) => (Number(p.prefix) >= 31 ? `/${p.prefix} 没有要跳过的广播地址：最后一个是 ${p.expected}。` : `广播地址减一：${p.broadcast} − 1 = ${p.expected}。`),
  whyHosts: (p) =>
    Number(p.prefix) === 32 ? '/32 只有一个地址：一条主机路由。' : Number(p.prefix) === 31 ? '/31 点对点链路两个地址都可用（RFC 3021）：2。' : `2^${p.hostBits} − 2（网络地址和广播地址）= ${p.expected}。`,
  whyMask: (p) => `${p.prefix} 个 1，再接 ${p.hostBits} 个 0：${p.expected}。`,
  whyPrefix: (p) => `数一数 ${p.mask} 中 1 的个数：${p.expected}。`,
  // same-subnet
  sameGiven: (p) => `${p.a} 和 ${p.b}，都是 /${p.prefix}`,
  askSame: () => '在同一子网吗？',
  whySame: (p) => `${p.a} 属于 ${p.networkA}/${p.prefix}，${p.b} 属于 ${p.networkB}/${p.prefix}。`,
  // binary
  askToBinary: (p) => `${p.decimal} 的二进制（8 位）是？`,
  askToDecimal: (p) => `${p.binary} 的十进制是？`,
  whyBinary: (p) => `按位权相加：${p.binary} = ${p.sum}。`,
  // vlsm
  vlsmGiven: (p) => `从大到小划分 ${p.block}：${p.needs}`,
  askVlsm: (p) => `${p.name}（${p.hosts} 台主机）的子网，格式 a.b.c.d/n？`,
  whyVlsm: (p) => `从大到小，每个子网对齐自己的边界：${p.plan}。`,
  // ports
  askPort: (p) => `${p.service} 的端口号是？`,
  askPortTransport: (p) => `${p.service}（端口 ${p.port}）用哪种传输协议？`,
  askRange: (p) => `端口 ${p.port} 属于哪个范围？`,
  whyPort: (p) => `${p.service} 监听 ${p.expected} 端口（IANA）。`,
  whyPortTransport: (p) => `${p.service} 用 ${p.expected}。`,
  whyRange: () => '0–1023 知名端口，1024–49151 注册端口，49152–65535 动态端口（RFC 6335）。',
  // osi, transport
  askLayer: (p) => `“${p.of}”属于 OSI 哪一层？（1–7 或层名）`,
  whyLayer: (p) => `第 ${p.layer} 层，${p.name}：${p.why}。`,
  askTransport: (p) => `“${p.application}”用 TCP 还是 UDP？`,
  whyTransport: (p) => `${p.expected}：${p.why}。`,
  // arp
  arpHost: (p) => `主机 ${p.host}，默认网关 ${p.gateway}`,
  arpSends: (p) => `它要发一个包给 ${p.destination}。`,
  askArp: () => '它为谁发 ARP 请求？',
  arpDestination: (p) => `目的主机 ${p.destination}`,
  arpGateway: (p) => `网关 ${p.gateway}`,
  whyArpSame: (p) => `${p.destination} 与 ${p.host} 按位与结果相同：同一子网，直接为它发 ARP。`,
  whyArpGateway: (p) => `${p.destination} 与 ${p.host} 不在同一子网：帧要交给网关，所以为 ${p.gateway} 发 ARP。`,
  // next-hop
  routesGiven: () => '路由表：',
  askNextHop: (p) => `到 ${p.destination} 的下一跳是？（地址或路由序号）`,
  whyNextHop: (p) => `包含 ${p.destination} 的最长前缀是 ${p.route}：经 ${p.expected}（最长前缀匹配）。`,
  // mac-learning
  macTable: () => 'MAC 地址表（MAC 只写最后两个字节）：',
  macTableEmpty: () => 'MAC 地址表：空（下面的 MAC 只写最后两个字节）',
  macFrame: (p) => `帧 ${p.src} → ${p.dst} 从 ${p.ingress} 进入`,
  askOut: (p) => `从哪些端口转发？（如 p2、p1 p3 或 无）— 端口 ${p.ports}`,
  askLearn: () => 'MAC 地址表会怎样变化？',
  learnNew: (p) => `在 ${p.port} 上新增 ${p.mac}`,
  learnMove: (p) => `把 ${p.mac} 移到 ${p.port}`,
  learnNothing: () => '不新增（只刷新）',
  learnDst: (p) => `新增 ${p.mac}（目的地址）`,
  whyForward: (p) => `${p.dst} 已在 ${p.port} 上学到：只从该端口转发。`,
  whyFlood: (p) => `${p.reason}：从 ${p.ingress} 以外的所有端口泛洪（${p.ports}）。`,
  floodBroadcast: () => '广播帧',
  floodUnknown: (p) => `${p.dst} 不在表中`,
  whyFilter: (p) => `${p.dst} 就在帧进来的 ${p.ingress} 后面：交换机丢弃它。`,
  whyLearnNew: (p) => `交换机学习源地址：${p.mac} 是新的，所以在 ${p.port} 上新增。`,
  whyLearnMove: (p) => `${p.mac} 原在 ${p.from}，现在从 ${p.port} 进来：表项移动。`,
  whyLearnNothing: (p) => `${p.mac} 已在 ${p.port} 上：表项只是刷新。交换机从不学习目的地址。`,
  // tcp
  tcpYou: (p) => `你是${p.you}（ISS ${p.iss}），处于 ${p.state}。`,
  tcpEarlier: (p) => `… 之前还有 ${p.n} 个报文段`,
  tcpNow: (p) => `现在：${p.event}`,
  tcpArrives: (p) => `收到 ${p.segment}`,
  tcpConnect: () => '你的应用调用 connect()',
  tcpSend: (p) => `你的应用发送 ${p.len} 字节`,
  tcpClose: () => '你的应用调用 close()',
  askTcpSend: () => '你发什么？（标志 seq ack，如 "ACK 1001 5001"，或 "无"）',
  askTcpState: () => '之后你处于什么状态？',
  whyTcpSend: (p) => `${p.expected}：seq 是你下一个未发送的字节，ack 是你期望的下一个字节${p.extra}。`,
  whyTcpNothing: () => '不占序号的报文段（纯 ACK 或 RST）不需要确认：什么也不发。',
  whyTcpState: (p) => `${p.before} 状态下${p.event} → ${p.expected}（RFC 9293 §3.10）。`,
  // answers and input
  yes: () => '是',
  no: () => '否',
  nothing: () => '无',
  typeAddress: () => '地址，如 192.168.1.0',
  typeNumber: (p) => `${p.min}–${p.max} 的数`,
  typeChoice: (p) => `1–${p.n} 的序号或答案`,
  typeBits: () => '八位二进制，如 11000000',
  typeSubnet: () => '子网，如 192.168.1.64/26',
  typePorts: () => '端口，如 p1 p3，或 无',
  typeSegment: () => '标志和数字，如 SYN,ACK 300 1001',
  notANumber: (p) => `请输入 ${p.min}–${p.max} 的整数`,
  notAChoice: (p) => `请输入 1–${p.n} 的序号或以下之一：${p.choices}`,
  notBits: () => '只能输入 0 和 1，共八位',
  notPorts: (p) => `“${p.word}”不是这里的端口；端口有 ${p.ports}（或输入 无）`,
  noFlags: () => '写出标志（SYN、ACK、FIN、RST、PSH），或输入 无',
  unknownFlag: (p) => `“${p.word}”不是标志；标志有 SYN、ACK、FIN、RST、PSH`,
  needNumbers: (p) => `标志后面要写${p.n === 1 ? ' seq 序号' : ' seq 和 ack 两个数'}`,
  tooManyNumbers: () => '最多两个数：先 seq，再 ack',
  notAState: (p) => `“${p.word}”不是 TCP 状态（如 ESTABLISHED、SYN-SENT、TIME-WAIT）`,
  // pieces ask.ts puts into the lines above
  routeLine: (p) => `  ${p.n}. ${p.to} 经 ${p.via}`,
  macBroadcast: () => 'ff:ff（广播）',
  both: () => '都用',
  bothTcpUdp: () => 'TCP 和 UDP 都用',
  rangeWellKnown: () => '知名端口',
  rangeRegistered: () => '注册端口',
  rangeDynamic: () => '动态端口',
  none: () => '无',
  tcpCarries: (p) => `；它携带那 ${p.len} 字节`,
  client: () => '客户端',
  server: () => '服务器',
  layerAnswer: (p) => `${p.layer}（${p.name}）`,
  ladderLine: (p) => `  ${p.from} → ${p.segment}`,
  listSep: () => '、',
  badAddress: () => '不是有效的 IPv4 地址：四个 0–255 的数，用点隔开，如 192.168.1.0',
  badMask: () => '不是有效的子网掩码：1 连续在前，如 255.255.255.192 或 /26',
  badSubnet: () => '不是有效的子网：地址/前缀长度，如 192.168.1.64/26',
  hostBitsSet: (p) => `${p.text} 的主机位不全为 0；这个网络应写作 ${p.network}`,
};

/** The drill sentences for a locale: Chinese for any zh locale, else English (as language() in tui/say). */
export function drillWords(locale: string | undefined): DrillWords {
  return language(locale) === 'zh-CN' ? WORDS_ZH : WORDS;
}

/** Chinese names for the things the OSI and transport drills ask about; the rest (protocols) stay as they are. */
const TERM_ZH: Record<string, string> = {
  hub: '集线器',
  repeater: '中继器',
  cable: '网线',
  switch: '交换机',
  bridge: '网桥',
  nic: '网卡',
  ethernet: '以太网',
  mac: 'MAC 地址',
  router: '路由器',
  port: '端口号',
  browser: '浏览器',
  web: '网页',
  email: '电子邮件',
  'file-transfer': '文件传输',
  video: '实时视频',
  'live-video': '视频直播',
  voip: '网络电话（VoIP）',
  gaming: '网络游戏',
};

/** A drill's term (an OSI thing, an application) in the player's language. */
export function drillTerm(term: string, locale: string | undefined): string {
  return (language(locale) === 'zh-CN' ? TERM_ZH[term] : undefined) ?? term;
}

/** One line on what a topic drills, for the setup screen. */
export const TOPIC_BLURB: Record<string, string> = {
  subnet: 'network, broadcast, hosts, mask ↔ prefix',
  'same-subnet': 'the AND test',
  binary: 'octet ↔ binary',
  vlsm: 'split a block for host counts',
  ports: 'service ↔ port, port ranges, TCP/UDP',
  osi: 'which layer',
  transport: 'TCP or UDP for an application',
  arp: 'the target or the gateway',
  'next-hop': 'longest-prefix match',
  'mac-learning': 'where the switch sends a frame, what it learns',
  tcp: 'next segment, state after a segment',
};

/** Chinese for the topic blurbs of the setup screen. */
const TOPIC_BLURB_ZH: Record<string, string> = {
  subnet: '网络地址、广播地址、主机数、掩码 ↔ 前缀',
  'same-subnet': '与运算判断是否同一子网',
  binary: '十进制 ↔ 二进制',
  vlsm: '按主机数划分地址块',
  ports: '服务 ↔ 端口、端口范围、TCP/UDP',
  osi: '属于哪一层',
  transport: '应用用 TCP 还是 UDP',
  arp: 'ARP 问目标还是网关',
  'next-hop': '最长前缀匹配',
  'mac-learning': '交换机往哪转发、学到什么',
  tcp: '下一个报文段、收到后的状态',
};

export function topicBlurb(topic: string, locale: string): string {
  return (language(locale) === 'zh-CN' ? TOPIC_BLURB_ZH[topic] : undefined) ?? TOPIC_BLURB[topic] ?? '';
}

/**
 * The practice screens' own words (setup, drill status, pause, verdict, summary) in English and
 * Chinese, like the questions and explanations above (WORDS, WORDS_ZH).
 */
export const SCREEN_WORDS = {
  practiceTitle: { en: 'Timed practice', 'zh-CN': '限时练习' },
  setupTopics: { en: 'Topics: space toggles, a all/none', 'zh-CN': '主题：space 选中或取消，a 全选或全不选' },
  setupMinutes: { en: 'Minutes: {minutes}', 'zh-CN': '时长：{minutes} 分钟' },
  setupChange: { en: '{lr} change', 'zh-CN': '{lr} 调整' },
  setupSeed: { en: 'Questions:', 'zh-CN': '题目：' },
  seedRandom: { en: 'new each time (your weak topics come back more often)', 'zh-CN': '每次不同（薄弱的主题出现得更多）' },
  seedDaily: { en: "today's set, {date} (the same for everyone)", 'zh-CN': '今日题目，{date}（人人相同）' },
  seedFixed: { en: 'seed {seed} (the same questions for the same answers)', 'zh-CN': '种子 {seed}（每次题目相同）' },
  setupDaily: { en: 'd daily', 'zh-CN': 'd 每日题目' },
  setupNone: { en: 'Choose at least one topic.', 'zh-CN': '至少选择一个主题。' },
  setupStats: { en: 'box {box} · {pct}% of {n}', 'zh-CN': '盒 {box} · {n} 题对 {pct}%' },
  setupStart: { en: '{enter} start', 'zh-CN': '{enter} 开始' },
  statusTime: { en: 'time', 'zh-CN': '时间' },
  statusScore: { en: 'score {score}', 'zh-CN': '得分 {score}' },
  statusStreak: { en: 'streak {streak}', 'zh-CN': '连对 {streak}' },
  statusAnswered: { en: '{n} answered', 'zh-CN': '已答 {n}' },
  statusLevel: { en: 'level {level}', 'zh-CN': '难度 {level}' },
  paused: { en: 'Paused: the clock is stopped and the question hidden.', 'zh-CN': '已暂停：计时停止，题目隐藏。' },
  pausedKeys: { en: '{enter} p esc resume · q end the session now', 'zh-CN': '{enter} p esc 继续 · q 立即结束本轮' },
  right: { en: 'right, +{points}', 'zh-CN': '正确，+{points}' },
  wrongWas: { en: "'{given}' is wrong; right: {expected}.", 'zh-CN': '“{given}”不对；正确答案：{expected}。' },
  fieldChecks: { en: 'checks', 'zh-CN': '检查' },
  fieldPauses: { en: 'pauses', 'zh-CN': '暂停' },
  summaryTitle: { en: 'Time! {topics} · {minutes} min', 'zh-CN': '时间到！{topics} · {minutes} 分钟' },
  summaryEnded: { en: 'Session ended: {topics} · {minutes} min', 'zh-CN': '本轮结束：{topics} · {minutes} 分钟' },
  figScore: { en: 'Score', 'zh-CN': '得分' },
  figAccuracy: { en: 'Accuracy', 'zh-CN': '正确率' },
  figPerMinute: { en: 'Answers a minute', 'zh-CN': '每分钟答题' },
  bestStreak: { en: 'Best streak {n}', 'zh-CN': '最长连对 {n}' },
  answeredRight: { en: '{answered} answered, {correct} right', 'zh-CN': '答 {answered} 题，对 {correct} 题' },
  newBest: { en: 'new personal best', 'zh-CN': '刷新个人最佳' },
  firstBest: { en: 'first session of this kind: your best', 'zh-CN': '首次练习此类：即为最佳' },
  bestWas: { en: 'best {best}', 'zh-CN': '最佳 {best}' },
  colTopic: { en: 'topic', 'zh-CN': '主题' },
  colRight: { en: 'right', 'zh-CN': '答对' },
  colBefore: { en: 'before', 'zh-CN': '之前' },
  colNow: { en: 'now', 'zh-CN': '现在' },
  colBox: { en: 'box', 'zh-CN': '盒' },
  better: { en: 'better', 'zh-CN': '进步' },
  nothingAnswered: { en: 'No answer this time: nothing is saved.', 'zh-CN': '这次没有作答：不保存。' },
  summaryKeys: { en: '{enter} practise again · esc back to the menu', 'zh-CN': '{enter} 再练一次 · esc 回到菜单' },
} as const;

export const sayPractice = sayer(SCREEN_WORDS);
