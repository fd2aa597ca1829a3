import React from 'react';
import { css } from '@emotion/css';
import { SceneObjectBase, sceneGraph, type SceneComponentProps, type SceneObjectState } from '@grafana/scenes';
import { LABEL } from '@hybridlens/conventions';
import { t } from '../../i18n';
import { testIds } from '../../ui/testIds';
import { samplesOf } from '../../app/frames';
import { DECISIONS } from './lifecycleQueries';

const tableStyle = css({
  borderCollapse: 'collapse',
  'th, td': { padding: '2px 16px 2px 0', textAlign: 'left' },
});

/**
 * The orchestrator's decisions in the range: which path it chose and why (the contract's reasons), most frequent
 * first, with their share of all decisions.
 */
export class Decisions extends SceneObjectBase<SceneObjectState> {
  static Component = ({ model }: SceneComponentProps<Decisions>) => {
    const { data } = sceneGraph.getData(model).useState();
    const rows = samplesOf(data?.series ?? [], DECISIONS.byPathReason)
      .filter((s) => Number.isFinite(s.value))
      .sort((a, b) => b.value - a.value);
    const total = rows.reduce((sum, r) => sum + r.value, 0);
    return (
      <table className={tableStyle} data-testid={testIds.lifecycle.decisions}>
        <thead>
          <tr>
            <th scope="col">{t('lifecycle.decisions.path', 'Path chosen')}</th>
            <th scope="col">{t('lifecycle.decisions.reason', 'Why')}</th>
            <th scope="col">{t('lifecycle.decisions.count', 'Decisions')}</th>
            <th scope="col">{t('lifecycle.decisions.share', 'Share')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={`${r.labels[LABEL.path]}-${r.labels[LABEL.reason]}`}
              data-testid={testIds.lifecycle.decision}
              data-path={r.labels[LABEL.path]}
              data-reason={r.labels[LABEL.reason]}
              data-count={Math.round(r.value)}
            >
              <td>{r.labels[LABEL.path]}</td>
              <td>{r.labels[LABEL.reason]}</td>
              <td>{Math.round(r.value)}</td>
              <td>
                {total > 0 ? `${((r.value / total) * 100).toFixed(1)} %` : t('lifecycle.decisions.no-share', 'n/a')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  };
}
