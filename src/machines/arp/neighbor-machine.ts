/**
 * One ARP neighbour entry (RFC 826 resolution, with the neighbour-reachability states Linux
 * uses: INCOMPLETE → REACHABLE → STALE → DELAY → PROBE, and FAILED).
 *
 * The machine has no guards: the few decisions that depend on counts are separate events
 * (RETRY vs GIVE_UP), so its transitions are plain data. The simulator reads that data
 * through `neighborStep` on its hot path (an actor per neighbour costs ~30 µs, too much for a
 * thousand-host network), and the model test walks the same machine with @xstate/graph.
 */
import { setup } from 'xstate';

export const NEIGHBOR_STATES = ['NONE', 'INCOMPLETE', 'REACHABLE', 'STALE', 'DELAY', 'PROBE', 'FAILED'] as const;
export type NeighborState = (typeof NEIGHBOR_STATES)[number];

export type NeighborEvent =
  /** A packet needs this neighbour's MAC. */
  | { readonly type: 'RESOLVE' }
  /** Its ARP reply arrived (or a request from it aimed at us): the MAC is confirmed. */
  | { readonly type: 'CONFIRM' }
  /** An ARP packet from it that we merely overheard, or that changed its MAC: usable, not confirmed. */
  | { readonly type: 'UPDATE' }
  /** The retransmission timer fired with tries left, or with none. */
  | { readonly type: 'RETRY' }
  | { readonly type: 'GIVE_UP' }
  /** REACHABLE's confirmation is too old; DELAY's grace period is over. */
  | { readonly type: 'REACHABLE_EXPIRED' }
  | { readonly type: 'DELAY_EXPIRED' };

/**
 * What a transition asks the host to do. Names, not functions: the simulator implements them.
 * - broadcast-request / unicast-request: send an ARP request (to everyone / to the cached MAC)
 * - queue: hold the packet until resolution; flush: send what is held; fail-queued: drop it, "host unreachable"
 * - send: send the packet now with the cached MAC
 * - start-retrans / start-reachable / start-delay: (re)arm the entry's one timer
 */
export type NeighborAction =
  | 'broadcast-request'
  | 'unicast-request'
  | 'queue'
  | 'flush'
  | 'fail-queued'
  | 'send'
  | 'start-retrans'
  | 'start-reachable'
  | 'start-delay'
  | 'reset-tries';

/** Linux: 3 multicast/unicast probes (mcast_solicit, ucast_solicit), 1 s apart; reachable for 30 s; 5 s of DELAY. */
export const ARP_TRIES = 3;
export const ARP_RETRANS_NS = 1e9;
export const ARP_REACHABLE_NS = 30e9;
export const ARP_DELAY_NS = 5e9;

const t = (target: NeighborState | undefined, actions: readonly NeighborAction[]) => (target ? { target, actions: [...actions] } : { actions: [...actions] });

export const neighborMachine = setup({
  types: { events: {} as NeighborEvent },
  actions: Object.fromEntries(
    (['broadcast-request', 'unicast-request', 'queue', 'flush', 'fail-queued', 'send', 'start-retrans', 'start-reachable', 'start-delay', 'reset-tries'] as const).map((a) => [a, () => {}]),
  ) as Record<NeighborAction, () => void>,
}).createMachine({
  id: 'neighbor',
  initial: 'NONE',
  states: {
    NONE: {
      on: {
        RESOLVE: t('INCOMPLETE', ['queue', 'reset-tries', 'broadcast-request', 'start-retrans']),
        CONFIRM: t('REACHABLE', ['start-reachable']),
        UPDATE: t('STALE', []),
      },
    },
    INCOMPLETE: {
      on: {
        RESOLVE: t(undefined, ['queue']),
        CONFIRM: t('REACHABLE', ['flush', 'start-reachable']),
        // RFC 826: a request from the neighbour carries its MAC; Linux keeps it as STALE and sends what waited.
        UPDATE: t('STALE', ['flush']),
        RETRY: t(undefined, ['broadcast-request', 'start-retrans']),
        GIVE_UP: t('FAILED', ['fail-queued']),
      },
    },
    REACHABLE: {
      on: {
        RESOLVE: t(undefined, ['send']),
        CONFIRM: t(undefined, ['start-reachable']),
        UPDATE: t('STALE', []),
        REACHABLE_EXPIRED: t('STALE', []),
      },
    },
    STALE: {
      on: {
        // Still usable, but worth checking: send, then give upper layers 5 s to confirm it.
        RESOLVE: t('DELAY', ['send', 'start-delay']),
        CONFIRM: t('REACHABLE', ['start-reachable']),
        UPDATE: t(undefined, []),
      },
    },
    DELAY: {
      on: {
        RESOLVE: t(undefined, ['send']),
        CONFIRM: t('REACHABLE', ['start-reachable']),
        UPDATE: t('STALE', []),
        DELAY_EXPIRED: t('PROBE', ['reset-tries', 'unicast-request', 'start-retrans']),
      },
    },
    PROBE: {
      on: {
        RESOLVE: t(undefined, ['send']),
        CONFIRM: t('REACHABLE', ['start-reachable']),
        UPDATE: t('STALE', []),
        RETRY: t(undefined, ['unicast-request', 'start-retrans']),
        GIVE_UP: t('FAILED', []),
      },
    },
    FAILED: {
      on: {
        RESOLVE: t('INCOMPLETE', ['queue', 'reset-tries', 'broadcast-request', 'start-retrans']),
        CONFIRM: t('REACHABLE', ['start-reachable']),
        UPDATE: t('STALE', []),
      },
    },
  },
});

export interface NeighborStep {
  readonly next: NeighborState;
  readonly actions: readonly NeighborAction[];
}

type On = Record<string, { target?: string | string[]; actions?: readonly { type: string }[] | readonly string[] }>;

/** The machine's transitions as a table, read once from its definition. */
const TABLE: Record<NeighborState, Partial<Record<NeighborEvent['type'], NeighborStep>>> = (() => {
  const table = {} as Record<NeighborState, Partial<Record<NeighborEvent['type'], NeighborStep>>>;
  for (const s of NEIGHBOR_STATES) {
    table[s] = {};
    const on = (neighborMachine.config.states as Record<string, { on?: On }>)[s]!.on ?? {};
    for (const [ev, tr] of Object.entries(on)) {
      const target = Array.isArray(tr.target) ? tr.target[0] : tr.target;
      const actions = (tr.actions ?? []).map((a) => (typeof a === 'string' ? a : a.type)) as NeighborAction[];
      table[s][ev as NeighborEvent['type']] = { next: (target ?? s) as NeighborState, actions };
    }
  }
  return table;
})();

/** What the machine does on `event` in `state`; undefined when the event means nothing there. */
export function neighborStep(state: NeighborState, event: NeighborEvent['type']): NeighborStep | undefined {
  return TABLE[state][event];
}
