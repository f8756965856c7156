/** The plan types enrollment records, by which the measures can be filtered. */
export const planTypes = ['HMO', 'EPO', 'POS', 'PPO'] as const;
