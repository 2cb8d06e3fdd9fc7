export * from './schemas';
export * from './client';
export * from './sse';
export * from './v1';
