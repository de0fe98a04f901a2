export * from './shifts';
