import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadLevelFile } from '../../src/levels/load';
import type { SandboxIo } from '../../src/sandbox/forms';
import { Sandbox, type SandboxProps } from '../../src/tui/screens/Sandbox';
import { mount, mountApp, tick } from './harness';
import { emptyProgress } from '../../src/progress/store';

const KEY = { up: '\x1b[A', down: '\x1b[B', left: '\x1b[D', right: '\x1b[C', enter: '\r', esc: '\x1b', tab: '\t' };

/** Files the screen writes, kept in memory. */
function memoryIo(): SandboxIo & { files: Map<string, Uint8Array | string> } {
  const files = new Map<string, Uint8Array | string>();
  return { cwd: '/work/here', files, yaml: stringify, write: (path, data) => (path.includes('/missing/') ? { ok: false, error: 'the folder /missing does not exist' } : (files.set(path, data), { ok: true, value: path })) };
}

function gatewayLevel() {
  const l = loadLevelFile('test/fixtures/levels/configure-gateway.yaml');
  if (!l.ok) throw new Error('fixture does not load');
  return l.value.level.topology;
}

/** Wide by default, so the log's lines are not wrapped in the middle of what a test looks for; the fit test uses 80×24. */
function mountSandbox(props: Partial<SandboxProps> = {}, size = { width: 140, height: 30 }, env: NodeJS.ProcessEnv = {}) {
  const io = memoryIo();
  let exits = 0;
  const r = mount(<Sandbox active width={size.width} height={size.height} io={io} onExit={() => exits++} {...props} />, env);
  return { ...r, io, exits: () => exits };
}

