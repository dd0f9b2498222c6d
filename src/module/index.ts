export * from './module-def';
export * from './host-api';
