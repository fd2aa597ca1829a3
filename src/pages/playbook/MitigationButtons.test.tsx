import '../../testing/jsdomPolyfills';
import React from 'react';
import type { Server } from 'node:http';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_API_PATH, MITIGATION_ACTION } from '@hybridlens/conventions';
import { installSceneTestEnv } from '../../testing/sceneTestEnv';
import { testIds, uiText } from '../../ui';
import { adminClient } from './adminApi';
import { AdminStatus } from './adminStatus';
import { json, nodeFetch, serve } from './adminTestServer';
import { MitigationButtons } from './MitigationButtons';

installSceneTestEnv();
// A loaded machine renders @grafana/ui slowly; the assertions wait for conditions, not for time.
jest.setTimeout(30_000);

describe('MitigationButtons', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    server = undefined;
  });

  it('for a Viewer every button is disabled and says why, and nothing is called', async () => {
    const admin = await serve({});
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000), 'viewer');
    render(
      <MitigationButtons
        actions={[MITIGATION_ACTION.reduceShots, MITIGATION_ACTION.disableProvider]}
        scope={{ provider: 'ibm' }}
        status={status}
        actor="viewer"
      />
    );
    const buttons = screen.getAllByTestId(testIds.playbook.actionButton);
    expect(buttons).toHaveLength(2);
    for (const b of buttons) {
      expect(b).toBeDisabled();
    }
    const reasons = screen.getAllByTestId(testIds.playbook.actionDisabledReason);
    expect(reasons.map((r) => r.textContent)).toEqual([
      uiText('playbook.action.roles-only'),
      uiText('playbook.action.roles-only'),
    ]);
    expect(admin.seen).toEqual([]);
  });

  it('an Editor confirms an action naming its effect and scope, then sees the result', async () => {
    let flags: string[] = [];
    const admin = await serve({
      [ADMIN_API_PATH.actions]: (res, req) => {
        const body = JSON.parse(req.body) as { provider: string };
        flags = [`disable_provider:${body.provider}`];
        json(200, { result: 'applied', flags })(res, req);
      },
      [ADMIN_API_PATH.flags]: (res, req) => json(200, { flags, holds: [] })(res, req),
      [ADMIN_API_PATH.audit]: json(200, { entries: [] }),
    });
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    render(
      <MitigationButtons
        actions={[MITIGATION_ACTION.disableProvider]}
        scope={{ provider: 'ionq' }}
        status={status}
        actor="editor"
      />
    );
    fireEvent.click(screen.getByTestId(testIds.playbook.actionButton));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(dialog).toHaveTextContent(uiText('playbook.action.disable-provider.effect'));
    expect(dialog).toHaveTextContent(
      uiText('playbook.action.confirm-scope', { scope: uiText('playbook.action.scope-provider', { provider: 'ionq' }) })
    );
    // Nothing is sent before the confirmation.
    expect(admin.seen).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: uiText('playbook.action.disable-provider.label') }));
    const result = await screen.findByTestId(testIds.playbook.actionResult, {}, { timeout: 15_000 });
    expect(result).toHaveTextContent('disable_provider:ionq');
    expect(admin.seen[0]).toBe(
      `POST ${ADMIN_API_PATH.actions} {"action":"disable_provider","provider":"ionq","actor":"editor"}`
    );
    await waitFor(() => expect(status.state.view?.flags).toEqual(['disable_provider:ionq']), { timeout: 15_000 });
  });

  it('a refused action shows the error and leaves the state as it was', async () => {
    const admin = await serve({ [ADMIN_API_PATH.actions]: json(500, { error: 'state file unwritable' }) });
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    const before = status.state;
    render(<MitigationButtons actions={[MITIGATION_ACTION.forceSimulator]} scope={{}} status={status} actor="ed" />);
    fireEvent.click(screen.getByTestId(testIds.playbook.actionButton));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(dialog).toHaveTextContent(uiText('playbook.action.scope-global'));
    fireEvent.click(within(dialog).getByRole('button', { name: uiText('playbook.action.force-simulator.label') }));
    const error = await screen.findByTestId(testIds.playbook.actionError, {}, { timeout: 15_000 });
    expect(error).toHaveAttribute('data-kind', 'http');
    expect(error).toHaveTextContent('state file unwritable');
    expect(screen.queryByTestId(testIds.playbook.actionResult)).toBeNull();
    expect(status.state).toBe(before);
  });

  it('a provider action without one provider in scope is disabled with the reason', async () => {
    const admin = await serve({});
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    render(<MitigationButtons actions={[MITIGATION_ACTION.enableProvider]} scope={{}} status={status} actor="ed" />);
    expect(screen.getByTestId(testIds.playbook.actionButton)).toBeDisabled();
    expect(screen.getByTestId(testIds.playbook.actionDisabledReason)).toHaveTextContent(
      uiText('playbook.action.needs-provider')
    );
  });
});
