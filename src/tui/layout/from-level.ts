/**
 * Adapts a level file's `topology` (see src/levels/schema.ts) to the drawing's input.
 * Typed structurally so it does not depend on the level loader's internals.
 */
import type { DeviceKind, TopoDevice, TopoLink, Topology } from './topology';

export interface LevelInterfaceLike {
  readonly name: string;
  readonly address?: string | undefined;
}

export interface LevelDeviceLike {
  readonly name: string;
  readonly kind: DeviceKind;
  readonly address?: string | undefined;
  readonly gateway?: string | undefined;
  readonly interfaces?: readonly LevelInterfaceLike[] | undefined;
}

export interface LevelTopologyLike {
  readonly devices: readonly LevelDeviceLike[];
  readonly links?: readonly (readonly [string, string])[] | undefined;
}

/** What the player must fill in shows as such, not as a blank. */
const UNSET = '(none)';

function deviceLines(d: LevelDeviceLike): string[] {
  switch (d.kind) {
    case 'switch':
    case 'hub':
      return [];
    case 'router':
      return (d.interfaces ?? []).map((i) => `${i.name} ${i.address ?? UNSET}`);
    case 'host': {
      const ifaces = d.interfaces ?? [{ name: 'eth0', address: d.address }];
      // One interface: its address alone; several: named, as on a router.
      const lines = ifaces.length === 1 ? [ifaces[0]!.address ?? `no address`] : ifaces.map((i) => `${i.name} ${i.address ?? UNSET}`);
      if (d.gateway) lines.push(`gw ${d.gateway}`);
      return lines;
    }
  }
}

function end(ref: string): { device: string; port: string } {
  const i = ref.indexOf(':');
  return i < 0 ? { device: ref, port: '' } : { device: ref.slice(0, i), port: ref.slice(i + 1) };
}

export function topologyFromLevel(t: LevelTopologyLike): Topology {
  const devices: TopoDevice[] = t.devices.map((d) => ({ name: d.name, kind: d.kind, lines: deviceLines(d) }));
  const links: TopoLink[] = (t.links ?? []).map(([a, b]) => ({ a: end(a), b: end(b) }));
  return { devices, links };
}
