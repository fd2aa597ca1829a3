/**
 * What a model_version or prompt_template_version label value may look like: a short release name
 * (`gpt-4.1-mini-2025-04-14`, `meta.llama3-1-70b-instruct-v1:0`, `v7`). Bounded in length and alphabet so
 * that a prompt, a hash of one or free text never becomes a label value.
 */
export const LLM_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Whether `value` may be a model_version / prompt_template_version label value. */
export function isLlmVersion(value: string): boolean {
  return LLM_VERSION_PATTERN.test(value);
}
