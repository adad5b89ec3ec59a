export * from './status';
export * from './code';
export * from './event';
export * from './scenario';
