/**
 * Practice's player-visible sentences, in one place so they can be translated: the questions
 * and explanations (English only so far), then the screens' words in English and Chinese. ask.ts builds prompts and explanations from these; the screens add no sentences of
 * their own beyond labels.
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
} as const;

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
 * Chinese; the questions and explanations above are English only so far.
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
