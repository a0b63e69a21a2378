/**
 * The level and pack formats, defined once: the loader validates with these schemas and
 * `schema/*.schema.json` (editor completion for authors) is generated from them.
 * Addresses stay strings here; `load.ts` parses them with the engine's own parsers so a
 * bad one gets the same learner-friendly message wherever it is typed.
 */
import { SELECT_SITUATIONS, SOCKET_CALLS } from '../machines/tcp/socket-calls';
import { z } from 'zod';

const NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,31}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** Player-visible text: a string, or a map from locale (en, zh-CN, …) to string. */
export const textSchema = z.union([
  z.string().max(4000),
  z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a locale like en or zh-CN'), z.string().max(4000)),
]);

const deviceName = z.string().regex(NAME, 'a device name starts with a letter: letters, digits, . _ - (at most 32)');
/** "device:port", e.g. pc1:eth0 or sw1:p3. */
const portRef = z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,31}:[A-Za-z0-9_./-]{1,32}$/, 'a port is written device:port, like pc1:eth0');
const address = z.string().max(64);
const port = z.number().int().min(1).max(65535);

const interfaceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9_./-]{1,32}$/, 'an interface name like eth0 or g0/1'),
  mac: z.string().max(64).optional(),
  /** address/prefix, e.g. 192.168.1.10/24. Omit to leave the interface for the player. */
  address: address.optional(),
});

const hostSchema = z.strictObject({
  name: deviceName,
  kind: z.literal('host'),
  /** Shorthand for one interface eth0. */
  address: address.optional(),
  mac: z.string().max(64).optional(),
  interfaces: z.array(interfaceSchema).min(1).max(8).optional(),
  gateway: address.optional(),
  /** What runs on it: open UDP ports, listening TCP ports. */
  udp: z.array(port).max(64).optional(),
  tcp: z.array(z.union([port, z.strictObject({ port, backlog: z.number().int().min(0).max(65535).optional(), synCookies: z.boolean().optional(), iss: z.number().int().min(0).max(0xffff_ffff).optional(), closeAtOnce: z.boolean().optional() })])).max(64).optional(),
  /** Ask for an address by DHCP when the network starts. */
  dhcp: z.boolean().optional(),
  dhcpServer: z.lazy(() => dhcpServerSchema).optional(),
  /** What the device is, for layer questions and the picture (pc, server, laptop, phone). */
  role: z.enum(['pc', 'server', 'laptop', 'phone', 'printer']).optional(),
});

const routeSchema = z.strictObject({ to: address, via: address });

/** A DHCP server's pool (RFC 2131): addresses from `from` to `to` on the serving interface's subnet. */
const dhcpServerSchema = z.strictObject({
  interface: z.string().regex(/^[A-Za-z0-9_./-]{1,32}$/).optional(),
  from: address,
  to: address,
  gateway: address.optional(),
  dns: z.array(address).max(4).optional(),
  /** Seconds. */
  lease: z.number().int().min(60).max(31_536_000).default(86_400),
});

const routerSchema = z.strictObject({
  name: deviceName,
  kind: z.literal('router'),
  interfaces: z.array(interfaceSchema).min(1).max(32),
  routes: z.array(routeSchema).max(256).optional(),
  dhcpServer: dhcpServerSchema.optional(),
});

const switchSchema = z.strictObject({
  name: deviceName,
  kind: z.literal('switch'),
  /** A count (ports p1…pN) or the port names. */
  ports: z.union([z.number().int().min(1).max(64), z.array(z.string().regex(/^[A-Za-z0-9_./-]{1,32}$/)).min(1).max(64)]).optional(),
  /** MAC table aging time in seconds (0: never). */
  aging: z.number().min(0).max(1_000_000).optional(),
});

const hubSchema = z.strictObject({
  name: deviceName,
  kind: z.literal('hub'),
  ports: z.union([z.number().int().min(1).max(64), z.array(z.string().regex(/^[A-Za-z0-9_./-]{1,32}$/)).min(1).max(64)]).optional(),
});

export const deviceSchema = z.discriminatedUnion('kind', [hostSchema, routerSchema, switchSchema, hubSchema]);

