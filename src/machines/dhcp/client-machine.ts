/**
 * A DHCP client (RFC 2131 §4.4, figure 5) as an XState machine, built like the TCP connection
 * machine: the machine declares which transitions exist, the pure `decideDhcpClient` picks one.
 * After every event `context.last` holds what to send, where to, which timers to arm, and why.
 *
 * Deliberate simplifications, each a place a learner could look further:
 * - INIT-REBOOT and REBOOTING are omitted: every START is a fresh DISCOVER (the server's table
 *   still hands a returning client its previous address).
 * - INIT is a resting state: a real client leaves it at once (after a random 1–10 s wait); here
 *   the simulation or the player sends START, so a NAK or an expired lease is visible.
 * - The first OFFER is taken (RFC 2131 lets a client wait and compare); no ARP probe of the
 *   offered address, so no DECLINE; `secs` is always 0 (the machine has no clock).
 * - Timers are the simulation's: `last.timers` says which to (re)arm, in seconds from now; a
 *   TIMEOUT that does not apply in the current state (a stale timer) is ignored.
 */
import { assign, setup } from 'xstate';
import { IPV4_ANY, IPV4_LIMITED_BROADCAST, formatIpv4, type Ipv4 } from '../../net/address/ipv4';
import { formatMac, type Mac } from '../../net/address/mac';
import { addressClass, classfulPrefix, maskFromPrefix, prefixOfMask, type Mask, type Prefix } from '../../net/address/subnet';
import { DHCP_INFINITE_LEASE, DHCP_OPT, dhcpMessage, type DhcpMessage, type DhcpMessageType } from '../../net/wire/dhcp';

export const DHCP_CLIENT_STATES = ['INIT', 'SELECTING', 'REQUESTING', 'BOUND', 'RENEWING', 'REBINDING'] as const;
export type DhcpClientState = (typeof DHCP_CLIENT_STATES)[number];

export type DhcpTimer = 'retransmit' | 'T1' | 'T2' | 'lease-expired';

export type DhcpClientEvent =
  | { readonly type: 'START' }
  | { readonly type: 'RECEIVE'; readonly message: DhcpMessage }
  | { readonly type: 'TIMEOUT'; readonly timer: DhcpTimer }
  | { readonly type: 'RELEASE' };

export interface DhcpClientInput {
  readonly mac: Mac;
  /** Seeds the transaction ids, so runs repeat exactly. */
  readonly xidSeed: number;
  /** Ask servers to broadcast replies (Windows does; Linux's dhclient does not). Default false. */
  readonly broadcastFlag?: boolean;
}

export interface DhcpLease {
  readonly address: Ipv4;
  readonly prefix: Prefix;
  readonly mask: Mask;
  /** The first router of option 3, the default gateway. */
  readonly router?: Ipv4;
  readonly dnsServers: readonly Ipv4[];
  /** The server identifier (option 54): where RENEWING sends its unicast REQUEST. */
  readonly server: Ipv4;
  readonly leaseSeconds: number;
  /** T1 and T2, seconds after the ACK. */
  readonly t1: number;
  readonly t2: number;
}

export interface DhcpClientStep {
  /** Messages to send, all from `from` to `to` (UDP 68 → 67). */
  readonly send: readonly DhcpMessage[];
  readonly from?: Ipv4;
  readonly to?: Ipv4;
  /** Timers to (re)arm, seconds from now; any other timer keeps running. */
  readonly timers?: Partial<Record<DhcpTimer, number>>;
  readonly note: string;
  readonly error?: string;
}

export interface DhcpClientContext {
  readonly mac: Mac;
  readonly xidSeed: number;
  readonly broadcastFlag: boolean;
  /** Transactions begun so far: each new DISCOVER, renewal, rebinding or release takes a new xid. */
  readonly transactions: number;
  readonly xid: number;
  /** Transmissions of the current message. */
  readonly tries: number;
  /** The OFFER being requested (REQUESTING). */
  readonly offer?: DhcpMessage;
  readonly lease?: DhcpLease;
  /** RENEWING/REBINDING: seconds left until T2 or expiry, to space retransmissions. */
  readonly remaining: number;
  readonly last: DhcpClientStep | undefined;
}

