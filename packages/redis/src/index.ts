export * from './settings';
export * from './connection';
export * from './errors';
