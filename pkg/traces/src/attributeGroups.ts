import { ALL_ATTRIBUTE_GROUPS } from '@hybridlens/conventions';
import type { AttributeValue, TraceSpan } from './model';

export type AttributeGroupName = keyof typeof ALL_ATTRIBUTE_GROUPS | 'other';

export interface AttributeGroup {
  group: AttributeGroupName;
  /** In the contract's order within a contract group, by key otherwise. */
  attributes: Array<{ key: string; value: AttributeValue }>;
}

const GROUP_OF_KEY = new Map<string, { group: AttributeGroupName; order: number }>();
let order = 0;
for (const [group, attributes] of Object.entries(ALL_ATTRIBUTE_GROUPS)) {
  for (const attribute of Object.values(attributes)) {
    GROUP_OF_KEY.set(attribute.key, { group: group as AttributeGroupName, order: order++ });
  }
}
const GROUP_ORDER: readonly AttributeGroupName[] = [
  ...(Object.keys(ALL_ATTRIBUTE_GROUPS) as AttributeGroupName[]),
  'other',
];

/**
 * A span's attributes grouped as a detail pane shows them: GenAI, LLM, quantum, orchestrator and request
 * attributes of the contract, then everything else. Raw prompts and outputs never reach here (the reader
 * drops them); prompt and output appear only as their hashes.
 */
export function groupAttributes(span: TraceSpan): AttributeGroup[] {
  const groups = new Map<AttributeGroupName, Array<{ key: string; value: AttributeValue; order: number }>>();
  for (const [key, value] of Object.entries(span.attributes)) {
    const known = GROUP_OF_KEY.get(key);
    const group = known?.group ?? 'other';
    let list = groups.get(group);
    if (!list) {
      list = [];
      groups.set(group, list);
    }
    list.push({ key, value, order: known?.order ?? 0 });
  }
  return GROUP_ORDER.filter((g) => groups.has(g)).map((group) => ({
    group,
    attributes: groups
      .get(group)!
      .sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ key, value }) => ({ key, value })),
  }));
}