describe('the sandbox screen', () => {
  it('builds a network from nothing with the keys a person would press, pings across it, and steps the trace', async () => {
    const s = mountSandbox();
    await tick();
    expect(s.frame()).toContain('The network is empty.');
    // a: add a host, another host, then a switch (second in the kind list).
    await s.press('a');
    expect(s.frame()).toContain('Add a device: Which kind?');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('added host pc1');
    await s.press('a', KEY.enter, 'a', KEY.down, KEY.enter);
    expect(s.frame()).toContain('added switch sw1');
    expect(s.frame()).toMatch(/sw1/);
    // c: cable pc1:eth0 to sw1's first port; then pc2.
    await s.press('c');
    expect(s.frame()).toContain('Plug a cable: From which port?');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('pc1:eth0 to which port?');
    await s.press(KEY.down, KEY.enter);
    expect(s.frame()).toContain('cable pc1:eth0 ─ sw1:p1');
    // pc1 has no free port left: the list now starts at pc2:eth0, and offers only sw1's ports.
    await s.press('c', KEY.enter, KEY.enter);
    expect(s.frame()).toContain('cable pc2:eth0 ─ sw1:p2');
    // i: addresses; a wrong one is explained as it is typed, and not sent.
    await s.press('i', KEY.enter);
    expect(s.frame()).toContain('Set an address: Address of pc1:eth0');
    await s.type('10.0.0.300/24');
    expect(s.frame()).toMatch(/300/);
    await s.press(KEY.enter);
    expect(s.frame()).toContain('Address of pc1:eth0');
    // Take back "300/24" (Backspace × 6) and finish it right.
    await s.type('\x7f'.repeat(6));
    await s.type('1/24');
    await s.press(KEY.enter);
    expect(s.frame()).toMatch(/pc1:eth0.*10\.0\.0\.1/);
    await s.press('i', KEY.down, KEY.enter);
    await s.type('10.0.0.2/24');
    await s.press(KEY.enter);
    // p: ping pc1 → pc2.
    await s.press('p', KEY.enter);
    await s.type('pc2');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('ping pc1 → pc2: ✓ reply from 10.0.0.2');
    // ARP request and reply, echo request and reply, each on two cables.
    expect(s.frame()).toContain('8 frames on the wires: s steps through them');
    // s: the stepper, with the run named above the drawing.
    await s.press('s');
    expect(s.frame()).toContain('Run 1 of 1: ping pc1 → pc2');
    expect(s.frame()).toContain('Step 1 of');
    expect(s.frame()).toContain('ARP request: who has 10.0.0.2? tell 10.0.0.1');
    await s.press('l');
    expect(s.frame()).toContain('Step 2 of');
    expect(s.frame()).toContain('sw1:p2 → pc2:eth0');
    // Esc: back to the network, not out of the sandbox.
    await s.press(KEY.esc);
    expect(s.frame()).toContain('ARP cache:');
    expect(s.exits()).toBe(0);
    await s.press('q');
    expect(s.exits()).toBe(1);
  });

  it("opens a level's network: a ping without a gateway fails, and says why", async () => {
    const s = mountSandbox({ topology: gatewayLevel(), origin: 'configure-gateway.yaml' });
    await tick();
    expect(s.frame()).toContain('Opened the network of');
    expect(s.frame()).toContain('pc1 (host)');
    await s.press('p', KEY.enter);
    await s.type('pc2');
    await s.press(KEY.enter);
    // Marked as a failure by its first sign, not only by colour.
    expect(s.frame()).toContain('✗ ping pc1 → pc2: ✗ not sent');
    expect(s.frame()).toContain('nothing went on the wire');
    // g: set the gateway, then the ping gets through.
    await s.press('g', KEY.enter);
    await s.type('192.168.1.1');
    await s.press(KEY.enter);
    expect(s.frame()).toMatch(/gateway: 192\.168\.1\.1/);
    await s.press('p', KEY.enter);
    await s.type('pc2');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('✓ reply from 10.0.0.20');
    // s opens the last run; [ and ] go through the earlier ones.
    await s.press('s');
    expect(s.frame()).toContain('Run 2 of 2: ping pc1 → pc2 — ✓ reply');
    await s.press('[');
    expect(s.frame()).toContain('Run 1 of 2: ping pc1 → pc2 — ✗ not sent');
    expect(s.frame()).toContain('Step 1 of 1');
    await s.press('[');
    expect(s.frame()).toContain('Run 1 of 2');
    await s.press(']');
    expect(s.frame()).toContain('Run 2 of 2');
    expect(s.frame()).toContain('ARP request');
  });

  it('selects devices with ← → and tab; the inspector follows', async () => {
    const s = mountSandbox({ topology: gatewayLevel() });
    await tick();
    expect(s.frame()).toContain('pc1 (host)');
    await s.press(KEY.right);
    expect(s.frame()).toContain('pc2 (host)');
    await s.press(KEY.tab, KEY.tab);
    expect(s.frame()).toContain('sw2 (switch)');
    await s.press(KEY.left);
    expect(s.frame()).toContain('sw1 (switch)');
  });

  it('Enter lists every action; Esc closes the list and a form, without leaving', async () => {
    const s = mountSandbox({ topology: gatewayLevel() });
    await tick();
    await s.press(KEY.enter);
    expect(s.frame()).toContain('Actions');
    expect(s.frame()).toContain('p  ping from one device to another');
    await s.press(KEY.esc);
    expect(s.frame()).not.toContain('Actions');
    await s.press('t');
    expect(s.frame()).toContain('Open a TCP connection: Client');
    await s.press('q');
    expect(s.frame()).not.toContain('Open a TCP connection');
    expect(s.exits()).toBe(0);
  });

  it('TCP open and close, then the ladder in the stepper', async () => {
    const s = mountSandbox({ topology: gatewayLevel() }, { width: 140, height: 40 });
    await tick();
    await s.press('g', KEY.enter);
    await s.type('192.168.1.1');
    await s.press(KEY.enter);
    await s.press('t', KEY.enter, KEY.enter);
    await s.type('80');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('TCP pc1 → pc2:80: ✓ connected');
    await s.press('x');
    expect(s.frame()).toContain('Which end closes?');
    await s.press(KEY.enter);
    expect(s.frame()).toMatch(/close pc1:49152: pc1's side is (TIME-WAIT|FIN-WAIT-2)/);
    await s.press('s', 'G', 'v');
    expect(s.frame()).toContain('FIN');
    expect(s.frame()).toContain('TIME-WAIT');
  });

  it('writes the capture where the player says, and says where; a bad folder is explained', async () => {
    const s = mountSandbox({ topology: gatewayLevel() });
    await tick();
    await s.press('w');
    expect(s.frame()).toContain('Nothing has been sent yet');
    await s.press('p', KEY.down, KEY.enter);
    await s.type('pc1');
    await s.press(KEY.enter);
    await s.press('w', KEY.enter);
    await s.type('out.pcap');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('capture written to /work/here/out.pcap');
    const bytes = s.io.files.get('/work/here/out.pcap') as Uint8Array;
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)).toBe(0xa1b2c3d4);
    await s.press('w', KEY.enter);
    await s.type('/missing/out.pcap');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('the folder /missing does not exist');
  });

  it('saves the network as a level skeleton', async () => {
    const s = mountSandbox({ topology: gatewayLevel() });
    await tick();
    await s.press('y');
    await s.type('two-nets.yaml');
    await s.press(KEY.enter);
    expect(s.frame()).toContain('level skeleton written to /work/here/two-nets.yaml');
    const text = s.io.files.get('/work/here/two-nets.yaml') as string;
    expect(text).toContain('id: two-nets');
    expect(text).toContain('- name: r1');
  });

  it('fits 80×24 (a 78×21 body) on every view, and NO_COLOR keeps the ✓ ✗ words', async () => {
    const s = mountSandbox({ topology: gatewayLevel() }, { width: 78, height: 21 }, { NO_COLOR: '1' });
    await tick();
    const check = () => {
      const lines = s.frame().split('\n');
      expect(lines.length).toBeLessThanOrEqual(21);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(78);
    };
    check();
    await s.press('p', KEY.enter);
    await s.type('pc2');
    await s.press(KEY.enter);
    check();
    expect(s.frame()).toContain('✗');
    await s.press(KEY.enter);
    check();
    await s.press(KEY.esc, 's');
    check();
  });

  it('TERM=dumb: every view in ASCII', async () => {
    const s = mountSandbox({ topology: gatewayLevel() }, { width: 100, height: 30 }, { TERM: 'dumb' });
    await tick();
    await s.press('g', KEY.enter);
    await s.type('192.168.1.1');
    await s.press(KEY.enter, 't', KEY.enter, KEY.enter);
    await s.type('80');
    await s.press(KEY.enter);
    // eslint-disable-next-line no-control-regex
    const ascii = /^[\x20-\x7e\n]*$/;
    expect(s.frame()).toContain('+ connected');
    expect(s.frame()).toMatch(ascii);
    await s.press('s', 'G');
    expect(s.frame()).toMatch(ascii);
    await s.press('v');
    expect(s.frame()).toContain('SYN');
    expect(s.frame()).toMatch(ascii);
  });
});

