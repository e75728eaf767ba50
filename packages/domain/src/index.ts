export * from './domain-error.js';
export * from './money.js';
export * from './ratio.js';
export * from './calendar.js';
export * from './marketplace.js';
export * from './policy.js';
