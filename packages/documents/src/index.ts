export * from './records';
export * from './jobs';
export * from './blob-store';
export * from './heartbeat';
export * from './s3-blob-store';
export * from './blob-store-settings';
export * from './collections';
export * from './keyword-index';
