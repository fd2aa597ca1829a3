import { LABEL, METRIC } from '@hybridlens/conventions';
import { createTelemetry, InstrumentInputError } from '../src';
import { parseExposition } from './helpers/exposition';

const NAME = METRIC.llmModelInfo.name;

async function series(telemetry: ReturnType<typeof createTelemetry>) {
  return parseExposition(await telemetry.registry.metrics())
    .filter((s) => s.series === NAME)
    .map((s) => ({
      model: s.labels[LABEL.model],
      modelVersion: s.labels[LABEL.modelVersion],
      promptTemplateVersion: s.labels[LABEL.promptTemplateVersion],
      value: s.value,
    }))
    .sort((a, b) => `${a.model}`.localeCompare(`${b.model}`));
}

describe('setLlmModelInfo (hybrid_llm_model_info)', () => {
  it('keeps one series per model, replaced when its model or prompt version changes', async () => {
    const telemetry = createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
    expect(await series(telemetry)).toEqual([]);
    telemetry.setLlmModelInfo({
      model: 'gpt-4.1-mini',
      modelVersion: 'gpt-4.1-mini-2025-04-14',
      promptTemplateVersion: 'v7',
    });
    telemetry.setLlmModelInfo({ model: 'llama', modelVersion: 'llama-v1:0', promptTemplateVersion: 'v7' });
    telemetry.setLlmModelInfo({
      model: 'gpt-4.1-mini',
      modelVersion: 'gpt-4.1-mini-2025-04-14',
      promptTemplateVersion: 'v8',
    });
    expect(await series(telemetry)).toEqual([
      { model: 'gpt-4.1-mini', modelVersion: 'gpt-4.1-mini-2025-04-14', promptTemplateVersion: 'v8', value: 1 },
      { model: 'llama', modelVersion: 'llama-v1:0', promptTemplateVersion: 'v7', value: 1 },
    ]);
    telemetry.setLlmModelInfo({ model: 'llama', modelVersion: 'llama-v1:1', promptTemplateVersion: 'v7' });
    telemetry.setLlmModelInfo({ model: 'llama', modelVersion: 'llama-v1:1', promptTemplateVersion: 'v7' });
    expect((await series(telemetry)).filter((s) => s.model === 'llama')).toEqual([
      { model: 'llama', modelVersion: 'llama-v1:1', promptTemplateVersion: 'v7', value: 1 },
    ]);
    await telemetry.shutdown();
  });

  it('refuses a version that is not a short release name, naming the field, and changes nothing', async () => {
    const telemetry = createTelemetry({ serviceName: 'hybrid-api', logSink: () => undefined });
    telemetry.setLlmModelInfo({ model: 'm', modelVersion: 'm-1', promptTemplateVersion: 'v7' });
    const before = await series(telemetry);
    const bad = [
      { model: 'm', modelVersion: 'Summarise the following text: ...', promptTemplateVersion: 'v8' },
      { model: 'm', modelVersion: 'm-2', promptTemplateVersion: 'x'.repeat(65) },
      { model: '', modelVersion: 'm-2', promptTemplateVersion: 'v8' },
    ];
    const fields = ['modelVersion', 'promptTemplateVersion', 'model'];
    bad.forEach((input, i) => {
      let error: unknown;
      try {
        telemetry.setLlmModelInfo(input);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InstrumentInputError);
      expect(String((error as Error).message)).toContain(fields[i]);
    });
    expect(await series(telemetry)).toEqual(before);
    await telemetry.shutdown();
  });
});
