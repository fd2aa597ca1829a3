import type { AppSettings, SettingsProblem } from '../settings/settings';

/** What every page builder receives: the resolved settings and the problems found in stored jsonData. */
export interface AppContext {
  settings: AppSettings;
  problems: SettingsProblem[];
}
