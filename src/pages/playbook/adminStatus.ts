import { SceneObjectBase, type SceneObjectState } from '@grafana/scenes';
import { AdminStatusView } from './AdminStatusView';
import {
  type ActionResult,
  type AdminClient,
  type AdminError,
  type AdminResult,
  type AuditLine,
  type FlagsView,
  outcomeUnknown,
} from './adminApi';
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

export type ActionOutcome =
  | { ok: true; value: ActionResult }
  /** The API did not act: the connection was refused, or it answered 4xx. */
  | { ok: false; error: AdminError; applied: 'no' }
  /**
   * It may have acted (a timeout, a 5xx, an unreadable answer): `now` is what it reports when read again, or
   * `rereadError` says why that read failed too.
   */
  | { ok: false; error: AdminError; applied: 'unknown'; now?: FlagsView; rereadError?: AdminError };

/**
 * The orchestrator's mitigation state on a playbook page: flags, holds and audit read from the admin API,
 * and the one way to run an action. A failed read or action changes nothing already shown; a successful
 * action is followed by a fresh read, so the banner and the audit show what the API now says. So is a failed
 * action that may have been applied anyway: the page then says what is in force, not that nothing changed.
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

  /** Reads flags and audit; the flags read, or why the read failed (undefined when the API is not called). */
  async load(): Promise<AdminResult<FlagsView> | undefined> {
    if (this.state.blocked) {
      return undefined;
    }
    this.setState({ loading: true });
    const [flags, audit] = await Promise.all([this.client.flags(), this.client.audit()]);
    if (!flags.ok) {
      return this.readFailed(flags.error);
    }
    if (!audit.ok) {
      return this.readFailed(audit.error);
    }
    this.setState({ loading: false, view: flags.value, audit: audit.value, loadError: undefined });
    return flags;
  }

  private readFailed(error: AdminError): AdminResult<FlagsView> {
    this.setState({ loading: false, loadError: error });
    return { ok: false, error };
  }

  async run(request: ActionRequest): Promise<ActionOutcome> {
    const outcome = await this.client.act(request);
    if (outcome.ok) {
      await this.load();
      return outcome;
    }
    if (!outcomeUnknown(outcome.error)) {
      return { ok: false, error: outcome.error, applied: 'no' };
    }
    const reread = await this.load();
    return reread?.ok
      ? { ok: false, error: outcome.error, applied: 'unknown', now: reread.value }
      : { ok: false, error: outcome.error, applied: 'unknown', rereadError: reread?.error };
  }
}
