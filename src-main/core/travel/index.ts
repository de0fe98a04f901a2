export * from './estimate';
export * from './matrix';
