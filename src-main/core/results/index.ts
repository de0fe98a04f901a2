export * from './model';
export * from './remaining';
export * from './progress';
