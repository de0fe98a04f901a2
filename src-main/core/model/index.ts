export * from './primitives';
export * from './places';
export * from './resources';
export * from './plan';
export * from './instance';
export * from './scenario';
