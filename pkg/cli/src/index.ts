export * from './spec';
export * from './errors';
export * from './parse';
export * from './help';
export * from './run';
export { convertFlagValue } from './values';
