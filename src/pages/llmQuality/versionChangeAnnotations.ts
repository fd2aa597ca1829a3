import { annotationsFromQueries } from '../../components/annotations/annotationsFromQueries';
import { t } from '../../i18n';
import { VERSION_CHANGES_REF_ID, answeredStep, versionChangeAnnotations, versionChanges } from './versionChanges';

/**
 * The trend panels' version-change annotations: the model-info series, queried with the trend lines, become one
 * annotation frame (old → new at each change) and leave the series. Without a step in the answer (one sample per
 * series) every series is one period, so only a new series after another marks a change.
 */
export const versionChangeAnnotationsTransform = annotationsFromQueries([VERSION_CHANGES_REF_ID], (sources) =>
  versionChangeAnnotations(versionChanges(sources, answeredStep(sources) ?? Infinity), {
    model: t('llm-quality.annotations.model', 'model'),
    prompt: t('llm-quality.annotations.prompt', 'prompt template'),
  })
);
