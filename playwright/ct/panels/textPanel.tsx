import React from 'react';
import { PanelPlugin, type PanelProps, renderTextPanelMarkdown, textUtil } from '@grafana/data';

interface TextOptions {
  mode?: 'markdown' | 'html' | 'code';
  content?: string;
}

function TextStandIn({ options, replaceVariables }: PanelProps<TextOptions>) {
  const content = replaceVariables(options.content ?? '');
  const html =
    options.mode === 'html'
      ? textUtil.sanitize(content)
      : options.mode === 'code'
        ? `<pre>${textUtil.escapeHtml(content)}</pre>`
        : renderTextPanelMarkdown(content);
  return <div className="markdown-html" dangerouslySetInnerHTML={{ __html: html }} />;
}

export const textPanel = new PanelPlugin<TextOptions>(TextStandIn);
