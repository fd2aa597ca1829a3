import '../../testing/jsdomPolyfills';
import React from 'react';
import type { Server } from 'node:http';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { ADMIN_API_PATH, MITIGATION_ACTION } from '@hybridlens/conventions';
import { installSceneTestEnv } from '../../testing/sceneTestEnv';
import { testIds, uiText } from '../../ui';
import { adminClient } from './adminApi';
import { AdminStatus } from './adminStatus';
import { type Answer, json, nodeFetch, serve } from './adminTestServer';
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

  /** Confirms "Switch to the simulator" on an unscoped page and waits for the error the page shows. */
  async function runForceSimulator(status: AdminStatus): Promise<HTMLElement> {
    render(<MitigationButtons actions={[MITIGATION_ACTION.forceSimulator]} scope={{}} status={status} actor="ed" />);
    fireEvent.click(screen.getByTestId(testIds.playbook.actionButton));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 15_000 });
    expect(dialog).toHaveTextContent(uiText('playbook.action.scope-global'));
    fireEvent.click(within(dialog).getByRole('button', { name: uiText('playbook.action.force-simulator.label') }));
    const error = await screen.findByTestId(testIds.playbook.actionError, {}, { timeout: 15_000 });
    expect(screen.queryByTestId(testIds.playbook.actionResult)).toBeNull();
    return error;
  }
  const label = () => uiText('playbook.action.force-simulator.label');

  it.each<[string, Answer | 'closed', string, RegExp]>([
    ['refused', 'closed', 'refused', /could not be reached/],
    ['a 409', json(409, { error: 'provider unknown' }), 'http', /HTTP 409.*provider unknown/],
    ['a 403 from the proxy', json(403, { message: 'plugin proxy route access denied' }), 'denied', /Editors/],
  ])('%s: says it did not run and changes nothing, without reading again', async (_, answer, kind, text) => {
    const admin = await serve(answer === 'closed' ? {} : { [ADMIN_API_PATH.actions]: answer });
    if (answer === 'closed') {
      await new Promise((r) => admin.server.close(r));
    } else {
      server = admin.server;
    }
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    const before = status.state;
    const error = await runForceSimulator(status);
    expect(error).toHaveAttribute('data-kind', kind);
    expect(error).toHaveAttribute('data-applied', 'no');
    expect(error).toHaveTextContent(uiText('playbook.action.failed', { label: label() }));
    expect(error).toHaveTextContent(text);
    expect(status.state).toBe(before);
    expect(admin.seen.filter((s) => !s.startsWith('POST'))).toEqual([]);
  });

  // The API applies the action, then the answer is lost: the page must not claim that nothing changed.
  it.each<[string, Answer, string, RegExp]>([
    ['a timeout', () => undefined, 'timeout', /did not answer in time: no answer within 300 ms/],
    ['a 500', json(500, { error: 'state file unwritable' }), 'http', /HTTP 500.*state file unwritable/],
    [
      'a 504 from the proxy',
      json(504, { message: 'Gateway Timeout' }),
      'http',
      /not reachable from Grafana \(HTTP 504\)/,
    ],
    ['malformed JSON', (res) => res.writeHead(200).end('{"result": "appl'), 'malformed', /not JSON/],
  ])('%s: reads the state again and says what the admin API now reports', async (_, answer, kind, text) => {
    let flags: string[] = [];
    const admin = await serve({
      [ADMIN_API_PATH.actions]: (res, req) => {
        flags = ['force_simulator'];
        answer(res, req);
      },
      [ADMIN_API_PATH.flags]: (res, req) => json(200, { flags, holds: [] })(res, req),
      [ADMIN_API_PATH.audit]: json(200, { entries: [] }),
    });
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 300));
    const error = await runForceSimulator(status);
    expect(error).toHaveAttribute('data-kind', kind);
    expect(error).toHaveAttribute('data-applied', 'unknown');
    expect(error).toHaveTextContent(
      uiText('playbook.action.may-have-run', { label: label(), flags: 'force_simulator' })
    );
    expect(error).not.toHaveTextContent(uiText('playbook.action.failed', { label: label() }));
    expect(error).toHaveTextContent(text);
    // The banner and audit now show what the API reports, not what the page had before.
    expect(status.state.view?.flags).toEqual(['force_simulator']);
    expect(status.state.loadError).toBeUndefined();
  });

  it('a 502 whose re-read fails too says plainly that the outcome is unknown', async () => {
    const admin = await serve({
      [ADMIN_API_PATH.actions]: json(502, { message: 'Bad Gateway' }),
      [ADMIN_API_PATH.flags]: json(502, { message: 'Bad Gateway' }),
      [ADMIN_API_PATH.audit]: json(502, { message: 'Bad Gateway' }),
    });
    server = admin.server;
    const status = new AdminStatus(adminClient(admin.base, nodeFetch, 2000));
    const error = await runForceSimulator(status);
    expect(error).toHaveAttribute('data-applied', 'unknown');
    expect(error).toHaveTextContent(uiText('playbook.action.outcome-unknown', { label: label() }));
    expect(error).toHaveTextContent(/Reading the mitigation state again failed too/);
    expect(status.state.view).toBeUndefined();
    expect(status.state.loadError).toMatchObject({ kind: 'http', status: 502 });
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
