import React from 'react';
import { PAGE, buildAppUrl } from '@hybridlens/conventions';
import { AnnotatedPanelHarness, type HarnessAnnotation } from '../panels/AnnotatedPanelHarness';
import { AppHarness } from '../runtime/AppHarness';
import { harnessTestIds } from '../runtime/harnessTestIds';
import { expect, saveScreenshot, test } from './fixtures';

test.describe('harness self-test', () => {
  // Marked as failing: if the console-error check ever stopped catching errors, this test would pass
  // unexpectedly and the run would fail.
  test('a console error in the page fails the test', async ({ mount, page, harness }) => {
    test.fail();
    const component = await mount(<AppHarness url={buildAppUrl({ page: 'playbooks' })} />, { hooksConfig: harness });
    await expect(component.getByTestId(harnessTestIds.pageTitle)).toHaveText(PAGE.playbooks.title);
    await page.evaluate(() => console.error('harness self-test: this error must fail the test'));
  });

  test('the time series stand-in draws each annotation in range at its time, and none outside', async ({
    mount,
    page,
    harness,
  }) => {
    const hour = 3_600_000;
    const from = Date.parse('2026-11-20T00:00:00Z');
    const to = from + 6 * hour;
    const inside: HarnessAnnotation[] = [
      { timeMs: from + 1.5 * hour, title: 'release v8' },
      { timeMs: from + 4 * hour, timeEndMs: from + 5 * hour, title: 'maintenance window' },
    ];
    const outside = [
      { timeMs: from - hour, title: 'before the range' },
      { timeMs: to + hour, title: 'after the range' },
    ];
    const component = await mount(
      <AnnotatedPanelHarness
        from={from}
        to={to}
        frames={[
          { name: 'releases', color: 'purple', marks: [inside[0]!, outside[0]!] },
          { name: 'windows', color: 'orange', marks: [inside[1]!, outside[1]!] },
        ]}
      />,
      { hooksConfig: harness }
    );
    const markers = component.getByTestId(harnessTestIds.annotationMarker);
    await expect(markers).toHaveCount(2);
    // x on the plot: the overlay uPlot draws into spans the range from its left edge to its right edge.
    const plot = (await component.locator('.u-over').boundingBox())!;
    const xOf = (time: number) => plot.x + ((time - from) / (to - from)) * plot.width;
    for (const mark of inside) {
      const marker = component.locator(
        `[data-testid="${harnessTestIds.annotationMarker}"][data-time="${mark.timeMs}"]`
      );
      await expect(marker).toHaveAttribute('data-title', mark.title);
      const box = (await marker.boundingBox())!;
      const end = mark.timeEndMs ?? mark.timeMs;
      expect(Math.abs(box.x + box.width / 2 - (xOf(mark.timeMs) + xOf(end)) / 2)).toBeLessThan(1.5);
      expect(box.width).toBeGreaterThanOrEqual(xOf(end) - xOf(mark.timeMs));
    }
    await expect(
      component.getByTestId(harnessTestIds.annotationMarker).and(page.locator('[data-time-end]'))
    ).toHaveAttribute('data-time-end', String(inside[1]!.timeEndMs));
    // Each in its frame's colour, its title on hover, and reachable with the keyboard.
    const [purple, orange] = await markers.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor));
    expect(purple).not.toEqual(orange);
    await markers.first().hover();
    await expect(component.getByTestId(harnessTestIds.annotationTooltip)).toContainText(inside[0]!.title);
    await page.mouse.move(0, 0);
    await expect(component.getByTestId(harnessTestIds.annotationTooltip)).toHaveCount(0);
    await saveScreenshot(page, 'harness-annotations');
    await markers.nth(1).focus();
    await expect(component.getByTestId(harnessTestIds.annotationTooltip)).toContainText(inside[1]!.title);
  });
});
