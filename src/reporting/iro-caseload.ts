/** The IRO Handbook's recommended caseload range per full-time IRO: 50-70 children. */
export const IRO_HANDBOOK_CASELOAD_MINIMUM = 50;
export const IRO_HANDBOOK_CASELOAD_MAXIMUM = 70;
