export * from './codes';
export * from './oversight-events';
export * from './envelope';
export * from './schema-versions';
export * from './streams';
export * from './access-audit-events';