describe('the sandbox in the game', () => {
  it('the menu opens it; Esc comes back to the menu', async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), size: { columns: 80, rows: 24 } });
    await tick();
    await app.press(KEY.down, KEY.down);
    expect(app.frame()).toMatch(/› Sandbox/);
    await app.press(KEY.enter);
    expect(app.frame()).toContain('The network is empty.');
    expect(app.frame()).toContain('Sandbox');
    await app.press('?');
    expect(app.frame()).toContain('Keys: Sandbox');
    expect(app.frame()).toContain('step through the last run');
    // Every key fits the 80×24 frame: the last line of the overlay is there, nothing wraps.
    expect(app.frame()).toContain('? or esc closes this help');
    expect(app.frame()).toContain('quit netquest');
    expect(app.frame().split('\n').length).toBeLessThanOrEqual(23);
    await app.press(KEY.esc);
    expect(app.frame()).toContain('The network is empty.');
    await app.press(KEY.esc);
    expect(app.frame()).toMatch(/› Sandbox/);
  });

  it('netquest sandbox FILE opens the game on the sandbox with that network; Esc leads to the menu', async () => {
    const app = mountApp({ packs: [], progress: emptyProgress(), size: { columns: 80, rows: 24 }, start: { name: 'sandbox', topology: gatewayLevel(), origin: 'configure-gateway.yaml' } });
    await tick();
    expect(app.frame()).toContain('netquest › Sandbox');
    expect(app.frame()).toContain('Opened the network of');
    expect(app.frame()).toContain('pc1 (host)');
    await app.press('q');
    expect(app.frame()).toMatch(/› Campaign/);
  });
});
