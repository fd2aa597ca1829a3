import type { PageId } from '@hybridlens/conventions';
import { t } from '../i18n';

/**
 * The translated title of each page. The contract names the pages (PAGE[page].title, used in links and
 * alert annotations); a unit test keeps these English defaults equal to it.
 */
export function pageTitle(page: PageId): string {
  switch (page) {
    case 'overview':
      return t('pages.overview.title', 'Overview');
    case 'lifecycle':
      return t('pages.lifecycle.title', 'Lifecycle');
    case 'providers':
      return t('pages.providers.title', 'Providers');
    case 'providerDetail':
      return t('pages.provider-detail.title', 'Provider backend');
    case 'slos':
      return t('pages.slos.title', 'SLOs');
    case 'sloDetail':
      return t('pages.slo-detail.title', 'SLO');
    case 'llmQuality':
      return t('pages.llm-quality.title', 'LLM quality');
    case 'llmTraces':
      return t('pages.llm-traces.title', 'LLM traces');
    case 'playbooks':
      return t('pages.playbooks.title', 'Playbooks');
    case 'playbook':
      return t('pages.playbook.title', 'Playbook');
    case 'trace':
      return t('pages.trace.title', 'Trace');
    case 'quantumJob':
      return t('pages.quantum-job.title', 'Quantum job');
  }
}
