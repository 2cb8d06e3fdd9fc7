export * from './records';
export * from './jobs';
export * from './blob-store';
export * from './heartbeat';
