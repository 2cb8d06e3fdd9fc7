export * from './settings';
export * from './connection';
