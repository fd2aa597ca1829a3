/** The command of pkg/slo that writes the SLO recording and alert rules (and the metadata series). */
export const SLO_GENERATE_COMMAND = 'npx hybridlens-slo generate';
