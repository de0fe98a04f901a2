export * from './changes';
export * from './keep';
