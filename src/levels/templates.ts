/**
 * Starting levels for `netquest new <kind> <file>`: one per kind of step, commented, and
 * each passes `netquest check` as written (a test makes sure).
 */
export const TEMPLATE_KINDS = ['configure', 'answer', 'predict', 'route'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

const HEADER = `# yaml-language-server: $schema=https://netquest.invalid/schema/level.schema.json
# A netquest level. The format is described in docs/level-format.md.
# Check it with:  netquest check THIS_FILE
`;

const TOPOLOGY_TWO_SUBNETS = `topology:
  devices:
    # A host with one interface (eth0) can be written in one line.
    - { name: pc1, kind: host, address: 192.168.1.10/24 }
    - { name: pc2, kind: host, address: 10.0.0.20/24, gateway: 10.0.0.1 }
    - { name: sw1, kind: switch, ports: 4 }       # ports p1…p4
    - { name: sw2, kind: switch, ports: 4 }
    - name: r1
      kind: router
      interfaces:
        - { name: eth0, address: 192.168.1.1/24 }
        - { name: eth1, address: 10.0.0.1/24 }
  # Cables, as device:port pairs.
  links:
    - [pc1:eth0, sw1:p1]
    - [r1:eth0, sw1:p4]
    - [r1:eth1, sw2:p4]
    - [pc2:eth0, sw2:p1]
`;

export const TEMPLATES: Record<TemplateKind, (id: string) => string> = {
  configure: (id) => `${HEADER}id: ${id}
title: Give pc1 a way out
difficulty: 2
concepts: [default-gateway]
briefing: |
  pc1 and pc2 are on different subnets. Make pc1 able to ping pc2.
recap: Off-subnet traffic goes to the default gateway, a router on the host's own subnet.
${TOPOLOGY_TWO_SUBNETS}
# What the player may change.
allow:
  set-gateway: [pc1]
# Checked by running the simulation: any configuration that works, wins.
goals:
  - ping: { from: pc1, to: pc2 }
hints:
  - The gateway must be on pc1's own subnet.
par: 1
solution:
  - set-gateway: { device: pc1, gateway: 192.168.1.1 }
# Wrong attempts that must fail, with (part of) what the player is told, or a misconception key.
reject:
  - name: the far side of the router
    actions:
      - set-gateway: { device: pc1, gateway: 10.0.0.1 }
    explain: gateway-off-subnet
`,
  answer: (id) => `${HEADER}id: ${id}
title: Know your subnet
difficulty: 1
concepts: [network-address, host-count]
briefing: pc1 has 192.168.10.77/26. What is its network, and how many hosts fit?
topology:
  devices:
    - { name: pc1, kind: host, address: 192.168.10.77/26 }
# Answers are computed from the topology, never written down here.
questions:
  - { id: net, ask: network-address, of: "pc1:eth0" }
  - { id: hosts, ask: host-count, of: "pc1:eth0" }
goals:
  - answers: all
par: 2
solution:
  - answer: { question: net, value: 192.168.10.64 }
  - answer: { question: hosts, value: 62 }
reject:
  - name: forgetting network and broadcast
    actions:
      - answer: { question: hosts, value: 64 }
    explain: host-count-forgot-two
`,
  predict: (id) => `${HEADER}id: ${id}
title: What does the switch do?
difficulty: 1
concepts: [mac-learning, flooding]
briefing: pc1 pings pc2 through a switch that has learned nothing yet.
topology:
  devices:
    - { name: pc1, kind: host, address: 10.0.0.1/24 }
    - { name: pc2, kind: host, address: 10.0.0.2/24 }
    - { name: pc3, kind: host, address: 10.0.0.3/24 }
    - { name: sw1, kind: switch, ports: 3 }
  links:
    - [pc1:eth0, sw1:p1]
    - [pc2:eth0, sw1:p2]
    - [pc3:eth0, sw1:p3]
# The traffic the player predicts; predictions are judged against what it really does.
scenario:
  - ping: { from: pc1, to: pc2 }
predictions:
  - { id: first, ask: switch-forward, device: sw1, frame: 1 }
  - { id: reply, ask: switch-forward, device: sw1, frame: 2 }
par: 2
solution:
  - predict: { question: first, value: flood }
  - predict: { question: reply, value: p1 }
reject:
  - name: flooding a known destination
    actions:
      - predict: { question: reply, value: flood }
    explain: switch-floods-known-unicast
`,
  route: (id) => `${HEADER}id: ${id}
title: Hop by hop
difficulty: 2
concepts: [routing]
briefing: Carry a packet from pc1 to pc2, one device at a time.
${TOPOLOGY_TWO_SUBNETS.replace('address: 192.168.1.10/24 }', 'address: 192.168.1.10/24, gateway: 192.168.1.1 }')}
route: { from: pc1, to: pc2 }
par: 2
solution:
  - hop: { device: r1 }
  - hop: { device: pc2 }
reject:
  - name: skipping the router
    actions:
      - hop: { device: pc2 }
    explain: r1
`,
};
