import type { Locator } from '@playwright/test';
import { testIds, uiText } from '../../src/ui';
import { AppPageObject } from './AppPageObject';
import { annotationMarkers } from './annotationMarkers';

/** The LLM quality page's tiles, by the key of their title in the app's UI text. */
export const LLM_QUALITY_TILES = {
  hallucination: 'llm-quality.tiles.hallucination.title',
  schema: 'llm-quality.tiles.schema.title',
  consistency: 'llm-quality.tiles.consistency.title',
  coldStarts: 'llm-quality.tiles.cold-starts.title',
  latency: 'llm-quality.tiles.latency.title',
  ttft: 'llm-quality.tiles.ttft.title',
  inputTokens: 'llm-quality.tiles.input-tokens.title',
  outputTokens: 'llm-quality.tiles.output-tokens.title',
  hallucinationTrend: 'llm-quality.tiles.hallucination-trend.title',
  schemaTrend: 'llm-quality.tiles.schema-trend.title',
  consistencyTrend: 'llm-quality.tiles.consistency-trend.title',
  latencyTrend: 'llm-quality.tiles.latency-trend.title',
  ttftTrend: 'llm-quality.tiles.ttft-trend.title',
  coldStartsTrend: 'llm-quality.tiles.cold-starts-trend.title',
  tokensTrend: 'llm-quality.tiles.tokens-trend.title',
} as const;

export type LlmQualityTile = keyof typeof LLM_QUALITY_TILES;

export class LlmQualityPage extends AppPageObject {
  static tileTitles(): string[] {
    return Object.values(LLM_QUALITY_TILES).map((key) => uiText(key));
  }

  static title(tile: LlmQualityTile): string {
    return uiText(LLM_QUALITY_TILES[tile]);
  }

  tile(tile: LlmQualityTile): Locator {
    return this.panel(LlmQualityPage.title(tile));
  }

  /** The annotation markers a trend tile draws on its time axis (model and prompt-template version changes). */
  versionMarkers(tile: LlmQualityTile): Locator {
    return annotationMarkers(this.tile(tile));
  }

  /** The LLM traces page's refusal of a link; `data-param` names the URL parameter at fault. */
  get pointTracesProblem(): Locator {
    return this.root.getByTestId(testIds.llmQuality.pointTracesProblem);
  }

  /** The rows of the list of version changes in range (`data-time`: epoch ms of the change). */
  get versionChangeRows(): Locator {
    return this.root.getByTestId(testIds.llmQuality.versionChange);
  }

  /** Panels still waiting for their data (Grafana's panel chrome shows a loading bar). */
  get loadingPanels(): Locator {
    return this.root.getByLabel('Panel loading bar');
  }
}
