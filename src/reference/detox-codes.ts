/**
 * Withdrawal management (detox) services that need preauthorization: HCPCS
 * H0008–H0014 (sub-acute and acute detoxification, residential and ambulatory)
 * and NUBC revenue codes 0116/0126/0136/0146/0156 (room and board, detoxification).
 */
export const detoxProcedureCodes = ['H0008', 'H0009', 'H0010', 'H0011', 'H0012', 'H0013', 'H0014'] as const;
export const detoxRevenueCodes = ['0116', '0126', '0136', '0146', '0156'] as const;
