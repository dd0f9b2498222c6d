// Public face of the type model.
export * from './type';
export * from './manifest';
