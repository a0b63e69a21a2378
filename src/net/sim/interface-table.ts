/**
 * What every frame and packet asks of a node's interfaces (its MAC, its address, its subnet's
 * broadcast address), kept side by side in one Float64Array per node.
 *
 * Why: read through the interface objects, `interfaces[i].address.address` is four dependent
 * loads (the array, its elements, the interface, the address object), and the MAC and address
 * are boxed heap numbers besides: a cache miss apiece on a node the run has not touched lately,
 * which with pings between random hosts is most of them. Here one node's hot data is one small
 * block. `IpNode` rebuilds it whenever an address changes; the interface objects stay the truth.
 */
import type { Ipv4 } from '../address/ipv4';
import type { Mac } from '../address/mac';
import { broadcastAddress, type Cidr } from '../address/subnet';

const FIELDS = 3;
const MAC = 0;
const ADDRESS = 1;
const BROADCAST = 2;

export class InterfaceTable {
  /** Per interface i: [3i] its MAC, [3i+1] its address, [3i+2] its subnet's broadcast address; NaN for none (NaN equals nothing). */
  private readonly cells: Float64Array;
  readonly count: number;

  constructor(interfaces: readonly { readonly mac: Mac; readonly address?: Cidr | undefined }[]) {
    this.count = interfaces.length;
    this.cells = new Float64Array(interfaces.length * FIELDS);
    interfaces.forEach((iface, i) => {
      const a = iface.address;
      this.cells[FIELDS * i + MAC] = iface.mac;
      this.cells[FIELDS * i + ADDRESS] = a === undefined ? NaN : a.address;
      // /31 and /32 have no broadcast address (RFC 3021).
      this.cells[FIELDS * i + BROADCAST] = a === undefined || a.prefix >= 31 ? NaN : broadcastAddress(a.address, a.prefix);
    });
  }

  mac(i: number): Mac {
    return this.cells[FIELDS * i + MAC]! as Mac;
  }

  /** The interface's address, or NaN when it has none. */
  address(i: number): Ipv4 {
    return this.cells[FIELDS * i + ADDRESS]! as Ipv4;
  }

  /** Whether `ip` is the directed broadcast address of the interface's subnet (never for /31, /32 or no address). */
  isBroadcast(i: number, ip: Ipv4): boolean {
    return this.cells[FIELDS * i + BROADCAST] === ip;
  }

  /** The first interface with address `ip`, or -1. */
  indexOf(ip: Ipv4): number {
    const c = this.cells;
    for (let k = ADDRESS, i = 0; k < c.length; k += FIELDS, i++) if (c[k] === ip) return i;
    return -1;
  }
}
