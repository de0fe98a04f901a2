export * from './burndown';
export * from './clearance';
export * from './pools';
export * from './shortfall';
export * from './residual';
