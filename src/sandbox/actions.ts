/** The sandbox's actions and their keys: data the menu's help shows without loading the sandbox. */
export type ActionId = 'add' | 'connect' | 'address' | 'gateway' | 'route-add' | 'route-del' | 'listen' | 'ping' | 'udp' | 'tcp-open' | 'tcp-close' | 'trace' | 'pcap' | 'level';

/** Every action with its key, in menu order. `trace` opens the stepper rather than a form. */
export const ACTIONS: readonly { readonly id: ActionId; readonly key: string; readonly label: string }[] = [
  { id: 'ping', key: 'p', label: 'ping from one device to another' },
  { id: 'udp', key: 'u', label: 'send a UDP datagram' },
  { id: 'tcp-open', key: 't', label: 'open a TCP connection (the server listens, the client connects)' },
  { id: 'tcp-close', key: 'x', label: 'close a TCP connection' },
  { id: 'trace', key: 's', label: 'step through the last run, frame by frame ([ ] earlier runs)' },
  { id: 'address', key: 'i', label: 'set an interface address (IP/prefix)' },
  { id: 'gateway', key: 'g', label: "set a host's default gateway" },
  { id: 'route-add', key: 'r', label: 'add a static route on a router' },
  { id: 'route-del', key: 'R', label: 'remove a static route' },
  { id: 'listen', key: 'o', label: 'open a port on a host (TCP listen or UDP)' },
  { id: 'add', key: 'a', label: 'add a device: host, switch, router, hub' },
  { id: 'connect', key: 'c', label: 'plug a cable between two ports' },
  { id: 'pcap', key: 'w', label: 'write the capture to a pcap file (Wireshark)' },
  { id: 'level', key: 'y', label: 'save the network as a level file (YAML) to add goals to' },
];
