/**
 * Classic libpcap capture files (the format Wireshark and tcpdump read):
 * a 24-byte global header, then a 16-byte record header before each frame.
 * LINKTYPE_ETHERNET frames carry no FCS, as a real capture from a NIC would not.
 */
import { encodeEthernet } from './wire/ethernet';
import type { FrameEvent, TraceEvent } from './sim/trace';

const PCAP_MAGIC_USEC = 0xa1b2c3d4;
export const LINKTYPE_ETHERNET = 1;
const SNAPLEN = 65535;

/**
 * Writes the frames of a trace (all links, or only those of `link`) as a pcap file.
 * Timestamps come from the virtual clock, in microseconds since the simulation began
 * (pcap counts from the Unix epoch, so a capture opens at 1970-01-01 — honest about being simulated).
 */
export function tracePcap(trace: readonly TraceEvent[], opts: { link?: string } = {}): Uint8Array {
  const frames = trace.filter((e): e is FrameEvent => e.kind === 'frame' && (opts.link === undefined || e.link === opts.link));
  const encoded: Uint8Array[] = [];
  let total = 24;
  for (const f of frames) {
    const bytes = encodeEthernet(f.frame);
    // Engine-made frames always encode; a failure here is a bug worth hearing about.
    if (!bytes.ok) throw new Error(`frame #${f.id} cannot be encoded: ${bytes.error}`);
    encoded.push(bytes.value);
    total += 16 + bytes.value.length;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  // Written little-endian; readers detect byte order from the magic number.
  view.setUint32(0, PCAP_MAGIC_USEC, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setInt32(8, 0, true); // thiszone
  view.setUint32(12, 0, true); // sigfigs
  view.setUint32(16, SNAPLEN, true);
  view.setUint32(20, LINKTYPE_ETHERNET, true);
  let off = 24;
  frames.forEach((f, i) => {
    const bytes = encoded[i]!;
    const us = Math.floor(f.t / 1000);
    view.setUint32(off, Math.floor(us / 1e6), true);
    view.setUint32(off + 4, us % 1e6, true);
    view.setUint32(off + 8, bytes.length, true);
    view.setUint32(off + 12, bytes.length, true);
    out.set(bytes, off + 16);
    off += 16 + bytes.length;
  });
  return out;
}
