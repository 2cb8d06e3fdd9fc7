export * from './services';
export * from './stack';
