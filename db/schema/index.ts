export * from './enums';
export * from './auth';
export * from './agenda';
export * from './registration';
export * from './outbox';
export * from './rate-limits';
export * from './team';
export * from './exhibition';
