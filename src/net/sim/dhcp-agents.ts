/**
 * DHCP in the engine (RFC 2131): a client agent on a host interface, driven by the client
 * machine, and a server agent on a router or host, wrapping the pool server. Messages are
 * real BOOTP/DHCP datagrams (UDP 68 ↔ 67), so they show in the trace and in captures.
 */
import { createActor } from 'xstate';
import { IPV4_ANY, IPV4_LIMITED_BROADCAST } from '../address/ipv4';
import { BROADCAST_MAC } from '../address/mac';
import { dhcpClientMachine, type DhcpClientStep, type DhcpTimer } from '../../machines/dhcp/client-machine';
import { createDhcpServer, type DhcpPoolConfig, type DhcpServer } from '../../machines/dhcp/server';
import { err, ok, type Result } from '../result';
import { DHCP_CLIENT_PORT, DHCP_SERVER_PORT, decodeDhcp, encodeDhcp } from '../wire/dhcp';
import type { SimContext } from './context';
import type { IpNode } from './ip-node';

export class DhcpClientAgent {
  private readonly actor;
  private readonly timerGen = new Map<DhcpTimer, number>();
  private readonly iface: number;

  constructor(
    private readonly node: IpNode,
    ifaceName: string,
    private readonly ctx: SimContext,
    xidSeed: number,
  ) {
    this.iface = node.interfaces.findIndex((i) => i.name === ifaceName);
    this.actor = createActor(dhcpClientMachine, { input: { mac: node.interfaces[this.iface]!.mac, xidSeed } }).start();
    node.onUdp(
      DHCP_CLIENT_PORT,
      (_p, udp) => {
        const m = decodeDhcp(udp.data);
        if (m.ok) this.handle({ type: 'RECEIVE', message: m.value });
      },
      { raw: true },
    );
  }

  get state(): string {
    return String(this.actor.getSnapshot().value);
  }

  start(): void {
    this.handle({ type: 'START' });
  }

  private handle(event: Parameters<typeof this.actor.send>[0]): void {
    const before = this.state;
    this.actor.send(event);
    const snap = this.actor.getSnapshot();
    const step = snap.context.last as DhcpClientStep | undefined;
    const after = this.state;
    const lease = snap.context.lease;
    if (after === 'BOUND' && lease && before !== 'BOUND' && before !== 'RENEWING' && before !== 'REBINDING') {
      this.node.setAddress(this.node.interfaces[this.iface]!.name, { address: lease.address, prefix: lease.prefix });
      if (lease.router !== undefined) this.node.setGateway(lease.router);
    }
    if ((after === 'INIT' || after === 'SELECTING') && (before === 'BOUND' || before === 'RENEWING' || before === 'REBINDING')) {
      this.node.setAddress(this.node.interfaces[this.iface]!.name, undefined);
    }
    if (step) {
      this.ctx.record({ kind: 'dhcp', t: this.ctx.now(), device: this.node.name, role: 'client', from: before, to: after, note: step.note });
      for (const m of step.send) {
        const bytes = encodeDhcp(m);
        if (!bytes.ok) continue;
        const src = step.from ?? IPV4_ANY;
        const dst = step.to ?? IPV4_LIMITED_BROADCAST;
        if (dst === IPV4_LIMITED_BROADCAST) this.node.sendUdpRaw(this.iface, src, dst, BROADCAST_MAC, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, bytes.value);
        else this.node.sendUdpFrom(src, dst, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, bytes.value);
      }
      for (const [timer, seconds] of Object.entries(step.timers ?? {}) as [DhcpTimer, number][]) {
        const g = (this.timerGen.get(timer) ?? 0) + 1;
        this.timerGen.set(timer, g);
        this.ctx.after(Math.round(seconds * 1e9), () => {
          if (this.timerGen.get(timer) === g) this.handle({ type: 'TIMEOUT', timer });
        });
      }
    }
  }
}

export class DhcpServerAgent {
  constructor(
    private readonly node: IpNode,
    private readonly server: DhcpServer,
    private readonly ctx: SimContext,
  ) {
    node.onUdp(
      DHCP_SERVER_PORT,
      (_p, udp, iface) => {
        const m = decodeDhcp(udp.data);
        if (!m.ok) return;
        const step = this.server.receive(m.value, this.ctx.now() / 1e9);
        this.ctx.record({ kind: 'dhcp', t: this.ctx.now(), device: node.name, role: 'server', from: 'serving', to: 'serving', note: step.note });
        const reply = step.reply;
        if (!reply) return;
        const bytes = encodeDhcp(reply.message);
        if (!bytes.ok) return;
        const src = node.interfaces[iface]!.address?.address ?? IPV4_ANY;
        if (reply.mac !== undefined) node.sendUdpRaw(iface, src, reply.to, reply.mac, DHCP_SERVER_PORT, reply.port, bytes.value);
        else node.sendUdpFrom(src, reply.to, DHCP_SERVER_PORT, reply.port, bytes.value);
      },
    );
  }
}

export function startDhcpServer(node: IpNode, config: DhcpPoolConfig, ctx: SimContext): Result<DhcpServerAgent> {
  const s = createDhcpServer(config);
  if (!s.ok) return err(`${node.name}: ${s.error}`);
  return ok(new DhcpServerAgent(node, s.value, ctx));
}
