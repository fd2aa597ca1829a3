import React from 'react';
import { Text } from '@grafana/ui';

/** A section title between the page's blocks. */
export function SectionHeading({ text }: { text: string }) {
  return <Text element="h3">{text}</Text>;
}
