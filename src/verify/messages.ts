/**
 * The verifier's words, in one catalogue so the game can be translated. English is the
 * fallback; zh-CN is provided for the misconceptions (the curriculum's article is Chinese).
 * Keys are stable: tests and statistics refer to misconceptions by key.
 */
type Params = Record<string, string | number>;
type Entry = Record<string, (p: Params) => string> & { en: (p: Params) => string };

const CATALOGUE = {
  'gateway-off-subnet': {
    en: (p) => `The gateway ${p.gateway} is not on ${p.device}'s subnet ${p.subnet}. A host reaches its gateway directly, with ARP, so the gateway must pass the same AND test as any neighbour.`,
    'zh-CN': (p) => `网关 ${p.gateway} 不在 ${p.device} 的子网 ${p.subnet} 内。主机要用 ARP 直接找到网关，所以网关必须和主机在同一个子网（与运算结果相同）。`,
  },
  'network-address-to-host': {
    en: (p) => `${p.address} is the network address of ${p.subnet} (all host bits 0): it names the subnet itself and no host may use it — it is not "the gateway".`,
    'zh-CN': (p) => `${p.address} 是子网 ${p.subnet} 的网络地址（主机位全 0），代表子网本身，不能分配给主机——它也不是"网关"。`,
  },
  'broadcast-address-to-host': {
    en: (p) => `${p.address} is the broadcast address of ${p.subnet} (all host bits 1): a packet to it goes to every host, so no host may have it.`,
    'zh-CN': (p) => `${p.address} 是子网 ${p.subnet} 的广播地址（主机位全 1），发往它的包会送达所有主机，不能分配给单个主机。`,
  },
  'non-contiguous-mask': {
    en: (p) => `A mask's 1-bits must all come first: ${p.detail}`,
    'zh-CN': (p) => `子网掩码的 1 必须连续排在前面：${p.detail}`,
  },
  'duplicate-address': {
    en: (p) => `${p.address} is already used by ${p.other}. Two interfaces with one address confuse ARP: replies would go to whichever answers last.`,
    'zh-CN': (p) => `${p.address} 已被 ${p.other} 使用。同一地址给两个接口会让 ARP 混乱。`,
  },
  'switch-floods-known-unicast': {
    en: () => 'The switch has already learned where that MAC address is, so it forwards the frame out that one port. Switches flood only broadcasts and destinations they have not learned.',
    'zh-CN': () => '交换机已经学习到这个 MAC 地址在哪个端口，所以只从那一个端口转发。只有广播帧和未知目的地址的帧才会泛洪。',
  },
  'switch-forwards-unknown': {
    en: () => 'The switch has not learned that destination yet, so it cannot know the port: it floods the frame out every port except the one it came in on.',
    'zh-CN': () => '交换机还没有学习到这个目的 MAC，不知道该走哪个端口，只能从除入口外的所有端口泛洪。',
  },
  'arp-for-off-subnet-host': {
    en: (p) => `${p.dst} is not on ${p.device}'s subnet (the AND test differs), so ${p.device} never ARPs for it: it ARPs for its gateway ${p.gateway} and hands the packet to the router.`,
    'zh-CN': (p) => `${p.dst} 与 ${p.device} 不在同一子网（与运算结果不同），所以 ${p.device} 不会为它发 ARP，而是为网关 ${p.gateway} 发 ARP，把包交给路由器。`,
  },
  'arp-for-gateway-on-subnet': {
    en: (p) => `${p.dst} is on ${p.device}'s own subnet, so ${p.device} ARPs for ${p.dst} directly; the gateway is only for other subnets.`,
    'zh-CN': (p) => `${p.dst} 与 ${p.device} 在同一子网，直接为 ${p.dst} 发 ARP；网关只用于其他子网。`,
  },
  'syn-on-third-segment': {
    en: () => 'The third segment of the handshake carries ACK only. SYN is sent once by each side (SYN, then SYN+ACK); the client does not synchronize again.',
    'zh-CN': () => '三次握手的第三个报文段只有 ACK，没有 SYN。每一方只发一次 SYN（客户端 SYN，服务器 SYN+ACK）。',
  },
  'ack-equals-seq': {
    en: (p) => `The acknowledgement number is the next sequence number expected: ${p.seq} + ${p.consumed} = ${p.expected}, not ${p.seq}. ${p.why}`,
    'zh-CN': (p) => `确认号是期望收到的下一个序号：${p.seq} + ${p.consumed} = ${p.expected}，而不是 ${p.seq}。${p.why}`,
  },
  'fin-in-second-teardown': {
    en: () => 'The second segment of the teardown is a pure ACK: the other side acknowledges the FIN at once, but may still have data to send, so its own FIN comes later (CLOSE-WAIT).',
    'zh-CN': () => '四次挥手的第二个报文段只是 ACK：对方立即确认 FIN，但可能还有数据要发，所以它自己的 FIN 稍后才发（CLOSE-WAIT 状态）。',
  },
  'teardown-seq-random': {
    en: (p) => `Sequence numbers continue the connection: the FIN's sequence number is the next one after the data sent (${p.expected}), not a new random number.`,
    'zh-CN': (p) => `序号沿用连接中的计数：FIN 的序号是已发送数据之后的下一个序号（${p.expected}），不是新的随机数。`,
  },
  'syn-fin-no-sequence': {
    en: () => 'SYN and FIN each consume one sequence number, though they carry no data: that is how they can be acknowledged.',
    'zh-CN': () => 'SYN 和 FIN 虽然不携带数据，但各占用一个序号，这样它们才能被确认。',
  },
  'host-count-forgot-two': {
    en: (p) => `A /${p.prefix} has ${p.total} addresses, but the network address and the broadcast address cannot be given to hosts: ${p.total} − 2 = ${p.hosts}.`,
    'zh-CN': (p) => `/${p.prefix} 共有 ${p.total} 个地址，但网络地址和广播地址不能分配给主机：${p.total} − 2 = ${p.hosts}。`,
  },
  'gateway-as-network-address': {
    en: (p) => `The network address is ${p.network} (address AND mask, all host bits 0). ${p.answer} is a host address — often the router's, but that is a convention, not what the network address is.`,
    'zh-CN': (p) => `网络地址是 ${p.network}（地址与掩码按位与，主机位全 0）。${p.answer} 是一个主机地址——常给路由器用，但那只是习惯，不是网络地址。`,
  },
  'network-address-as-gateway': {
    en: (p) => `${p.gateway} is the network address of ${p.subnet} (all host bits 0): it names the subnet and no device has it, so it cannot be a gateway. The router usually has a host address such as ${p.first}.`,
    'zh-CN': (p) => `${p.gateway} 是子网 ${p.subnet} 的网络地址（主机位全 0），代表子网本身，没有设备使用它，所以不能作网关。路由器通常使用主机地址，例如 ${p.first}。`,
  },
  'fin-in-last-ack': {
    en: () => 'The last segment of the teardown only acknowledges the peer\'s FIN: this side sent its own FIN already, and a FIN is sent once.',
    'zh-CN': () => '四次挥手的最后一个报文段只确认对方的 FIN：本方的 FIN 已经发过了，FIN 只发一次。',
  },
  'header-order': {
    en: () => 'An Ethernet II header starts with the destination MAC (bytes 0–5), then the source MAC (6–11), then the EtherType (12–13): a switch can decide where to send the frame as soon as the first six bytes arrive.',
    'zh-CN': () => '以太网 II 帧头的顺序是：目的 MAC（第 0–5 字节）、源 MAC（6–11）、类型（12–13）。交换机收到前 6 个字节就能决定转发方向。',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof CATALOGUE;

export function message(key: MessageKey, params: Params = {}, locale = 'en'): string {
  const entry = CATALOGUE[key] as Entry;
  const f = entry[locale] ?? entry[locale.split('-')[0]!] ?? entry.en;
  return f(params);
}

export const MESSAGE_KEYS = Object.keys(CATALOGUE) as MessageKey[];
