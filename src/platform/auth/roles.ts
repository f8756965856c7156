/** Everyone who signs in has exactly one of these roles (PRODUCT: people and roles). */
export const roles = [
  'case_manager',
  'supervisor',
  'clinical_pharmacist',
  'um_reviewer',
  'facility_staff',
  'member',
  'analyst',
  'admin',
  'supporter',
] as const;

export type Role = (typeof roles)[number];

/** Roles of the plan's own staff, who see member data for treatment, payment and operations (TPO). */
export const planStaffRoles: readonly Role[] = [
  'case_manager',
  'supervisor',
  'clinical_pharmacist',
  'um_reviewer',
];

/** Whether a string is one of our roles. */
export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