export const topologySchema = z.strictObject({
  devices: z.array(deviceSchema).min(1).max(20_000),
  links: z.array(z.tuple([portRef, portRef])).max(40_000).default([]),
});

// ---- what the player may do ------------------------------------------------------------

export const allowSchema = z.strictObject({
  'set-address': z.array(portRef).max(256).optional(),
  'set-gateway': z.array(deviceName).max(256).optional(),
  'add-route': z.array(deviceName).max(256).optional(),
  'remove-route': z.array(deviceName).max(256).optional(),
  'syn-cookies': z.array(deviceName).max(256).optional(),
  'start-dhcp': z.array(deviceName).max(256).optional(),
});

// ---- goals -----------------------------------------------------------------------------

/** A device name (its first address) or an IPv4 address. */
const target = z.string().max(64);

export const goalSchema = z.union([
  z.strictObject({ ping: z.strictObject({ from: deviceName, to: target }) }),
  z.strictObject({ 'no-ping': z.strictObject({ from: deviceName, to: target }) }),
  z.strictObject({ udp: z.strictObject({ from: deviceName, to: target, port }) }),
  z.strictObject({ tcp: z.strictObject({ from: deviceName, to: target, port, close: z.boolean().default(false) }) }),
  z.strictObject({ answers: z.literal('all') }),
]);

// ---- questions (answer steps) --------------------------------------------------------

export const questionSchema = z.discriminatedUnion('ask', [
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('network-address'), of: portRef, text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('broadcast-address'), of: portRef, text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('host-count'), of: portRef, text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('mask'), of: portRef, text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('same-subnet'), a: portRef, b: target, text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('osi-layer'), of: z.string().max(32), text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('transport'), for: z.string().max(32), text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('port'), for: z.string().max(32), text: textSchema.optional() }),
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('field-at-offset'), hex: z.string().max(20_000), offset: z.number().int().min(0).max(10_000), text: textSchema.optional() }),
  /** The TCP state a socket call leaves the socket in (for accept, the socket it returns). */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('socket-state'), call: z.enum(SOCKET_CALLS), text: textSchema.optional() }),
  /** Whether select() reports a socket in this situation readable (yes or no). */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('select-readable'), socket: z.enum(SELECT_SITUATIONS), text: textSchema.optional() }),
]);

// ---- predictions (predict steps) ---------------------------------------------------------

/** Traffic the level runs so the player can predict what happens. */
export const scenarioSchema = z.array(
  z.union([
    z.strictObject({ ping: z.strictObject({ from: deviceName, to: target }) }),
    z.strictObject({ udp: z.strictObject({ from: deviceName, to: target, port }) }),
    z.strictObject({ tcp: z.strictObject({ from: deviceName, to: target, port, send: z.number().int().min(0).max(1_000_000).default(0), close: z.boolean().default(true), iss: z.number().int().min(0).max(0xffff_ffff).optional() }) }),
  ]),
).max(64);

/**
 * Traffic that runs all the time while the level is played (before goals and the scenario, and
 * alongside them): a SYN flood from spoofed addresses (RFC 4987), for now.
 */
export const backgroundSchema = z.array(
  z.strictObject({
    'syn-flood': z.strictObject({
      from: deviceName,
      to: target,
      port,
      /** How many spoofed SYNs, one every `every` seconds. */
      count: z.number().int().min(1).max(10_000).default(300),
      every: z.number().min(0.01).max(60).default(0.5),
    }),
  }),
).max(16);

export const predictionSchema = z.discriminatedUnion('ask', [
  /** Where the switch sends the n-th frame it receives: "flood" or the port(s). */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('switch-forward'), device: deviceName, frame: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** Which MAC the switch learns from its n-th frame, and on which port. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('switch-learns'), device: deviceName, frame: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** Whose MAC the host asks for in its n-th ARP request: the destination itself or the gateway. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('arp-target'), device: deviceName, nth: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** Which device answers that ARP request. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('arp-responder'), device: deviceName, nth: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** The router's next hop for the n-th packet it forwards. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('next-hop'), device: deviceName, nth: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** The TTL the packet leaves the router with. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('ttl-after'), device: deviceName, nth: z.number().int().min(1).default(1), text: textSchema.optional() }),
  /** The n-th TCP segment the device sends: flags, seq and ack. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('tcp-segment'), device: deviceName, nth: z.number().int().min(1), text: textSchema.optional() }),
  /** The device's TCP state after its n-th TCP event. */
  z.strictObject({ id: z.string().regex(ID), ask: z.literal('tcp-state'), device: deviceName, nth: z.number().int().min(1), text: textSchema.optional() }),
]);

