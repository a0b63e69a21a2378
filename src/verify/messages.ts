/**
 * The verifier's words, in one catalogue so the game can be translated. English is the
 * fallback; zh-CN is provided for the misconceptions (the curriculum's article is Chinese)
 * and for the most common frames: verdicts, goals and their progress, configure notes,
 * refusals. Keys are stable: tests and statistics refer to misconceptions by key.
 *
 * Every player-visible sentence the verifier (src/verify) produces comes from here; a test
 * (test/verify/messages.test.ts) keeps new inline English out of the other files.
 * Pieces that are joined into one explanation carry their own leading separator (a space
 * in English, none in Chinese).
 */
type Params = Record<string, string | number | boolean>;
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
  // ——— Verdict frames (answers, predictions, route hops) ———
  'verdict-right': {
    en: (p) => `Right: ${p.answer}.`,
    'zh-CN': (p) => `正确：${p.answer}。`,
  },
  'verdict-not-quite': {
    en: (p) => `Not quite: the answer is ${p.answer}.`,
    'zh-CN': (p) => `不太对：答案是 ${p.answer}。`,
  },
  'question-cannot-be-answered': {
    en: (p) => `This question cannot be answered: ${p.error}.`,
    'zh-CN': (p) => `这道题无法作答：${p.error}。`,
  },
  'prediction-cannot-be-judged': {
    en: (p) => `This prediction cannot be judged: ${p.error}.`,
    'zh-CN': (p) => `这个预测无法判定：${p.error}。`,
  },
  'sentence-end': {
    en: (p) => `${p.text}.`,
    'zh-CN': (p) => `${p.text}。`,
  },

  // ——— Answer steps ———
  'answer-not-ipv4': {
    en: (p) => `That is not an IPv4 address: ${p.error}`,
    'zh-CN': (p) => `这不是一个 IPv4 地址：${p.error}`,
  },
  'answer-yes-or-no': {
    en: () => 'Answer yes or no.',
    'zh-CN': () => '请回答"是"或"否"。',
  },
  'answer-yes': { en: () => 'yes', 'zh-CN': () => '是' },
  'answer-no': { en: () => 'no', 'zh-CN': () => '否' },
  'interface-has-no-address': {
    en: (p) => `${p.ref} has no address`,
    'zh-CN': (p) => `${p.ref} 没有地址`,
  },
  'network-address-is-own-address': {
    en: (p) => `${p.address} is the interface's own address. The network address is the address AND the mask: ${p.network}.`,
    'zh-CN': (p) => `${p.address} 是这个接口自己的地址。网络地址是地址与掩码按位与的结果：${p.network}。`,
  },
  'network-address-and-each-byte': {
    en: (p) => `AND each byte of ${p.address} with the mask ${p.mask}: the network is ${p.network}.`,
    'zh-CN': (p) => `把 ${p.address} 的每个字节与掩码 ${p.mask} 按位与：网络地址是 ${p.network}。`,
  },
  'broadcast-is-network-address': {
    en: (p) => `${p.answer} is the network address (host bits all 0); the broadcast address has all host bits 1: ${p.broadcast}.`,
    'zh-CN': (p) => `${p.answer} 是网络地址（主机位全 0）；广播地址的主机位全为 1：${p.broadcast}。`,
  },
  'broadcast-set-host-bits': {
    en: (p) => `Set every host bit of ${p.subnet} to 1: the broadcast address is ${p.broadcast}.`,
    'zh-CN': (p) => `把 ${p.subnet} 的主机位全部置 1：广播地址是 ${p.broadcast}。`,
  },
  'host-count-whole-number': {
    en: () => 'Give a whole number of hosts.',
    'zh-CN': () => '请给出主机数（一个整数）。',
  },
  'host-count-explain': {
    en: (p) => `A /${p.prefix} leaves ${p.bits} host bits: 2^${p.bits} = ${p.total} addresses, ${p.pointToPoint ? `all usable (RFC 3021 for /31): ${p.hosts}` : `minus network and broadcast: ${p.hosts}`}.`,
    'zh-CN': (p) => `/${p.prefix} 留下 ${p.bits} 个主机位：2^${p.bits} = ${p.total} 个地址，${p.pointToPoint ? `全部可用（/31 见 RFC 3021）：${p.hosts}` : `减去网络地址和广播地址：${p.hosts}`}。`,
  },
  'mask-wrong-prefix': {
    en: (p) => `The interface is a /${p.prefix}: ${p.prefix} one-bits, which is ${p.mask}; you gave a /${p.given}.`,
    'zh-CN': (p) => `这个接口是 /${p.prefix}：${p.prefix} 个 1，即 ${p.mask}；你给的是 /${p.given}。`,
  },
  'same-subnet-and-test': {
    en: (p) => `${p.a} AND ${p.mask} = ${p.netA}; ${p.b} AND ${p.mask} = ${p.netB}: ${p.same ? 'the same network' : 'different networks'}.`,
    'zh-CN': (p) => `${p.a} AND ${p.mask} = ${p.netA}；${p.b} AND ${p.mask} = ${p.netB}：${p.same ? '同一个网络' : '不同的网络'}。`,
  },
  'osi-layer-unknown': {
    en: (p) => `the curriculum does not know what layer '${p.term}' works at`,
  },
  'osi-layer-give-number': {
    en: () => 'Give a layer number 1–7 or its name (physical, data link, network, transport, session, presentation, application).',
    'zh-CN': () => '请给出层号 1–7 或层名（物理层、数据链路层、网络层、传输层、会话层、表示层、应用层）。',
  },
  'osi-layer-explain': {
    en: (p) => `Layer ${p.layer}, ${p.name}: ${p.why}.`,
    'zh-CN': (p) => `第 ${p.layer} 层，${p.nameZh}：${p.whyZh}。`,
  },
  'transport-explain': {
    en: (p) => `${p.transport}: ${p.why}.`,
    'zh-CN': (p) => `${p.transport}：${p.whyZh}。`,
  },
  'transport-unknown': {
    en: (p) => `the curriculum has no transport fact for '${p.term}'`,
  },
  'port-unknown': {
    en: (p) => `the curriculum has no port for '${p.term}'`,
  },
  'port-explain': {
    en: (p) => `${p.service} listens on ${p.both ? 'UDP and TCP' : p.transport} port ${p.port}.`,
    'zh-CN': (p) => `${p.service} 监听 ${p.both ? 'UDP 和 TCP' : p.transport} 端口 ${p.port}。`,
  },
  'socket-state-explain': {
    en: (p) =>
      `${p.call}() leaves the socket in ${p.state}: ${
        ({ socket: 'socket() only creates the descriptor, and no connection exists yet', bind: 'bind() only names the local address and port; nothing is sent', listen: 'listen() makes it a server socket that waits for SYNs', connect: 'connect() sends the SYN and waits for the SYN,ACK (a blocking connect returns once ESTABLISHED)', accept: 'accept() returns a connection whose handshake the kernel already finished', close: 'close() on an open connection sends the FIN and waits for its ACK' } as Record<string, string>)[String(p.call)] ?? ''
      }.`,
    'zh-CN': (p) =>
      `${p.call}() 之后套接字处于 ${p.state}：${
        ({ socket: 'socket() 只创建描述符，还没有任何连接', bind: 'bind() 只指定本地地址和端口，不发送任何东西', listen: 'listen() 把它变成等待 SYN 的服务器套接字', connect: 'connect() 发出 SYN，等待 SYN,ACK（阻塞的 connect 在 ESTABLISHED 后返回）', accept: 'accept() 返回一个内核已经完成握手的连接', close: '对已打开的连接调用 close() 会发出 FIN 并等待它的 ACK' } as Record<string, string>)[String(p.call)] ?? ''
      }。`,
  },
  'select-readable-explain': {
    en: (p) =>
      `${p.readable ? 'Readable' : 'Not readable'}: ${
        ({ 'listening-idle': 'no handshake has completed, so accept() would block', 'listening-handshake-done': 'a completed handshake waits in the backlog, so accept() returns at once', 'connected-idle': 'nothing has arrived, so read() would block', 'connected-data-arrived': 'data waits in the receive buffer, so read() returns it at once', 'peer-sent-fin': "the peer's FIN arrived, so read() returns 0 (end of file) at once" } as Record<string, string>)[String(p.socket)] ?? ''
      }. select() reports a socket readable when a read (or accept) would not block.`,
    'zh-CN': (p) =>
      `${p.readable ? '可读' : '不可读'}：${
        ({ 'listening-idle': '还没有完成的握手，accept() 会阻塞', 'listening-handshake-done': '已完成握手的连接在队列里等着，accept() 立即返回', 'connected-idle': '什么都没收到，read() 会阻塞', 'connected-data-arrived': '接收缓冲区里有数据，read() 立即返回它', 'peer-sent-fin': '对方的 FIN 已到达，read() 立即返回 0（文件结束）' } as Record<string, string>)[String(p.socket)] ?? ''
      }。当读（或 accept）不会阻塞时，select() 就报告套接字可读。`,
  },
  'hex-not-hex': {
    en: () => 'the hex dump has characters that are not hex digits',
    'zh-CN': () => '这段十六进制转储里有不是十六进制数字的字符',
  },
  'hex-offset-past-headers': {
    en: (p) => `offset ${p.offset} is past the headers the game knows in this dump`,
    'zh-CN': (p) => `偏移 ${p.offset} 已超出游戏能识别的首部范围`,
  },
  'field-at-offset-display': {
    en: (p) => `${p.field} (${p.layer}, bytes ${p.start}–${p.end})`,
    'zh-CN': (p) => `${p.field}（${p.layer}，第 ${p.start}–${p.end} 字节）`,
  },
  'field-at-offset-explain': {
    en: (p) => `Byte ${p.offset} is part of the ${p.field} (${p.layer}, bytes ${p.start}–${p.end}).`,
    'zh-CN': (p) => `第 ${p.offset} 字节属于 ${p.field}（${p.layer}，第 ${p.start}–${p.end} 字节）。`,
  },

  // ——— Configure steps: refusals ———
  'not-allowed-set-address': {
    en: (p) => `this level does not let you change the address of ${p.ref}`,
    'zh-CN': (p) => `本关不允许修改 ${p.ref} 的地址`,
  },
  'not-allowed-set-gateway': {
    en: (p) => `this level does not let you change ${p.device}'s gateway`,
    'zh-CN': (p) => `本关不允许修改 ${p.device} 的网关`,
  },
  'not-allowed-add-route': {
    en: (p) => `this level does not let you add routes on ${p.device}`,
    'zh-CN': (p) => `本关不允许在 ${p.device} 上添加路由`,
  },
  'not-allowed-remove-route': {
    en: (p) => `this level does not let you remove routes on ${p.device}`,
    'zh-CN': (p) => `本关不允许删除 ${p.device} 上的路由`,
  },
  'not-allowed-start-dhcp': {
    en: (p) => `this level does not let you start DHCP on ${p.device}`,
    'zh-CN': (p) => `本关不允许在 ${p.device} 上启动 DHCP`,
  },
  'not-allowed-syn-cookies': {
    en: (p) => `this level does not let you change SYN cookies on ${p.device}`,
    'zh-CN': (p) => `本关不允许修改 ${p.device} 的 SYN cookies 设置`,
  },
  'no-such-interface': {
    en: (p) => `there is no interface ${p.ref}`,
    'zh-CN': (p) => `没有接口 ${p.ref}`,
  },
  'no-such-device': {
    en: (p) => `there is no device ${p.device}`,
    'zh-CN': (p) => `没有设备 ${p.device}`,
  },
  'gateway-own-address': {
    en: (p) => `${p.gateway} is ${p.device}'s own address; the gateway is the router that leads to other subnets`,
    'zh-CN': (p) => `${p.gateway} 是 ${p.device} 自己的地址；网关应该是通往其他子网的路由器`,
  },
  'route-destination-error': {
    en: (p) => `destination: ${p.error}`,
    'zh-CN': (p) => `目的网络：${p.error}`,
  },
  'route-next-hop-error': {
    en: (p) => `next hop: ${p.error}`,
    'zh-CN': (p) => `下一跳：${p.error}`,
  },
  'route-next-hop-not-neighbour': {
    en: (p) => `${p.error}: a next hop must be a neighbour on one of the router's own subnets`,
    'zh-CN': (p) => `${p.error}：下一跳必须是路由器自己某个子网上的邻居`,
  },
  'route-none-to-remove': {
    en: (p) => `${p.device} has no static route to ${p.to}`,
    'zh-CN': (p) => `${p.device} 没有到 ${p.to} 的静态路由`,
  },

  // ——— Configure steps: notes ———
  'address-cleared': {
    en: (p) => `${p.ref} has no address now`,
    'zh-CN': (p) => `${p.ref} 现在没有地址了`,
  },
  'address-set': {
    en: (p) => `${p.ref} is now ${p.address} (subnet ${p.subnet})`,
    'zh-CN': (p) => `${p.ref} 现在是 ${p.address}（子网 ${p.subnet}）`,
  },
  'gateway-cleared': {
    en: (p) => `${p.device} has no default gateway now`,
    'zh-CN': (p) => `${p.device} 现在没有默认网关了`,
  },
  'gateway-set': {
    en: (p) => `${p.device}'s default gateway is now ${p.gateway}`,
    'zh-CN': (p) => `${p.device} 的默认网关现在是 ${p.gateway}`,
  },
  'route-added': {
    en: (p) => `${p.device}: ${p.to} via ${p.via}`,
    'zh-CN': (p) => `${p.device}：${p.to} 经由 ${p.via}`,
  },
  'route-removed': {
    en: (p) => `${p.device}: route to ${p.to} removed`,
    'zh-CN': (p) => `${p.device}：已删除到 ${p.to} 的路由`,
  },
  'dhcp-got-address': {
    en: (p) => `${p.device} asked by DHCP and got ${p.address}`,
    'zh-CN': (p) => `${p.device} 通过 DHCP 请求，获得了 ${p.address}`,
  },
  'dhcp-no-server-answered': {
    en: (p) => `${p.device} asked by DHCP, but no server answered`,
    'zh-CN': (p) => `${p.device} 通过 DHCP 请求，但没有服务器应答`,
  },
  'syn-cookies-set': {
    en: (p) => `SYN cookies ${p.on ? 'on' : 'off'} for ${p.device} port ${p.port}`,
    'zh-CN': (p) => `${p.device} 端口 ${p.port} 的 SYN cookies 已${p.on ? '开启' : '关闭'}`,
  },

  // ——— Configure steps: goal progress (each piece carries its leading separator) ———
  'goals-met': {
    en: (p) => ` Goals met: ${p.met} of ${p.total}.`,
    'zh-CN': (p) => `已达成目标：${p.met}/${p.total}。`,
  },
  'goal-undone': {
    en: () => ' That undid a goal that held before.',
    'zh-CN': () => '这一步让一个原本达成的目标失效了。',
  },
  'goal-still-to-do': {
    en: (p) => ` Still to do: ${p.goal} — ${p.detail}.`,
    'zh-CN': (p) => `尚未完成：${p.goal}——${p.detail}。`,
  },

  // ——— Goals: descriptions ———
  'goal-ping': {
    en: (p) => `${p.from} can ping ${p.to}`,
    'zh-CN': (p) => `${p.from} 能 ping 通 ${p.to}`,
  },
  'goal-no-ping': {
    en: (p) => `${p.from} must not reach ${p.to}`,
    'zh-CN': (p) => `${p.from} 不能访问到 ${p.to}`,
  },
  'goal-udp': {
    en: (p) => `${p.from} delivers a UDP datagram to ${p.to} port ${p.port}`,
    'zh-CN': (p) => `${p.from} 把一个 UDP 数据报送到 ${p.to} 的端口 ${p.port}`,
  },
  'goal-tcp': {
    en: (p) => `${p.from} completes a TCP connection to ${p.to}:${p.port}${p.close ? ' and closes it' : ''}`,
    'zh-CN': (p) => `${p.from} 与 ${p.to}:${p.port} 建立 TCP 连接${p.close ? '并关闭它' : ''}`,
  },
  'goal-answers': {
    en: () => 'every question is answered correctly',
    'zh-CN': () => '所有问题都回答正确',
  },

  // ——— Goals: what happened ———
  'goal-answers-right': {
    en: () => 'all answers are right',
    'zh-CN': () => '所有答案都正确',
  },
  'goal-answers-not-yet': {
    en: () => 'not every question is answered correctly yet',
    'zh-CN': () => '还有问题没有答对',
  },
  'no-device': {
    en: (p) => `no device ${p.device}`,
    'zh-CN': (p) => `没有设备 ${p.device}`,
  },
  'nothing-happened': {
    en: () => 'nothing happened',
    'zh-CN': () => '什么也没有发生',
  },
  'goal-still-gets-replies': {
    en: (p) => `${p.from} still gets replies from ${p.to}`,
    'zh-CN': (p) => `${p.from} 仍然能收到 ${p.to} 的回复`,
  },
  'goal-no-reply': {
    en: (p) => `no reply: ${p.what}`,
    'zh-CN': (p) => `没有回复：${p.what}`,
  },
  'goal-udp-delivered': {
    en: (p) => `delivered to ${p.device} port ${p.port}`,
    'zh-CN': (p) => `已送达 ${p.device} 的端口 ${p.port}`,
  },
  'goal-udp-not-arrived': {
    en: (p) => `the datagram did not arrive${p.path}`,
    'zh-CN': (p) => `数据报没有到达${p.path}`,
  },
  'goal-tcp-no-handshake': {
    en: (p) => `the handshake did not complete${p.error ? `: ${p.error}` : ''}${p.path}`,
    'zh-CN': (p) => `握手没有完成${p.error ? `：${p.error}` : ''}${p.path}`,
  },
  'goal-tcp-not-closed': {
    en: () => 'the connection opened but did not close',
    'zh-CN': () => '连接已建立，但没有关闭',
  },
  'goal-tcp-teardown': {
    en: () => 'handshake, then the four-way teardown',
    'zh-CN': () => '三次握手，然后四次挥手',
  },
  'goal-tcp-handshake': {
    en: () => 'the three-way handshake completed',
    'zh-CN': () => '三次握手已完成',
  },
  'path-why': {
    en: (p) => ` (${p.why})`,
    'zh-CN': (p) => `（${p.why}）`,
  },

  // ——— A ping's fate ———
  'ping-sent': {
    en: () => 'sent, no answer yet',
    'zh-CN': () => '已发送，尚无应答',
  },
  'ping-reply-from': {
    en: (p) => `reply from ${p.from}`,
    'zh-CN': (p) => `收到 ${p.from} 的回复`,
  },
  'ping-time-exceeded': {
    en: (p) => `time to live exceeded at ${p.from} (a routing loop?)`,
    'zh-CN': (p) => `在 ${p.from} 处 TTL 超时（是否有路由环路？）`,
  },
  'ping-unreachable': {
    en: (p) => `destination ${p.what} unreachable, reported by ${p.from}`,
    'zh-CN': (p) => `目的${p.what === 'net' ? '网络' : p.what === 'port' ? '端口' : '主机'}不可达，由 ${p.from} 报告`,
  },
  'ping-timeout': {
    en: () => 'no reply before the timeout',
    'zh-CN': () => '超时前没有收到回复',
  },

  // ——— Predict steps ———
  'too-few-switch-frames': {
    en: (p) => `${p.device} handles fewer than ${p.n} frames in this scenario`,
  },
  'too-few-frames-received': {
    en: (p) => `${p.device} receives fewer than ${p.n} frames in this scenario`,
  },
  'too-few-arp-requests': {
    en: (p) => `${p.device} sends fewer than ${p.n} ARP requests in this scenario`,
  },
  'too-few-routed-packets': {
    en: (p) => `${p.device} routes fewer than ${p.n} packets in this scenario`,
  },
  'too-few-forwarded-packets': {
    en: (p) => `${p.device} forwards fewer than ${p.n} packets in this scenario`,
  },
  'too-few-tcp-events': {
    en: (p) => `${p.device} has fewer than ${p.n} TCP events in this scenario`,
  },
  'too-few-tcp-segments': {
    en: (p) => `${p.device} sends fewer than ${p.n} TCP segments in this scenario`,
  },
  'switch-flood-display': {
    en: (p) => `flood (out ${p.ports})`,
    'zh-CN': (p) => `泛洪（从 ${p.ports} 发出）`,
  },
  'switch-filter-display': {
    en: () => 'filter (drop it)',
    'zh-CN': () => '过滤（丢弃）',
  },
  'switch-flood-explain': {
    en: (p) => `A ${p.why} frame goes out every port except the one it came in on: ${p.ports}.`,
    'zh-CN': (p) => `${p.why === 'broadcast' ? '广播' : p.why === 'multicast' ? '组播' : String(p.why)}帧会从除进入端口以外的每个端口发出：${p.ports}。`,
  },
  'switch-forward-explain': {
    en: (p) => `The switch learned that MAC on ${p.port}, so it forwards out ${p.port} only.`,
    'zh-CN': (p) => `交换机已在 ${p.port} 上学习到这个 MAC，所以只从 ${p.port} 转发。`,
  },
  'switch-filter-explain': {
    en: (p) => `The destination is on ${p.port}, the very port the frame came from: the switch filters (drops) it.`,
    'zh-CN': (p) => `目的地址就在 ${p.port}，正是帧进来的端口：交换机把它过滤（丢弃）。`,
  },
  'switch-learns-display': {
    en: (p) => `${p.mac} is on ${p.port}`,
    'zh-CN': (p) => `${p.mac} 在 ${p.port}`,
  },
  'switch-learns-nothing-display': {
    en: () => 'nothing new (it already knew that MAC on that port)',
    'zh-CN': () => '没有新内容（它已经知道该 MAC 在那个端口）',
  },
  'switch-already-knew': {
    en: (p) => `The switch already had ${p.mac} on ${p.port}; it only refreshes the entry's age.`,
    'zh-CN': (p) => `交换机已经记录了 ${p.mac} 在 ${p.port}；它只是刷新该表项的老化时间。`,
  },
  'switch-learns-from-source': {
    en: (p) => `A switch learns from the source address: ${p.mac} came in on ${p.port}. (It never learns from the destination.)`,
    'zh-CN': (p) => `交换机从源地址学习：${p.mac} 从 ${p.port} 进来。（它从不根据目的地址学习。）`,
  },
  'arp-target-give-ip': {
    en: () => 'Give the IP address (or the device) the ARP request asks about.',
    'zh-CN': () => '请给出 ARP 请求所询问的 IP 地址（或设备）。',
  },
  'arp-target-next-hop': {
    en: (p) => `${p.device} asks for the MAC of its next hop, ${p.ip}.`,
    'zh-CN': (p) => `${p.device} 询问的是它的下一跳 ${p.ip} 的 MAC。`,
  },
  'arp-nobody-answers-display': {
    en: () => 'nobody answers',
    'zh-CN': () => '没有人应答',
  },
  'arp-responder-nobody': {
    en: (p) => `Nobody on that link has ${p.ip}, so the request goes unanswered (and is retried).`,
    'zh-CN': (p) => `那条链路上没有谁拥有 ${p.ip}，所以请求无人应答（并会重试）。`,
  },
  'arp-responder-owner': {
    en: (p) => `Every host hears the broadcast, but only the owner of ${p.ip} — ${p.device} — answers, with a unicast reply.`,
    'zh-CN': (p) => `每台主机都会收到广播，但只有 ${p.ip} 的拥有者 ${p.device} 会用单播回复。`,
  },
  'next-hop-display': {
    en: (p) => `${p.ip} (${p.name})${p.connected ? ', the destination itself: it is on a connected subnet' : ''}`,
    'zh-CN': (p) => `${p.ip}（${p.name}）${p.connected ? '，就是目的地本身：它在直连子网上' : ''}`,
  },
  'next-hop-explain': {
    en: (p) => `The longest matching route is ${p.route}: next hop ${p.nextHop}.`,
    'zh-CN': (p) => `最长匹配的路由是 ${p.route}：下一跳 ${p.nextHop}。`,
  },
  'ttl-explain': {
    en: (p) => `Each router lowers the TTL by one: ${p.before} − 1 = ${p.after}.`,
    'zh-CN': (p) => `每经过一个路由器 TTL 减一：${p.before} − 1 = ${p.after}。`,
  },
  'tcp-segment-format': {
    en: () => 'Write the segment like "SYN,ACK seq=5000 ack=1001" (flags, then seq, then ack when ACK is set).',
    'zh-CN': () => '请按 "SYN,ACK seq=5000 ack=1001" 的格式写报文段（先写标志，再写 seq，设置了 ACK 时再写 ack）。',
  },
  'tcp-data-advances': {
    en: (p) => `The ${p.bytes} data bytes advance it.`,
    'zh-CN': (p) => `${p.bytes} 个数据字节使它前进。`,
  },
  'tcp-flags-right-numbers-wrong': {
    en: (p) => `The flags are right (${p.flags}); the numbers are ${p.numbers}.`,
    'zh-CN': (p) => `标志是对的（${p.flags}）；序号应为 ${p.numbers}。`,
  },
  'tcp-segment-is': {
    en: (p) => `The segment is ${p.segment}.`,
    'zh-CN': (p) => `这个报文段是 ${p.segment}。`,
  },

  // ——— Route steps ———
  'route-hop-why': {
    en: (p) => `${p.device} sends it to ${p.nextHop}${p.destination ? ' (the destination, on its own subnet)' : ' (its next hop for this destination)'}`,
    'zh-CN': (p) => `${p.device} 把它发给 ${p.nextHop}${p.destination ? '（目的地本身，在它自己的子网上）' : '（它去往该目的地的下一跳）'}`,
  },
  'route-already-arrived': {
    en: () => 'The packet has already arrived.',
    'zh-CN': () => '数据包已经到达了。',
  },
  'route-goes-no-further': {
    en: (p) => `The packet goes no further: ${p.why}.`,
    'zh-CN': (p) => `数据包无法继续前进：${p.why}。`,
  },
  'no-route': {
    en: () => 'no route',
    'zh-CN': () => '没有路由',
  },
  'route-hop-wrong': {
    en: (p) => `Not ${p.device}: ${p.why}, which is ${p.expected}.`,
    'zh-CN': (p) => `不是 ${p.device}：${p.why}，也就是 ${p.expected}。`,
  },

  // ——— Session: refusals and hints ———
  'no-such-question': {
    en: (p) => `there is no question ${p.id}`,
    'zh-CN': (p) => `没有问题 ${p.id}`,
  },
  'no-such-prediction': {
    en: (p) => `there is no prediction ${p.id}`,
    'zh-CN': (p) => `没有预测 ${p.id}`,
  },
  'level-has-no-route': {
    en: () => 'this level has no route to follow',
    'zh-CN': () => '本关没有需要跟踪的路由',
  },
  'no-more-hints': {
    en: () => 'There are no more hints for this level.',
    'zh-CN': () => '本关没有更多提示了。',
  },
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof CATALOGUE;

export function message(key: MessageKey, params: Params = {}, locale = 'en'): string {
  const entry = CATALOGUE[key] as Entry;
  const f = entry[locale] ?? entry[locale.split('-')[0]!] ?? entry.en;
  return f(params);
}

export const MESSAGE_KEYS = Object.keys(CATALOGUE) as MessageKey[];
