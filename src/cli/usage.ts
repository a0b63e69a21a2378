export const USAGE = `Usage: netquest [command] [options]

Commands:
  (none)                  what the game will open (the game screens are still being built)
  subnet <address/prefix> network, broadcast, hosts and mask of an address, e.g. 192.168.10.77/26
  demo                    run a sample network (two subnets, a router) and print its trace
  help                    show this help

Options:
  -h, --help              show this help
  -V, --version           print the version

Command options:
  subnet --json           machine-readable output
  demo --pcap FILE        also write the capture as a pcap file (opens in Wireshark)
`;