// ---- actions (the player's steps; also the solution, accept and reject) -----------------

export const actionSchema = z.union([
  z.strictObject({ 'set-address': z.strictObject({ interface: portRef, address: address.nullable() }) }),
  z.strictObject({ 'set-gateway': z.strictObject({ device: deviceName, gateway: address.nullable() }) }),
  z.strictObject({ 'add-route': z.strictObject({ device: deviceName, to: address, via: address }) }),
  z.strictObject({ 'remove-route': z.strictObject({ device: deviceName, to: address }) }),
  z.strictObject({ 'syn-cookies': z.strictObject({ device: deviceName, port, on: z.boolean() }) }),
  z.strictObject({ 'start-dhcp': z.strictObject({ device: deviceName, interface: z.string().max(32).default('eth0') }) }),
  z.strictObject({ answer: z.strictObject({ question: z.string().regex(ID), value: z.union([z.string().max(256), z.number(), z.boolean()]) }) }),
  z.strictObject({ predict: z.strictObject({ question: z.string().regex(ID), value: z.union([z.string().max(256), z.number(), z.array(z.string().max(64)).max(64)]) }) }),
  z.strictObject({ hop: z.strictObject({ device: deviceName }) }),
  z.strictObject({ hint: z.strictObject({}) }),
]);

export const levelSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(ID, 'a level id is lower-case letters, digits and dashes'),
  title: textSchema,
  chapter: z.string().regex(ID).optional(),
  tags: z.array(z.string().max(32)).max(32).default([]),
  difficulty: z.number().int().min(1).max(5),
  concepts: z.array(z.string().max(64)).max(32).default([]),
  briefing: textSchema,
  recap: textSchema.optional(),
  topology: topologySchema,
  allow: allowSchema.default({}),
  goals: z.array(goalSchema).max(64).default([]),
  questions: z.array(questionSchema).max(64).default([]),
  scenario: scenarioSchema.default([]),
  background: backgroundSchema.default([]),
  predictions: z.array(predictionSchema).max(64).default([]),
  /** A route step: the player moves a packet hop by hop. */
  route: z.strictObject({ from: deviceName, to: target }).optional(),
  hints: z.array(textSchema).max(16).default([]),
  par: z.number().int().min(0).max(1000),
  /** Seconds. */
  timeLimit: z.number().int().min(1).max(86_400).optional(),
  solution: z.array(actionSchema).max(1000),
  accept: z.array(z.strictObject({ name: z.string().max(200), actions: z.array(actionSchema).max(1000) })).max(64).default([]),
  reject: z.array(z.strictObject({ name: z.string().max(200), actions: z.array(actionSchema).max(1000), explain: z.string().max(500) })).max(64).default([]),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  name: textSchema,
  id: z.string().regex(ID),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'a version like 1.0.0'),
  author: z.string().max(200),
  description: textSchema.optional(),
  /** Level files in order, relative to the pack folder; or grouped in chapters. */
  levels: z.array(z.string().max(256)).min(1).max(2000).optional(),
  chapters: z.array(z.strictObject({ id: z.string().regex(ID), title: textSchema, levels: z.array(z.string().max(256)).min(1).max(500) })).min(1).max(64).optional(),
}).refine((p) => (p.levels === undefined) !== (p.chapters === undefined), { message: 'a pack lists its levels either in "levels" or in "chapters" (one of the two)' });

export type LevelFile = z.infer<typeof levelSchema>;
export type PackFile = z.infer<typeof packSchema>;
export type Action = z.infer<typeof actionSchema>;
export type Goal = z.infer<typeof goalSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Prediction = z.infer<typeof predictionSchema>;
export type DeviceSpec = z.infer<typeof deviceSchema>;
export type Text = z.infer<typeof textSchema>;
