/**
 * Configure steps: the player changes an address, a gateway, a route or a setting. A step
 * is applied only when it makes sense; one that repeats a classic mistake is refused with
 * the concept explained (and counts as a wrong try), so the network never holds a state
 * the player did not understand they were making.
 */
import { formatIpv4, parseIpv4 } from '../net/address/ipv4';
import { addressRole, firstHost, formatSubnet, parseCidr, parseSubnet, sameSubnet, subnetOf } from '../net/address/subnet';
import type { Simulation } from '../net/sim/simulation';
import { splitPortRef } from '../levels/build';
import type { Action, LevelFile } from '../levels/schema';
import { message } from './messages';
import type { Verdict } from './verdict';

export type ConfigureAction = Extract<Action, { 'set-address': unknown } | { 'set-gateway': unknown } | { 'add-route': unknown } | { 'remove-route': unknown } | { 'syn-cookies': unknown } | { 'start-dhcp': unknown }>;

export function isConfigure(a: Action): a is ConfigureAction {
  return 'set-address' in a || 'set-gateway' in a || 'add-route' in a || 'remove-route' in a || 'syn-cookies' in a || 'start-dhcp' in a;
}

/** Why the level does not let the player do this, or undefined if it does. */
export function notAllowed(level: LevelFile, a: ConfigureAction, locale = 'en'): string | undefined {
  const allow = level.allow;
  if ('set-address' in a) return allow['set-address']?.includes(a['set-address'].interface) ? undefined : message('not-allowed-set-address', { ref: a['set-address'].interface }, locale);
  if ('set-gateway' in a) return allow['set-gateway']?.includes(a['set-gateway'].device) ? undefined : message('not-allowed-set-gateway', { device: a['set-gateway'].device }, locale);
  if ('add-route' in a) return allow['add-route']?.includes(a['add-route'].device) ? undefined : message('not-allowed-add-route', { device: a['add-route'].device }, locale);
  if ('remove-route' in a) return allow['remove-route']?.includes(a['remove-route'].device) ? undefined : message('not-allowed-remove-route', { device: a['remove-route'].device }, locale);
  if ('start-dhcp' in a) return allow['start-dhcp']?.includes(a['start-dhcp'].device) ? undefined : message('not-allowed-start-dhcp', { device: a['start-dhcp'].device }, locale);
  return allow['syn-cookies']?.includes(a['syn-cookies'].device) ? undefined : message('not-allowed-syn-cookies', { device: a['syn-cookies'].device }, locale);
}

export type ApplyResult = { readonly ok: true; readonly note: string } | { readonly ok: false; readonly verdict: Omit<Verdict, 'points'> };

const refuse = (concept: string, explanation: string, misconception?: string): ApplyResult => ({
  ok: false,
  verdict: misconception ? { result: 'incorrect', concept, explanation, misconception } : { result: 'incorrect', concept, explanation },
});

