/**
 * The bundled dashboards in the real Grafana of the compose stack (the GitHub e2e job): provisioned into their
 * folder, and each opens at `/d/<uid>` with every panel drawn without an error. The page harness checks what the
 * panels show (`playwright/ct/tests/dashboards.spec.tsx`); this checks that Grafana itself loads them.
 *
 * It cannot run on the development machine (no Docker there); it runs only in the GitHub e2e job.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@grafana/plugin-e2e';
import { parse } from 'yaml';
import { BUNDLED_DASHBOARDS } from '@hybridlens/dashboards';

const repoRoot = join(__dirname, '../..');

interface BundledDashboardJson {
  uid: string;
  title: string;
  panels?: Array<{ type: string; title?: string; panels?: Array<{ title?: string }> }>;
}

/** The committed JSON of a bundled dashboard, as the plugin ships it (src/dashboards). */
function dashboardJson(file: string): BundledDashboardJson {
  return JSON.parse(readFileSync(join(repoRoot, 'src/dashboards', file), 'utf8')) as BundledDashboardJson;
}

/** Titles of every panel, those inside rows included, rows themselves and untitled text left out. */
function panelTitles(dashboard: BundledDashboardJson): string[] {
  return (dashboard.panels ?? [])
    .flatMap((p) => (p.type === 'row' ? (p.panels ?? []) : [p]))
    .map((p) => p.title ?? '')
    .filter(Boolean);
}

/** The folder compose provisions the dashboards into, read from the provisioning file Grafana reads. */
function provisionedFolder(): { title: string; uid: string } {
  const file = 'provisioning/dashboards/dashboards.yaml';
  const config = parse(readFileSync(join(repoRoot, file), 'utf8')) as {
    providers?: Array<{ folder?: string; folderUid?: string }>;
  };
  const provider = config.providers?.find((p) => p.folder && p.folderUid);
  if (!provider) {
    throw new Error(`${file}: providers: no provider with a folder and a folderUid`);
  }
  return { title: provider.folder!, uid: provider.folderUid! };
}

test.describe('bundled dashboards in Grafana', () => {
  test('the provisioned folder holds every bundled dashboard', async ({ request }) => {
    const folder = provisionedFolder();
    const res = await request.get(`/api/folders/${folder.uid}`);
    expect(res.status(), await res.text()).toBe(200);
    expect(((await res.json()) as { title: string }).title).toBe(folder.title);

    const search = await request.get(`/api/search?type=dash-db&folderUIDs=${folder.uid}`);
    expect(search.status(), await search.text()).toBe(200);
    const uids = ((await search.json()) as Array<{ uid: string }>).map((d) => d.uid).sort();
    expect(uids).toEqual(BUNDLED_DASHBOARDS.map((d) => d.uid).sort());
  });

  for (const { uid, file } of BUNDLED_DASHBOARDS) {
    test(`${uid} opens with every panel and no panel error`, async ({ gotoDashboardPage, page }) => {
      const dashboard = dashboardJson(file);
      const dashboardPage = await gotoDashboardPage({ uid });
      await expect(page.getByText(dashboard.title).first()).toBeVisible();
      for (const title of panelTitles(dashboard)) {
        const panel = dashboardPage.getPanelByTitle(title);
        // Grafana 13 renders a panel only once it is scrolled into view.
        await panel.scrollIntoView();
        await expect(panel.locator, `panel "${title}"`).toBeVisible();
        await expect(panel.getErrorIcon(), `panel "${title}" shows an error`).toHaveCount(0);
      }
      await expect(dashboardPage).not.toHavePanelErrors();
    });
  }
});
