import { SceneObjectBase, type SceneObjectState } from '@grafana/scenes';
import { AdminStatusView } from './AdminStatusView';
import type { ActionResult, AdminClient, AdminError, AuditLine, FlagsView } from './adminApi';
import type { ActionRequest } from './mitigations';

export interface AdminStatusState extends SceneObjectState {
  /** The flags in force and the alerts' holds, as last read. */
  view?: FlagsView;
  audit?: AuditLine[];
  /** The last read failed; what was shown before stays. */
  loadError?: AdminError;
  loading: boolean;
  /** Why the admin API is not called at all: a Viewer (the proxy route is Editor-only), or no URL in the settings. */
  blocked?: AdminBlock;
}

export type AdminBlock = 'viewer' | 'unconfigured';

export type ActionOutcome = { ok: true; value: ActionResult } | { ok: false; error: AdminError };

/**
 * The orchestrator's mitigation state on a playbook page: flags, holds and audit read from the admin API,
 * and the one way to run an action. A failed read or action changes nothing already shown; a successful
 * action is followed by a fresh read, so the banner and the audit show what the API now says.
 */
export class AdminStatus extends SceneObjectBase<AdminStatusState> {
  static Component = AdminStatusView;

  constructor(
    private readonly client: AdminClient,
    blocked?: AdminBlock
  ) {
    super({ loading: false, blocked });
    this.addActivationHandler(() => {
      if (!this.state.blocked && this.state.view === undefined) {
        void this.load();
      }
    });
  }

  async load(): Promise<void> {
    if (this.state.blocked) {
      return;
    }
    this.setState({ loading: true });
    const [flags, audit] = await Promise.all([this.client.flags(), this.client.audit()]);
    if (flags.ok && audit.ok) {
      this.setState({ loading: false, view: flags.value, audit: audit.value, loadError: undefined });
    } else {
      this.setState({ loading: false, loadError: !flags.ok ? flags.error : !audit.ok ? audit.error : undefined });
    }
  }

  async run(request: ActionRequest): Promise<ActionOutcome> {
    const outcome = await this.client.act(request);
    if (outcome.ok) {
      await this.load();
    }
    return outcome;
  }
}
