export const USAGE = `Usage: netquest [command] [options]

Commands:
  (none)                  the game: the campaign, level packs, settings (--lang LOCALE)
  subnet <address/prefix> network, broadcast, hosts and mask of an address, e.g. 192.168.10.77/26
  demo                    run a sample network (two subnets, a router) and print its trace
  tcp                     the TCP playground: drive one endpoint by hand
  check <file|dir>...     prove level files or packs valid and solvable
  play <level|pack>       open a level file or pack in the game (headless: --script ACTIONS.yaml)
  capture <level|pack>    write a level's traffic as a pcap: -o FILE.pcap
  new <kind> <file>       a commented starting level (configure, answer, predict, route)
  progress export FILE    save your progress to a file (import FILE merges it back)
  practice                timed drills: streaks, personal bests (--export N: a worksheet)
  sandbox [level|pack]    explore any network with no goals: build, configure, ping, TCP, step the trace, pcap
  help                    show this help

Options:
  -h, --help              show this help
  -V, --version           print the version

Command options:
  subnet --json           machine-readable output
  demo --pcap FILE        also write the capture as a pcap file (opens in Wireshark)
  tcp --iss N             the endpoint's initial sequence number (default 1000)
  tcp --script FILE       run a JSON or YAML script of events instead
  tcp --script FILE --json  one JSON result per event
  check --json            problems as data
  play --script FILE [--json] [--level ID] [--lang LOCALE]
  capture -o FILE [--actions FILE] [--level ID]
  new --force             overwrite an existing file
  sandbox --level ID      which level of a pack to open (default: the first)
  practice --topic T,...  subnet, same-subnet, binary, vlsm, ports, osi, transport, arp,
                          next-hop, mac-learning, tcp (default: all)
  practice --minutes N    the timed session's length (default 5)
  practice --seed S | --daily   the same seed (and answers) give the same drills; --daily: today's
  practice --export N --json    N drills as JSON lines {topic, seed, question, answer}
`;
