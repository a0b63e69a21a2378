export * from './simulation';
export * from './trace';
export * from './routing';
export * from './ip-node';
export * from './switch';
export * from './hub';
export type { Device, DeviceKind, Port } from './device';
