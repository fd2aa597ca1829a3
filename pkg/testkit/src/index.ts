export * from './tools';
export * from './prometheus';
