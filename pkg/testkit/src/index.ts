export * from './tools';
export * from './prometheus';
export * from './process';