/** Applies one configure action to a simulation (the player's network), or says why not. */
export function applyConfigure(sim: Simulation, a: ConfigureAction, locale = 'en'): ApplyResult {
  if ('set-address' in a) {
    const [device, port] = splitPortRef(a['set-address'].interface);
    const node = sim.host(device);
    if (!node?.iface(port)) return refuse('addressing', message('no-such-interface', { ref: a['set-address'].interface }, locale));
    const text = a['set-address'].address;
    if (text === null) {
      node.setAddress(port, undefined);
      return { ok: true, note: message('address-cleared', { ref: a['set-address'].interface }, locale) };
    }
    const c = parseCidr(text);
    if (!c.ok) {
      if (/1-bits must all come first/.test(c.error)) return refuse('subnet-mask', message('non-contiguous-mask', { detail: c.error }, locale), 'non-contiguous-mask');
      return refuse('addressing', c.error);
    }
    const subnet = formatSubnet(subnetOf(c.value.address, c.value.prefix));
    const role = addressRole(c.value.address, c.value.prefix);
    if (role === 'network') return refuse('network-address', message('network-address-to-host', { address: formatIpv4(c.value.address), subnet }, locale), 'network-address-to-host');
    if (role === 'broadcast') return refuse('broadcast-address', message('broadcast-address-to-host', { address: formatIpv4(c.value.address), subnet }, locale), 'broadcast-address-to-host');
    for (const d of sim.devices) {
      const other = sim.host(d.name);
      const clash = other?.interfaces.find((i) => i.address?.address === c.value.address && !(d.name === device && i.name === port));
      if (clash) return refuse('addressing', message('duplicate-address', { address: formatIpv4(c.value.address), other: `${d.name}:${clash.name}` }, locale), 'duplicate-address');
    }
    node.setAddress(port, c.value);
    return { ok: true, note: message('address-set', { ref: a['set-address'].interface, address: text, subnet }, locale) };
  }
  if ('set-gateway' in a) {
    const node = sim.host(a['set-gateway'].device);
    if (!node) return refuse('gateway', message('no-such-device', { device: a['set-gateway'].device }, locale));
    if (a['set-gateway'].gateway === null) {
      node.setGateway(undefined);
      return { ok: true, note: message('gateway-cleared', { device: node.name }, locale) };
    }
    const gw = parseIpv4(a['set-gateway'].gateway);
    if (!gw.ok) return refuse('gateway', gw.error);
    const mine = node.interfaces.filter((i) => i.address);
    const netOf = mine.find((i) => i.address!.prefix < 31 && addressRole(gw.value, i.address!.prefix) === 'network' && sameSubnet(i.address!.address, gw.value, i.address!.prefix));
    if (netOf) {
      const subnet = formatSubnet(subnetOf(netOf.address!.address, netOf.address!.prefix));
      return refuse('gateway', message('network-address-as-gateway', { gateway: formatIpv4(gw.value), subnet, first: formatIpv4(firstHost(gw.value, netOf.address!.prefix)) }, locale), 'gateway-as-network-address');
    }
    if (mine.length > 0 && !mine.some((i) => sameSubnet(i.address!.address, gw.value, i.address!.prefix))) {
      const subnet = mine.map((i) => formatSubnet(subnetOf(i.address!.address, i.address!.prefix))).join(', ');
      return refuse('gateway', message('gateway-off-subnet', { gateway: formatIpv4(gw.value), device: node.name, subnet }, locale), 'gateway-off-subnet');
    }
    if (node.ownsAddress(gw.value)) return refuse('gateway', message('gateway-own-address', { gateway: formatIpv4(gw.value), device: node.name }, locale));
    node.setGateway(gw.value);
    return { ok: true, note: message('gateway-set', { device: node.name, gateway: formatIpv4(gw.value) }, locale) };
  }
  if ('add-route' in a) {
    const node = sim.host(a['add-route'].device);
    if (!node) return refuse('routing', message('no-such-device', { device: a['add-route'].device }, locale));
    const to = parseSubnet(a['add-route'].to);
    if (!to.ok) return refuse('routing', message('route-destination-error', { error: to.error }, locale));
    const via = parseIpv4(a['add-route'].via);
    if (!via.ok) return refuse('routing', message('route-next-hop-error', { error: via.error }, locale));
    const added = node.addStaticRoute(to.value, via.value);
    if (!added.ok) return refuse('routing', message('route-next-hop-not-neighbour', { error: added.error }, locale));
    return { ok: true, note: message('route-added', { device: node.name, to: a['add-route'].to, via: a['add-route'].via }, locale) };
  }
  if ('remove-route' in a) {
    const node = sim.host(a['remove-route'].device);
    if (!node) return refuse('routing', message('no-such-device', { device: a['remove-route'].device }, locale));
    const to = parseSubnet(a['remove-route'].to);
    if (!to.ok) return refuse('routing', to.error);
    if (!node.removeStaticRoute(to.value)) return refuse('routing', message('route-none-to-remove', { device: node.name, to: a['remove-route'].to }, locale));
    return { ok: true, note: message('route-removed', { device: node.name, to: a['remove-route'].to }, locale) };
  }
  if ('start-dhcp' in a) {
    const started = sim.startDhcpClient(a['start-dhcp'].device, a['start-dhcp'].interface);
    if (!started.ok) return refuse('dhcp', started.error);
    // Let the DORA exchange finish, so the address is there for what follows.
    sim.run({ untilNs: sim.now + 60e9 });
    const got = sim.host(a['start-dhcp'].device)?.iface(a['start-dhcp'].interface)?.address;
    return { ok: true, note: got ? message('dhcp-got-address', { device: a['start-dhcp'].device, address: `${formatIpv4(got.address)}/${got.prefix}` }, locale) : message('dhcp-no-server-answered', { device: a['start-dhcp'].device }, locale) };
  }
  const node = sim.host(a['syn-cookies'].device);
  if (!node) return refuse('syn-flood', message('no-such-device', { device: a['syn-cookies'].device }, locale));
  const r = node.tcp.setSynCookies(a['syn-cookies'].port, a['syn-cookies'].on);
  if (!r.ok) return refuse('syn-flood', r.error);
  return { ok: true, note: message('syn-cookies-set', { on: a['syn-cookies'].on, device: node.name, port: a['syn-cookies'].port }, locale) };
}

/** Replays the configure actions kept so far onto a fresh network. */
export function replay(sim: Simulation, actions: readonly ConfigureAction[], locale = 'en'): Simulation {
  for (const a of actions) applyConfigure(sim, a, locale);
  return sim;
}

