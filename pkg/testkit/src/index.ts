export * from './tools';
export * from './prometheus';
export * from './process';
export * from './alertmanager';
export * from './ruleFiles';
export * from './ruleBackfill';
export * from './sloBackfill';
export * from './promtoolRuleWindow';
