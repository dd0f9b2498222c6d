export * from './module-def';
export * from './host-api';
export * from './registry';