/** Transmissions of a DISCOVER or a SELECTING REQUEST before giving up: 4, as many clients do. */
export const DHCP_MAX_TRIES = 4;
/** RENEWING and REBINDING retransmit no sooner than this (RFC 2131 §4.4.5). */
export const DHCP_MIN_RENEW_RETRANSMIT = 60;

/** RFC 2131 §4.1's exponential backoff 4, 8, 16, 32, 64 s, without its ±1 s randomization. */
export function retransmitDelay(tries: number): number {
  return Math.min(64, 4 * 2 ** Math.max(0, tries - 1));
}

/** Options 1, 3, 6, 51, 58, 59: what a client asks the server to include (parameter request list). */
const PARAMETER_REQUEST = { code: DHCP_OPT.PARAMETER_REQUEST_LIST, data: Uint8Array.of(1, 3, 6, 51, 58, 59) };

/** A 32-bit mix of seed and counter (murmur3's finalizer): distinct, repeatable, random-looking xids. */
export function dhcpXid(seed: number, n: number): number {
  let h = (seed ^ Math.imul(n + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function initialDhcpClientContext(input: DhcpClientInput): DhcpClientContext {
  return {
    mac: input.mac,
    xidSeed: input.xidSeed,
    broadcastFlag: input.broadcastFlag ?? false,
    transactions: 0,
    xid: 0,
    tries: 0,
    remaining: 0,
    last: undefined,
  };
}

type Ctx = Omit<DhcpClientContext, 'last'>;

export interface DhcpClientOutcome {
  readonly state: DhcpClientState;
  readonly context: Ctx;
  readonly last: DhcpClientStep;
}

const ip = formatIpv4;

function newTransaction(c: Ctx): Ctx {
  return { ...c, transactions: c.transactions + 1, xid: dhcpXid(c.xidSeed, c.transactions), tries: 0 };
}

function request(c: Ctx, type: DhcpMessageType, fields: Partial<DhcpMessage> = {}): DhcpMessage {
  return dhcpMessage({ op: 'request', type, xid: c.xid, chaddr: c.mac, ...fields });
}

const discoverMessage = (c: Ctx) => request(c, 'DISCOVER', { broadcast: c.broadcastFlag, options: [PARAMETER_REQUEST] });
/** SELECTING: broadcast, so every server that offered learns which one was chosen (option 54). */
const selectingRequest = (c: Ctx, offer: DhcpMessage) =>
  request(c, 'REQUEST', { broadcast: c.broadcastFlag, requestedIp: offer.yiaddr, serverId: offer.serverId!, options: [PARAMETER_REQUEST] });
/** RENEWING/REBINDING: the address goes in ciaddr; options 50 and 54 MUST NOT be sent (RFC 2131 §4.3.2). */
const extendRequest = (c: Ctx, lease: DhcpLease) => request(c, 'REQUEST', { ciaddr: lease.address, options: [PARAMETER_REQUEST] });

function stay(state: DhcpClientState, c: Ctx, note: string, error?: string): DhcpClientOutcome {
  return { state, context: c, last: error === undefined ? { send: [], note } : { send: [], note, error } };
}

function toInit(c: Ctx, note: string, error?: string, send: Partial<DhcpClientStep> = {}): DhcpClientOutcome {
  const { offer: _o, lease: _l, ...rest } = c;
  const last: DhcpClientStep = { send: [], ...send, note, ...(error === undefined ? {} : { error }) };
  return { state: 'INIT', context: { ...rest, tries: 0, remaining: 0 }, last };
}

function sendDiscover(c: Ctx, why: string): DhcpClientOutcome {
  const next = { ...c, tries: c.tries + 1 };
  return {
    state: 'SELECTING',
    context: next,
    last: {
      send: [discoverMessage(next)],
      from: IPV4_ANY,
      to: IPV4_LIMITED_BROADCAST,
      timers: { retransmit: retransmitDelay(next.tries) },
      note: `${why}: DISCOVER broadcast from 0.0.0.0 (xid 0x${next.xid.toString(16).padStart(8, '0')}, try ${next.tries} of ${DHCP_MAX_TRIES})`,
    },
  };
}

function sendSelectingRequest(c: Ctx, offer: DhcpMessage, why: string): DhcpClientOutcome {
  const next = { ...c, offer, tries: c.tries + 1 };
  return {
    state: 'REQUESTING',
    context: next,
    last: {
      send: [selectingRequest(next, offer)],
      from: IPV4_ANY,
      to: IPV4_LIMITED_BROADCAST,
      timers: { retransmit: retransmitDelay(next.tries) },
      note: `${why}: REQUEST ${ip(offer.yiaddr)} from server ${ip(offer.serverId!)}, broadcast (try ${next.tries} of ${DHCP_MAX_TRIES})`,
    },
  };
}

/** RENEWING unicasts to the server that granted the lease; REBINDING broadcasts to any server. */
function sendExtend(state: 'RENEWING' | 'REBINDING', c: Ctx, lease: DhcpLease, why: string): DhcpClientOutcome {
  const wait = Math.max(DHCP_MIN_RENEW_RETRANSMIT, Math.floor(c.remaining / 2));
  // A retransmission due after T2 (or expiry) would never happen: that timer changes state first.
  const timers = wait < c.remaining ? { retransmit: wait } : undefined;
  const next = { ...c, tries: c.tries + 1, remaining: wait < c.remaining ? c.remaining - wait : c.remaining };
  const to = state === 'RENEWING' ? lease.server : IPV4_LIMITED_BROADCAST;
  return {
    state,
    context: next,
    last: {
      send: [extendRequest(next, lease)],
      from: lease.address,
      to,
      ...(timers === undefined ? {} : { timers }),
      note: `${why}: REQUEST to extend ${ip(lease.address)}, ${state === 'RENEWING' ? `unicast to its server ${ip(to)}` : 'broadcast to any server'}`,
    },
  };
}

function leaseFromAck(ack: DhcpMessage, previous: DhcpLease | undefined): DhcpLease {
  const prefix = ack.subnetMask !== undefined ? prefixOfMask(ack.subnetMask) : (classfulPrefix(addressClass(ack.yiaddr)) ?? (24 as Prefix));
  const L = ack.leaseSeconds!;
  let t1 = ack.renewalSeconds ?? Math.floor(L * 0.5);
  let t2 = ack.rebindingSeconds ?? Math.floor(L * 0.875);
  // Inconsistent T1/T2 fall back to the defaults, as dhclient does.
  if (!(t1 < t2 && t2 < L)) {
    t1 = Math.floor(L * 0.5);
    t2 = Math.floor(L * 0.875);
  }
  const router = ack.routers?.[0];
  return {
    address: ack.yiaddr,
    prefix,
    mask: maskFromPrefix(prefix),
    ...(router === undefined ? {} : { router }),
    dnsServers: ack.dnsServers ?? [],
    server: ack.serverId ?? previous?.server ?? IPV4_ANY,
    leaseSeconds: L,
    t1,
    t2,
  };
}

function bind(c: Ctx, ack: DhcpMessage, why: string): DhcpClientOutcome {
  const lease = leaseFromAck(ack, c.lease);
  const { offer: _o, ...rest } = c;
  const infinite = lease.leaseSeconds === DHCP_INFINITE_LEASE;
  const mask = ack.subnetMask === undefined ? ` (no mask given: /${lease.prefix} assumed from the address class)` : '';
  return {
    state: 'BOUND',
    context: { ...rest, lease, tries: 0, remaining: 0 },
    last: {
      send: [],
      ...(infinite ? {} : { timers: { T1: lease.t1, T2: lease.t2, 'lease-expired': lease.leaseSeconds } }),
      note:
        `${why}: BOUND to ${ip(lease.address)}/${lease.prefix}${mask}` +
        (lease.router === undefined ? ', no router' : `, router ${ip(lease.router)}`) +
        (infinite ? ', lease never expires' : `, lease ${lease.leaseSeconds} s (renew at ${lease.t1} s, rebind at ${lease.t2} s)`),
    },
  };
}

/** Why a received message is not for this client's current transaction, or undefined if it is. */
function mismatch(c: Ctx, m: DhcpMessage): string | undefined {
  if (m.op !== 'reply') return `a ${m.type} from another client (op BOOTREQUEST), not a server's reply`;
  if (m.chaddr !== c.mac) return `${m.type} for ${formatMac(m.chaddr)}, not this client (${formatMac(c.mac)})`;
  if (m.xid !== c.xid) return `${m.type} with xid 0x${m.xid.toString(16)}, not the current transaction 0x${c.xid.toString(16)}`;
  return undefined;
}

function receive(state: DhcpClientState, c: Ctx, m: DhcpMessage): DhcpClientOutcome {
  const ignore = (why: string) => stay(state, c, `ignored: ${why}`);
  if (state === 'INIT' || state === 'BOUND') return ignore(`${m.type} while ${state}: no transaction is in progress`);
  const wrong = mismatch(c, m);
  if (wrong !== undefined) return ignore(wrong);

  if (state === 'SELECTING') {
    if (m.type !== 'OFFER') return ignore(`a ${m.type} while SELECTING, which waits for an OFFER`);
    if (m.serverId === undefined) return ignore('an OFFER without a server identifier (option 54) cannot be requested');
    if (m.yiaddr === IPV4_ANY) return ignore('an OFFER of 0.0.0.0');
    return sendSelectingRequest({ ...c, tries: 0 }, m, `OFFER of ${ip(m.yiaddr)} from ${ip(m.serverId)}`);
  }

  if (state === 'REQUESTING' && c.offer?.serverId !== undefined && m.serverId !== undefined && m.serverId !== c.offer.serverId) {
    return ignore(`${m.type} from server ${ip(m.serverId)}, not the one chosen (${ip(c.offer.serverId)})`);
  }
  if (m.type === 'NAK') {
    const what = state === 'REQUESTING' ? `the offered ${ip(c.offer!.yiaddr)}` : `the lease on ${ip(c.lease!.address)}`;
    return toInit(c, `NAK: the server refuses ${what}; back to INIT, with no address`, 'DHCPNAK received');
  }
  if (m.type !== 'ACK') return ignore(`a ${m.type} while ${state}, which waits for an ACK or NAK`);
  if (m.yiaddr === IPV4_ANY) return ignore('an ACK assigning 0.0.0.0');
  if (m.leaseSeconds === undefined) return ignore('an ACK without a lease time (option 51), which RFC 2131 requires');
  const why = state === 'REQUESTING' ? 'ACK' : state === 'RENEWING' ? 'ACK: lease renewed' : `ACK from ${m.serverId === undefined ? 'a server' : ip(m.serverId)}: lease rebound`;
  return bind(c, m, why);
}

function onTimeout(state: DhcpClientState, c: Ctx, timer: DhcpTimer): DhcpClientOutcome {
  const stale = () => stay(state, c, `ignored: the ${timer} timer does not apply in ${state} (a stale timer)`);
  switch (timer) {
    case 'retransmit':
      if (state === 'SELECTING' || state === 'REQUESTING') {
        if (c.tries >= DHCP_MAX_TRIES) {
          const what = state === 'SELECTING' ? 'no OFFER' : 'no ACK';
          return toInit(c, `${what} after ${c.tries} tries: giving up, back to INIT`, `no DHCP server answered (${what})`);
        }
        return state === 'SELECTING' ? sendDiscover(c, 'no OFFER yet, retransmitting') : sendSelectingRequest(c, c.offer!, 'no ACK yet, retransmitting');
      }
      if (state === 'RENEWING' || state === 'REBINDING') return sendExtend(state, c, c.lease!, 'no answer yet, retransmitting');
      return stale();
    case 'T1':
      if (state !== 'BOUND') return stale();
      return sendExtend('RENEWING', { ...newTransaction(c), remaining: c.lease!.t2 - c.lease!.t1 }, c.lease!, 'T1: time to renew');
    case 'T2':
      if (state !== 'BOUND' && state !== 'RENEWING') return stale();
      return sendExtend('REBINDING', { ...newTransaction(c), remaining: c.lease!.leaseSeconds - c.lease!.t2 }, c.lease!, 'T2: the server did not renew');
    case 'lease-expired':
      if (state !== 'BOUND' && state !== 'RENEWING' && state !== 'REBINDING') return stale();
      return toInit(c, `the lease on ${ip(c.lease!.address)} expired: the address is given up, back to INIT`, 'lease expired');
  }
}

function onRelease(state: DhcpClientState, c: Ctx): DhcpClientOutcome {
  if (state === 'INIT') return stay(state, c, 'RELEASE: nothing to release', 'no lease');
  if (state === 'SELECTING' || state === 'REQUESTING') return toInit(c, `RELEASE: stopped ${state}, no lease was granted`);
  const lease = c.lease!;
  const t = newTransaction(c);
  const release = request(t, 'RELEASE', { ciaddr: lease.address, serverId: lease.server });
  return toInit(t, `RELEASE: ${ip(lease.address)} handed back to ${ip(lease.server)}, back to INIT`, undefined, { send: [release], from: lease.address, to: lease.server });
}

/** The whole client, as a pure function: what `event` does in `state`. */
export function decideDhcpClient(state: DhcpClientState, c: Ctx, event: DhcpClientEvent): DhcpClientOutcome {
  switch (event.type) {
    case 'START':
      if (state !== 'INIT') return stay(state, c, `START ignored: already ${state}`, 'already started');
      return sendDiscover(newTransaction(c), 'START');
    case 'RECEIVE':
      return receive(state, c, event.message);
    case 'TIMEOUT':
      return onTimeout(state, c, event.timer);
    case 'RELEASE':
      return onRelease(state, c);
  }
}

type EventType = DhcpClientEvent['type'];

/** Every transition the rules may take (staying put aside): the client's whole graph, RFC 2131 figure 5 minus INIT-REBOOT. */
export const DHCP_CLIENT_TRANSITIONS: Record<DhcpClientState, Partial<Record<EventType, readonly DhcpClientState[]>>> = {
  INIT: { START: ['SELECTING'] },
  SELECTING: { RECEIVE: ['REQUESTING'], TIMEOUT: ['INIT'], RELEASE: ['INIT'] },
  REQUESTING: { RECEIVE: ['BOUND', 'INIT'], TIMEOUT: ['INIT'], RELEASE: ['INIT'] },
  BOUND: { TIMEOUT: ['RENEWING', 'REBINDING', 'INIT'], RELEASE: ['INIT'] },
  RENEWING: { RECEIVE: ['BOUND', 'INIT'], TIMEOUT: ['REBINDING', 'INIT'], RELEASE: ['INIT'] },
  REBINDING: { RECEIVE: ['BOUND', 'INIT'], TIMEOUT: ['INIT'], RELEASE: ['INIT'] },
};

const EVENT_TYPES: readonly EventType[] = ['START', 'RECEIVE', 'TIMEOUT', 'RELEASE'];

function ctxOf(context: DhcpClientContext): Ctx {
  const { last: _l, ...c } = context;
  return c;
}

const machineSetup = setup({
  types: {
    context: {} as DhcpClientContext,
    events: {} as DhcpClientEvent,
    input: {} as DhcpClientInput,
  },
  guards: {
    leadsTo: ({ context, event }, params: { from: DhcpClientState; to: DhcpClientState }) => decideDhcpClient(params.from, ctxOf(context), event).state === params.to,
  },
  actions: {
    apply: assign(({ context, event }, params: { from: DhcpClientState }) => {
      const o = decideDhcpClient(params.from, ctxOf(context), event);
      const allowed = params.from === o.state || (DHCP_CLIENT_TRANSITIONS[params.from][event.type] ?? []).includes(o.state);
      if (!allowed) throw new Error(`DHCP rules chose ${params.from} → ${o.state} on ${event.type}, which the machine does not declare`);
      // Replace the whole context: optional fields (offer, lease) must be able to disappear.
      return { ...o.context, offer: o.context.offer, lease: o.context.lease, last: o.last };
    }),
  },
});

function stateNode(from: DhcpClientState) {
  const on: Record<string, unknown> = {};
  for (const type of EVENT_TYPES) {
    const targets = DHCP_CLIENT_TRANSITIONS[from][type] ?? [];
    on[type] = [
      ...targets.map((to) => ({ guard: { type: 'leadsTo' as const, params: { from, to } }, target: to, actions: { type: 'apply' as const, params: { from } } })),
      { actions: { type: 'apply' as const, params: { from } } },
    ];
  }
  return { on };
}

export const dhcpClientMachine = machineSetup.createMachine({
  id: 'dhcp-client',
  initial: 'INIT',
  context: ({ input }) => initialDhcpClientContext(input),
  states: Object.fromEntries(DHCP_CLIENT_STATES.map((s) => [s, stateNode(s)])) as never,
});
