/* eslint-disable @typescript-eslint/no-deprecated */
// Plugin `includes` and Grafana's file provisioning import the classic dashboard JSON (schemaVersion 42) on
// Grafana 12.4 and 13; the SDK marks its builder deprecated in favour of the v2 resource, which neither imports.
import { type Dashboard, DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';

export type ClassicDashboard = Dashboard;
export class ClassicDashboardBuilder extends DashboardBuilder {}
